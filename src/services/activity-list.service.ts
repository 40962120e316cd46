/**
 * The activity list of `kneewise activities --json` (../shared/spec/cli.md, plus a few added fields), shared by
 * the CLI and GET /api/activities so both print the same document.
 */
import type { Kysely } from 'kysely';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import { isReadableDate } from '../db/repositories/analysis-scope.ts';
import { ShoeRepository } from '../db/repositories/shoe.repository.ts';
import type { Database } from '../db/schema.ts';
import { RUNNING_SPORTS } from '../domain/activity/sport.ts';

export type ActivityJson = ReturnType<typeof toActivityJson>;

export interface ActivityQuery {
  /** Running sports only, or everything (default). */
  sport?: 'run' | 'all' | undefined;
  /** Local dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Keep only the latest `limit` activities (still oldest first). */
  limit?: number | undefined;
}

export function toActivityJson(row: ActivityRow, shoeNames: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    start: row.start_at,
    localDate: row.local_date,
    sport: row.sport,
    distanceM: round(row.distance_m, 1),
    movingTimeS: round(row.moving_time_s, 1),
    elapsedTimeS: round(row.elapsed_time_s, 1),
    ascentM: row.ascent_m === null ? null : round(row.ascent_m, 1),
    descentM: row.descent_m === null ? null : round(row.descent_m, 1),
    avgHeartRate: row.avg_heart_rate === null ? null : round(row.avg_heart_rate, 1),
    avgCadenceSpm: row.avg_cadence_spm === null ? null : round(row.avg_cadence_spm, 1),
    shoe: row.shoe_id ? (shoeNames.get(row.shoe_id) ?? null) : null,
    source: row.source,
    name: row.name,
    device: row.device,
    avgStrideM: row.avg_stride_m === null ? null : round(row.avg_stride_m, 3),
    downhillDistanceM: row.downhill_distance_m === null ? null : round(row.downhill_distance_m, 1),
    /** The runner excluded it from analysis (kneewise activities exclude ID). */
    excluded: row.excluded === 1,
    /** Why load, why and plans leave it out: 'excluded', 'date' (a date that cannot be right), or null. */
    ignoredBecause: ignoredBecause(row),
  };
}

/** Rows the analyses skip (analysis-scope.ts) are listed anyway, marked, so the runner can delete them. */
function ignoredBecause(row: ActivityRow): 'excluded' | 'date' | null {
  if (!isReadableDate(row.local_date)) return 'date';
  return row.excluded === 1 ? 'excluded' : null;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Activities oldest first, as `activities --json` lists them. */
export async function listActivities(
  db: Kysely<Database>,
  athleteId: string,
  query: ActivityQuery = {},
): Promise<{ activities: ActivityJson[] }> {
  const rows = await new ActivityRepository(db).list(athleteId, {
    all: true,
    ...(query.sport === 'run' ? { sports: [...RUNNING_SPORTS] } : {}),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.limit === undefined ? {} : { latest: query.limit }),
  });
  const shoes = new Map((await new ShoeRepository(db).list(athleteId)).map((s) => [s.id, s.name]));
  return { activities: rows.map((r) => toActivityJson(r, shoes)) };
}
