/**
 * The load report for a long-running server. The history is read with only the columns the engine and the
 * shoe mileage need, and kept with a version (two small aggregate queries); the report is kept per (version,
 * as-of day, settings). So the dashboard's screens ask as often as they like, and the history is read again
 * and the engine run again only when the runs, their shoes or the settings changed. The CLI computes once
 * per process and does not need this (load.service.ts).
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import type { LoadActivity } from '../domain/load/load-activity.ts';
import { computeLoadReport } from '../domain/load/load-engine.ts';
import type { LoadReport } from '../domain/load/load-report.ts';
import { athleteLoadSettings, LOAD_ACTIVITY_COLUMNS, toLoadActivity } from './activity-history.service.ts';

/** What the engine reads (LOAD_ACTIVITY_COLUMNS), and the shoe for the shoe mileage. */
const HISTORY_COLUMNS = [...LOAD_ACTIVITY_COLUMNS, 'shoe_id'] as const;

export type HistoryRow = Pick<Database['activities'], (typeof HISTORY_COLUMNS)[number]>;

/** Every activity of the athlete, oldest first (the order computeLoad reads them in). */
export async function readHistoryRows(db: Kysely<Database>, athleteId: string): Promise<HistoryRow[]> {
  return db
    .selectFrom('activities')
    .select(HISTORY_COLUMNS)
    .where('athlete_id', '=', athleteId)
    .where(countedActivity())
    .orderBy('start_ms')
    .orderBy('id')
    .execute();
}

/**
 * A cheap summary of the stored history that changes whenever a row the engine or the shoe mileage reads
 * is added, removed, replaced (an import stamps imported_at), re-dated (offsets) or moved to other shoes.
 */
async function historyVersion(db: Kysely<Database>, athleteId: string): Promise<string> {
  const [totals, shoes] = await Promise.all([
    db
      .selectFrom('activities')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('distance_m').as('distance'),
        eb.fn.max('start_ms').as('lastStart'),
        eb.fn.max('imported_at').as('lastImport'),
        // A new home zone re-dates activities without their own zone (settings.service.ts): new offsets.
        eb.fn.sum<number>('utc_offset_s').as('offsets'),
      ])
      .where('athlete_id', '=', athleteId)
      .where(countedActivity())
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('activities')
      .select((eb) => [
        'shoe_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('distance_m').as('distance'),
        eb.fn.min('local_date').as('first'),
        eb.fn.max('local_date').as('last'),
      ])
      .where('athlete_id', '=', athleteId)
      .where(countedActivity())
      .where('shoe_id', 'is not', null)
      .groupBy('shoe_id')
      .orderBy('shoe_id')
      .execute(),
  ]);
  return JSON.stringify([totals, shoes]);
}

/**
 * The history of the last few athletes and the last few reports, each under the history version it was
 * read or computed from. Rows and reports are shared: callers must not change them.
 */
export class LoadReportCache {
  private readonly histories = new Map<
    string,
    { version: string; rows: HistoryRow[]; history: LoadActivity[] }
  >();
  private readonly reports = new Map<string, LoadReport>();

  constructor(private readonly capacity = 8) {}

  async history(db: Kysely<Database>, athleteId: string) {
    const version = await historyVersion(db, athleteId);
    const hit = this.histories.get(athleteId);
    if (hit?.version === version) return hit;
    const rows = await readHistoryRows(db, athleteId);
    const entry = { version, rows, history: rows.map(toLoadActivity) };
    remember(this.histories, athleteId, entry, this.capacity);
    return entry;
  }

  report(version: string, history: readonly LoadActivity[], asOf: string, athlete: Athlete): LoadReport {
    const settings = athleteLoadSettings(athlete.settings);
    const key = JSON.stringify([athlete.id, version, asOf, settings]);
    const hit = this.reports.get(key);
    if (hit) return hit;
    const report = computeLoadReport(history, asOf, settings);
    remember(this.reports, key, report, this.capacity);
    return report;
  }
}

/** Keeps the newest `capacity` entries of a Map (its insertion order is the age). */
function remember<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
}

export interface LoadSnapshot {
  rows: HistoryRow[];
  report: LoadReport;
}

/** The athlete's history and its load report as of `asOf`, read and computed at most once per change. */
export async function loadSnapshot(
  db: Kysely<Database>,
  athlete: Athlete,
  asOf: string,
  cache: LoadReportCache,
): Promise<LoadSnapshot> {
  const { version, rows, history } = await cache.history(db, athlete.id);
  return { rows, report: cache.report(version, history, asOf, athlete) };
}
