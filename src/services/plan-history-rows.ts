/**
 * The runs a one-week plan from a day can depend on, read straight from the database: a ten-year history is
 * thousands of rows, and `kneewise status` would read them all only for the plan to keep the last 90 days.
 * The plan reads every run from planHistoryFrom(start) on and, of the older ones, only the latest with a
 * distance (it dates the break before them; plan-generator.ts): these queries return exactly those, so the plan
 * is the one the whole history gives.
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import type { Database } from '../db/schema.ts';
import { isRunningSport, RUNNING_SPORTS, type Sport } from '../domain/activity/sport.ts';
import { addDays } from '../domain/load/calendar-day.ts';
import { type PlanInput, planHistoryFrom } from '../domain/plans/plan-generator.ts';
import { HISTORY_COLUMNS, type HistoryRow } from './load-snapshot.service.ts';

/**
 * The athlete's runs a plan starting on `asOf` or the day after reads, oldest first as readHistoryRows orders
 * them: the latest older run with a distance (when there is one), then every run from planHistoryFrom(asOf).
 */
export async function readPlanHistoryRows(
  db: Kysely<Database>,
  athleteId: string,
  asOf: string,
): Promise<HistoryRow[]> {
  const from = planHistoryFrom(asOf);
  const runs = () =>
    db
      .selectFrom('activities')
      .select(HISTORY_COLUMNS)
      .where('athlete_id', '=', athleteId)
      .where(countedActivity())
      .where('sport', 'in', [...RUNNING_SPORTS]);
  const [older, recent] = await Promise.all([
    // The plan keeps the first of the latest day's runs in start order: the same tie-break here.
    runs()
      .where('local_date', '<', from)
      .where('distance_m', '>', 0)
      .orderBy('local_date', 'desc')
      .orderBy('start_ms')
      .orderBy('id')
      .limit(1)
      .execute(),
    runs().where('local_date', '>=', from).orderBy('start_ms').orderBy('id').execute(),
  ]);
  return [...older, ...recent];
}

/**
 * What a plan from `asOf` is built on, from stored rows: its first day (the next day when a run is already
 * recorded on `asOf`) and the runs before that day in the plan's own shape. Today's next run and the tests
 * that check the windowed read both take it from here, so they cannot drift apart.
 */
export function planStartAndHistory(
  rows: readonly HistoryRow[],
  asOf: string,
): { start: string; history: PlanInput['history'] } {
  const running = rows.filter((r) => isRunningSport(r.sport as Sport));
  const start = running.some((r) => r.local_date === asOf) ? addDays(asOf, 1) : asOf;
  const history = running
    .filter((r) => r.local_date < start)
    .map((r) => ({
      id: r.id,
      localDate: r.local_date,
      distanceM: r.distance_m,
      movingTimeS: r.moving_time_s,
    }));
  return { start, history };
}
