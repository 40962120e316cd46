/**
 * Imports a kneewise export (data-export.service.ts) back: `kneewise import kneewise-export.json` on a fresh
 * database gives back every run with its samples, shoes, journal, assessments and sessions. Rows keep their ids,
 * so a second import of the same export adds nothing (each row is inserted unless its key exists), and a run
 * the database already holds at the same start is kept as it is.
 *
 * An export is recognised by its head (`{"format":"kneewise-export"`), not by its name. Every value is checked
 * to be a plain string, number or null before it reaches the database; anything else refuses the whole file
 * (EXPORT_INVALID naming the table, row and column), in one transaction, so nothing half-restored remains.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { ACTIVITY_COLUMNS } from '../db/repositories/activity.repository.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { KneewiseError } from '../domain/errors.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import { applySettingsPatch, settingsPatchSchema } from '../domain/settings-patch.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './data-export.service.ts';

export { isKneewiseExport } from './kneewise-export-head.ts';

export const RESTORE_CODES = {
  EXPORT_INVALID: 'EXPORT_INVALID',
  RESTORE_CONFLICT: 'RESTORE_CONFLICT',
} as const;

/**
 * What to do with a row whose key the database already holds. `keep` (a local `kneewise import FILE.json`):
 * the stored row stays, whatever it holds. `refuse` (moving a history between a computer and a server): a row
 * that is already there and equal counts as already there; one that differs, or whose id another athlete
 * holds, or a pair of shoes of the same name with another id, refuses the whole file (RESTORE_CONFLICT naming
 * the table, the id and the columns), so nothing is overwritten and nothing silently dropped. A run held
 * under another id at the same start (the same file imported on both sides) stays as stored, and journal
 * entries of the file that name it are linked to the stored run.
 */
export type RestoreConflicts = 'keep' | 'refuse';

/** Larger exports are refused before reading (a ten-year history with 1 Hz streams is ~300 MB). */
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

type Table = Exclude<keyof Database, 'athletes'>;

/** The columns restored per table, parents before children (shoes before runs, runs before their samples). */
const COLUMNS = {
  shoes: [
    'id',
    'name',
    'brand',
    'model',
    'start_distance_m',
    'default_sport',
    'retired_at',
    'created_at',
    'is_demo',
  ],
  // every column but the owner: a restore writes the rows for the athlete it restores into
  activities: ACTIVITY_COLUMNS.filter((c): c is Exclude<typeof c, 'athlete_id'> => c !== 'athlete_id'),
  imported_files: ['content_hash', 'source', 'activity_count', 'imported_at'],
  pain_entries: [
    'id',
    'occurred_at',
    'local_date',
    'side',
    'regions_json',
    'pain_during',
    'pain_after',
    'pain_next_morning',
    'swelling',
    'onset',
    'activity_id',
    'note',
    'created_at',
    'is_demo',
  ],
  assessments: ['id', 'created_at', 'answers_json', 'result_json', 'is_demo'],
  programme_sessions: [
    'id',
    'local_date',
    'programme_id',
    'session_label',
    'pain_during',
    'note',
    'created_at',
    'is_demo',
  ],
} as const satisfies { [T in Exclude<Table, 'activity_streams'>]: readonly (keyof Database[T])[] };

/** The export's key for each table. */
const KEYS = {
  shoes: 'shoes',
  activities: 'activities',
  imported_files: 'importedFiles',
  pain_entries: 'painEntries',
  assessments: 'assessments',
  programme_sessions: 'programmeSessions',
} as const;

export type RestoredCounts = Record<keyof typeof KEYS | 'activity_streams', number>;

export interface RestoreReport {
  file: string;
  /** Rows added per table; 0 everywhere on a second import of the same export. */
  added: RestoredCounts;
  /** Rows the database already held (same id, or a run at the same start). */
  alreadyThere: number;
  /** Of those, runs held under another id at the same start (kept as stored; journal links follow them). */
  sameRunKept: number;
  settingsRestored: boolean;
}

