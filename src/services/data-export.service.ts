/**
 * "Export all my data": every row the athlete owns, in every table, as one JSON document the runner can keep
 * or take elsewhere. Rows appear as stored (the schema's column names), activity streams as base64 with their
 * encoding's name, so nothing is lost. The document is produced piece by piece and activities are read a page
 * at a time, so 3,000 runs with their streams never sit in memory together.
 */
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { todayIn } from './activity-history.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';

export const EXPORT_FORMAT = 'kneewise-export';
/** Bump when a reader of older exports would misread the new one. */
export const EXPORT_FORMAT_VERSION = 1;

/** Activities per page: with streams of an hour at 1 Hz (tens of kB each) a page stays a few MB. */
const ACTIVITY_PAGE = 100;

/** The small tables, written whole after the activities, in this order, under these keys. */
const OTHER_TABLES = [
  ['importedFiles', 'imported_files', ['imported_at', 'content_hash']],
  ['shoes', 'shoes', ['created_at', 'id']],
  ['painEntries', 'pain_entries', ['occurred_at', 'id']],
  ['assessments', 'assessments', ['created_at', 'id']],
  ['programmeSessions', 'programme_sessions', ['local_date', 'id']],
] as const;

export type ExportCounts = Record<'activities' | (typeof OTHER_TABLES)[number][0], number>;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  athlete: { id: string; name: string; isDemo: boolean };
  settings: Athlete['settings'];
  activities: (Record<string, unknown> & { stream: { encoding: string; data: string } | null })[];
  importedFiles: Record<string, unknown>[];
  shoes: Record<string, unknown>[];
  painEntries: Record<string, unknown>[];
  assessments: Record<string, unknown>[];
  programmeSessions: Record<string, unknown>[];
  counts: ExportCounts;
}

export class DataExportService {
  private finishedCounts: ExportCounts | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
  ) {}

  /** kneewise-export-YYYY-MM-DD.json, the runner's local date. */
  fileName(): string {
    return `kneewise-export-${todayIn(this.now(), this.athlete.settings.timeZone ?? systemTimeZone())}.json`;
  }

  /** The document as consecutive pieces of JSON text; joined, they parse as an ExportDocument. */
  async *chunks(): AsyncGenerator<string> {
    const head = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: this.now().toISOString(),
      athlete: { id: this.athlete.id, name: this.athlete.name, isDemo: this.athlete.isDemo },
      settings: this.athlete.settings,
    };
    const counts = { activities: 0 } as ExportCounts;
    // The head as an object without its closing brace, then each list appended.
    yield `${JSON.stringify(head).slice(0, -1)},"activities":[`;
    for await (const page of this.activityPages()) {
      for (const row of page) {
        yield `${counts.activities === 0 ? '' : ','}${JSON.stringify(row)}`;
        counts.activities++;
      }
    }
    yield ']';
    for (const [key, table, order] of OTHER_TABLES) {
      const rows = await this.db
        .selectFrom(table)
        .selectAll()
        .where('athlete_id', '=', this.athlete.id)
        .orderBy(order[0])
        .orderBy(order[1])
        .execute();
      counts[key] = rows.length;
      yield `,${JSON.stringify(key)}:${JSON.stringify(rows)}`;
    }
    yield `,"counts":${JSON.stringify(counts)}}`;
    this.finishedCounts = counts;
  }

  /** The counts of the document `chunks()` last finished (for a summary after writing it out). */
  lastCounts(): ExportCounts {
    if (this.finishedCounts === null) throw new Error('lastCounts(): no export has finished yet');
    return this.finishedCounts;
  }

  /** The whole document in memory: for tests and small histories. */
  async document(): Promise<ExportDocument> {
    let text = '';
    for await (const piece of this.chunks()) text += piece;
    return JSON.parse(text) as ExportDocument;
  }

  /** Activities by id, a page at a time, each with its stream (keyset paging: no OFFSET rescans). */
  private async *activityPages(): AsyncGenerator<ExportDocument['activities']> {
    let after: string | null = null;
    for (;;) {
      let query = this.db
        .selectFrom('activities')
        .selectAll()
        .where('athlete_id', '=', this.athlete.id)
        .orderBy('id')
        .limit(ACTIVITY_PAGE);
      if (after !== null) query = query.where('id', '>', after);
      const rows = await query.execute();
      if (rows.length === 0) return;
      const streams = await this.db
        .selectFrom('activity_streams')
        .select(['activity_id', 'encoding', 'data'])
        .where('athlete_id', '=', this.athlete.id)
        .where(
          'activity_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      const byId = new Map(
        streams.map((s) => [
          s.activity_id,
          { encoding: s.encoding, data: Buffer.from(s.data).toString('base64') },
        ]),
      );
      yield rows.map((r) => ({ ...r, stream: byId.get(r.id) ?? null }));
      after = rows[rows.length - 1]!.id;
      if (rows.length < ACTIVITY_PAGE) return;
    }
  }
}
