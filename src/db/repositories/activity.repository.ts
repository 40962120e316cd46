import type { Kysely, Selectable } from 'kysely';
import type { ActivityTable, Database } from '../schema.ts';
import { countedActivity } from './analysis-scope.ts';

export type ActivityRow = Selectable<ActivityTable>;
/** Every column of `activities`, in one order (the import's insert, a restore's copy). */
export const ACTIVITY_COLUMNS = [
  'id',
  'athlete_id',
  'source',
  'format',
  'external_id',
  'sport',
  'raw_sport',
  'start_at',
  'start_ms',
  'local_date',
  'utc_offset_s',
  'local_date_basis',
  'distance_m',
  'moving_time_s',
  'elapsed_time_s',
  'timer_time_s',
  'ascent_m',
  'descent_m',
  'downhill_distance_m',
  'avg_heart_rate',
  'max_heart_rate',
  'avg_cadence_spm',
  'avg_stride_m',
  'calories',
  'device',
  'name',
  'description',
  'gear_name',
  'shoe_id',
  'sample_count',
  'richness',
  'summary_version',
  'imported_at',
  'is_demo',
  'excluded',
] as const satisfies readonly (keyof ActivityRow)[];

export type ActivityRowSummary = Pick<ActivityRow, 'id' | 'start_ms' | 'sport' | 'distance_m' | 'richness'>;

export class ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Activities whose start lies within `toleranceMs` of `startMs`: the candidates for "the same run". */
  async findStartingNear(athleteId: string, startMs: number, toleranceMs: number): Promise<ActivityRow[]> {
    return this.db
      .selectFrom('activities')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('start_ms', '>=', startMs - toleranceMs)
      .where('start_ms', '<=', startMs + toleranceMs)
      .execute();
  }

  /**
   * Inserts the activity unless one with the same athlete and start instant exists (the schema's unique key):
   * false then, and nothing is written. On PostgreSQL a concurrent, uncommitted insert of the same key makes
   * this wait for that transaction, so two importers never both store a run.
   */
  async insert(row: ActivityRow, streams: { encoding: string; data: Uint8Array } | null): Promise<boolean> {
    const result = await this.db
      .insertInto('activities')
      .values(row)
      .onConflict((oc) => oc.columns(['athlete_id', 'start_ms']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    if (streams) {
      await this.db
        .insertInto('activity_streams')
        .values({
          activity_id: row.id,
          athlete_id: row.athlete_id,
          encoding: streams.encoding,
          data: streams.data,
        })
        .execute();
    }
    return true;
  }

  /** Replaces an activity's content with a richer copy, keeping its id so links to it survive. */
  async replace(row: ActivityRow, streams: { encoding: string; data: Uint8Array } | null): Promise<void> {
    const { id, athlete_id, ...content } = row;
    await this.db
      .updateTable('activities')
      .set(content)
      .where('id', '=', id)
      .where('athlete_id', '=', athlete_id)
      .execute();
    await this.db.deleteFrom('activity_streams').where('activity_id', '=', id).execute();
    if (streams) {
      await this.db
        .insertInto('activity_streams')
        .values({ activity_id: id, athlete_id, encoding: streams.encoding, data: streams.data })
        .execute();
    }
  }

  /** Fills metadata the stored copy lacks (a name, gear, description from an export), never overwriting. */
  async fillMissingMetadata(
    athleteId: string,
    id: string,
    meta: Partial<Pick<ActivityRow, 'name' | 'description' | 'gear_name' | 'external_id' | 'shoe_id'>>,
  ): Promise<void> {
    const current = await this.db
      .selectFrom('activities')
      .select(['name', 'description', 'gear_name', 'external_id', 'shoe_id'])
      .where('id', '=', id)
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    if (!current) return;
    const patch: Partial<ActivityRow> = {};
    for (const key of ['name', 'description', 'gear_name', 'external_id', 'shoe_id'] as const) {
      const value = meta[key];
      if (value != null && current[key] == null) patch[key] = value;
    }
    if (Object.keys(patch).length === 0) return;
    await this.db
      .updateTable('activities')
      .set(patch)
      .where('id', '=', id)
      .where('athlete_id', '=', athleteId)
      .execute();
  }

  /**
   * Activities oldest first. `from`/`to` are local days (inclusive); `latest` keeps only the newest N, read
   * newest-first with a LIMIT so a screen showing the last few runs never reads ten years of rows.
   */
  async list(
    athleteId: string,
    options: { sports?: readonly string[]; from?: string; to?: string; latest?: number; all?: boolean } = {},
  ): Promise<ActivityRow[]> {
    let query = this.db.selectFrom('activities').selectAll().where('athlete_id', '=', athleteId);
    // Analyses read only the runs that count (analysis-scope.ts); `all` is for the list that shows every row.
    if (!options.all) query = query.where(countedActivity());
    if (options.sports) query = query.where('sport', 'in', options.sports);
    if (options.from !== undefined) query = query.where('local_date', '>=', options.from);
    if (options.to !== undefined) query = query.where('local_date', '<=', options.to);
    if (options.latest === undefined) return query.orderBy('start_ms').orderBy('id').execute();
    const newest = await query
      .orderBy('start_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(options.latest)
      .execute();
    return newest.reverse();
  }

  async count(athleteId: string): Promise<number> {
    const row = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('athlete_id', '=', athleteId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async streamsOf(athleteId: string, id: string): Promise<{ encoding: string; data: Uint8Array } | null> {
    const row = await this.db
      .selectFrom('activity_streams')
      .select(['encoding', 'data'])
      .where('activity_id', '=', id)
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    return row ?? null;
  }
}