export class DataRestoreService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly conflicts: RestoreConflicts = 'keep',
  ) {}

  async restoreFile(path: string, shownAs = path): Promise<RestoreReport> {
    const info = await stat(path);
    if (info.size > MAX_EXPORT_BYTES) {
      throw invalid(
        shownAs,
        `the file is ${info.size} bytes, more than an export can be (${MAX_EXPORT_BYTES})`,
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw invalid(shownAs, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    return this.restore(doc, shownAs);
  }

  async restore(doc: unknown, file: string): Promise<RestoreReport> {
    const d = checkHead(doc, file);
    // Checked like a change from the settings screen, before anything is written: unknown keys and values out
    // of range refuse the file.
    const parsedSettings = settingsPatchSchema.safeParse(d.settings ?? {});
    if (!parsedSettings.success)
      throw invalid(file, `settings: ${parsedSettings.error.issues[0]?.message ?? 'invalid'}`);
    const settings = parsedSettings.data;
    const report: RestoreReport = {
      file,
      added: {
        shoes: 0,
        activities: 0,
        activity_streams: 0,
        imported_files: 0,
        pain_entries: 0,
        assessments: 0,
        programme_sessions: 0,
      },
      alreadyThere: 0,
      sameRunKept: 0,
      settingsRestored: false,
    };
    await this.db.transaction().execute(async (trx) => {
      const storedActivities = new Set<string>();
      /** The file's run id → the stored run at the same start under another id (refuse mode). */
      const sameRun = new Map<string, string>();
      for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
        const rows = rowsOf(d, KEYS[table], file);
        for (const [index, raw] of rows.entries()) {
          const row = this.rowFor(table, raw, index, file);
          if (table === 'pain_entries' && row.activity_id != null) {
            row.activity_id = sameRun.get(String(row.activity_id)) ?? row.activity_id;
            // A journal entry whose run was not restored (the database holds another copy) keeps no link.
            const linked = await trx
              .selectFrom('activities')
              .select('id')
              .where('id', '=', String(row.activity_id))
              .where('athlete_id', '=', this.athlete.id)
              .executeTakeFirst();
            if (!linked) row.activity_id = null;
          }
          if (table === 'activities' && row.shoe_id != null) {
            const shoe = await trx
              .selectFrom('shoes')
              .select('id')
              .where('id', '=', String(row.shoe_id))
              .where('athlete_id', '=', this.athlete.id)
              .executeTakeFirst();
            if (!shoe) row.shoe_id = null;
          }
          const result = await trx
            .insertInto(table)
            .values(row as never)
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
            report.alreadyThere++;
            if (this.conflicts === 'refuse') {
              const kept = await this.checkHeld(trx, table, row, file);
              if (kept !== null) {
                sameRun.set(String(row.id), kept);
                report.sameRunKept++;
              }
            }
            continue;
          }
          report.added[table]++;
          if (table === 'activities') {
            storedActivities.add(String(row.id));
            const stream = (raw as { stream?: unknown }).stream;
            if (stream != null) {
              const s = stream as { encoding?: unknown; data?: unknown };
              if (typeof s.encoding !== 'string' || typeof s.data !== 'string')
                throw invalid(file, `activities[${index}].stream: expected { encoding, data } as text`);
              await trx
                .insertInto('activity_streams')
                .values({
                  activity_id: String(row.id),
                  athlete_id: this.athlete.id,
                  encoding: s.encoding,
                  data: new Uint8Array(Buffer.from(s.data, 'base64')),
                })
                .execute();
              report.added.activity_streams++;
            }
          }
        }
      }
      // Settings come back only onto a database whose settings were never changed (a fresh one).
      if (
        d.settings !== undefined &&
        JSON.stringify(this.athlete.settings) === JSON.stringify(DEFAULT_SETTINGS)
      ) {
        await new AthleteRepository(trx).updateSettings(
          this.athlete.id,
          applySettingsPatch({ ...DEFAULT_SETTINGS }, settings),
        );
        report.settingsRestored = true;
      }
    });
    return report;
  }

  /**
   * Refuse mode, for a row the insert skipped: equal to the stored one → null; a run stored under another
   * id at the same start → that id; anything else refuses the file.
   */
  private async checkHeld(
    trx: Kysely<Database>,
    table: keyof typeof COLUMNS,
    row: Record<string, string | number | null>,
    file: string,
  ): Promise<string | null> {
    // A record of a file read (its hash and when): the same file, whenever it was read.
    if (table === 'imported_files') return null;
    const stored = (await trx
      .selectFrom(table)
      .selectAll()
      .where('id', '=', String(row.id))
      .where('athlete_id', '=', this.athlete.id)
      .executeTakeFirst()) as Record<string, unknown> | undefined;
    if (stored) {
      const differ = Object.keys(row).filter((column) => !sameValue(stored[column], row[column]));
      if (differ.length === 0) return null;
      throw conflict(
        file,
        `${KEYS[table]} ${String(row.id)} is already stored here with other values (${differ.join(', ')})`,
        { table, id: row.id, columns: differ },
      );
    }
    if (table === 'activities') {
      const same = await trx
        .selectFrom('activities')
        .select('id')
        .where('athlete_id', '=', this.athlete.id)
        .where('start_ms', '=', Number(row.start_ms))
        .executeTakeFirst();
      if (same) return same.id;
    }
    if (table === 'shoes') {
      const named = await trx
        .selectFrom('shoes')
        .select('id')
        .where('athlete_id', '=', this.athlete.id)
        .where('name', '=', String(row.name))
        .executeTakeFirst();
      if (named) {
        throw conflict(
          file,
          `shoes: a pair named "${String(row.name)}" is already stored here as ${named.id}, the file's is ` +
            `${String(row.id)}; rename one of them first`,
          { table, id: row.id, columns: ['name'] },
        );
      }
    }
    throw conflict(file, `${KEYS[table]} ${String(row.id)}: that id is held by another athlete here`, {
      table,
      id: row.id,
      columns: ['id'],
    });
  }

  /** The row as stored: the known columns only, plain values only, owned by this athlete. */
  private rowFor(
    table: keyof typeof COLUMNS,
    raw: unknown,
    index: number,
    file: string,
  ): Record<string, string | number | null> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw invalid(file, `${KEYS[table]}[${index}]: expected an object`);
    const source = raw as Record<string, unknown>;
    const row: Record<string, string | number | null> = { athlete_id: this.athlete.id };
    for (const column of COLUMNS[table]) {
      const value = source[column];
      if (value === undefined) continue;
      if (
        value !== null &&
        typeof value !== 'string' &&
        !(typeof value === 'number' && Number.isFinite(value))
      )
        throw invalid(file, `${KEYS[table]}[${index}].${column}: expected text, a number or null`);
      row[column] = value;
    }
    return row;
  }
}

function checkHead(doc: unknown, file: string): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalid(file, 'expected a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) throw invalid(file, `format: expected "${EXPORT_FORMAT}"`);
  if (typeof d.formatVersion !== 'number' || d.formatVersion > EXPORT_FORMAT_VERSION || d.formatVersion < 1)
    throw invalid(
      file,
      `formatVersion: expected 1 to ${EXPORT_FORMAT_VERSION}, got ${String(d.formatVersion)}`,
    );
  if (d.settings !== undefined && (typeof d.settings !== 'object' || Array.isArray(d.settings)))
    throw invalid(file, 'settings: expected an object');
  return d;
}

function rowsOf(d: Record<string, unknown>, key: string, file: string): unknown[] {
  const rows = d[key];
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) throw invalid(file, `${key}: expected a list`);
  return rows;
}

/** Stored and sent values compare as text: PostgreSQL and SQLite may return a number where JSON had one. */
function sameValue(stored: unknown, sent: unknown): boolean {
  if (stored === null || stored === undefined) return sent === null || sent === undefined;
  if (sent === null || sent === undefined) return false;
  if (typeof stored === 'number' || typeof sent === 'number') return Number(stored) === Number(sent);
  return String(stored) === String(sent);
}

function conflict(file: string, what: string, details: Record<string, unknown>): KneewiseError {
  return new KneewiseError(
    RESTORE_CODES.RESTORE_CONFLICT,
    `${file}: ${what}; nothing was written (kneewise never overwrites stored rows)`,
    'input',
    { ...details, httpStatus: 409 },
  );
}

function invalid(file: string, what: string): KneewiseError {
  return new KneewiseError(
    RESTORE_CODES.EXPORT_INVALID,
    `${file} is not a kneewise export that can be restored: ${what}`,
  );
}
