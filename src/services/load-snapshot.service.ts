/**
 * The load report for a long-running server. Everything is kept under the database's data version (one row,
 * changed by every write: migration 0005-data-version.ts), so a request that finds the same version reads one
 * row and answers from memory. When the version moved, the history is read again (only the columns the engine
 * and the shoe mileage need) and compared with the one the engine holds: runs only added (an upload, a single
 * file import, a sync) go into the engine one by one (LoadEngine.add, which equals the full recompute);
 * anything else (a run deleted, excluded, re-dated, other settings) rebuilds it. Reports are kept per as-of day
 * until the next change. A command that computes once per process keeps the report's status part in the
 * database instead (loadStatusReport, stored-load-reports.ts).
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { readDataVersion } from '../db/repositories/data-version.repository.ts';
import type { Database } from '../db/schema.ts';
import type { AthleteSettings, LoadActivity } from '../domain/load/load-activity.ts';
import { LoadEngine } from '../domain/load/load-engine.ts';
import type { LoadReport } from '../domain/load/load-report.ts';
import { type StatusReport, statusReportOf } from '../domain/load/status-report.ts';
import { athleteLoadSettings, LOAD_ACTIVITY_COLUMNS, toLoadActivity } from './activity-history.service.ts';
import type { StoredLoadReports } from './stored-load-reports.ts';

/** What the engine reads (LOAD_ACTIVITY_COLUMNS), and the shoe for the shoe mileage. */
export const HISTORY_COLUMNS = [...LOAD_ACTIVITY_COLUMNS, 'shoe_id'] as const;

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

export interface HistoryEntry {
  /** The data version the rows were read at; changes whenever they may have. */
  version: string;
  rows: HistoryRow[];
  history: LoadActivity[];
}

interface HeldEngine {
  settingsKey: string;
  /** The history the engine holds, and the version it was read at. */
  history: LoadActivity[];
  version: string;
  engine: LoadEngine;
  reports: Map<string, LoadReport>;
}

/**
 * The activities of `next` that `held` lacks, or null when `next` is not `held` plus new activities (one was
 * removed or changed): the engine can then only be rebuilt.
 */
export function addedActivities(
  held: readonly LoadActivity[],
  next: readonly LoadActivity[],
): LoadActivity[] | null {
  const byId = new Map(held.map((a) => [a.id, a]));
  const added: LoadActivity[] = [];
  let kept = 0;
  for (const activity of next) {
    const before = byId.get(activity.id);
    if (before === undefined) added.push(activity);
    else if (sameActivity(before, activity)) kept += 1;
    else return null;
  }
  return kept === byId.size ? added : null;
}

function sameActivity(a: LoadActivity, b: LoadActivity): boolean {
  for (const key of Object.keys(a) as (keyof LoadActivity)[]) if (!Object.is(a[key], b[key])) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/**
 * The history and the load engine of the last few athletes, each under the data version it was read at.
 * Rows and reports are shared: callers must not change them.
 */
export class LoadReportCache {
  private readonly histories = new Map<string, HistoryEntry>();
  private readonly reading = new Map<string, { version: string | null; entry: Promise<HistoryEntry> }>();
  private readonly engines = new Map<string, HeldEngine>();
  private unversionedReads = 0;
  /** How often the engine was built from scratch and how many activities were added to a held one. */
  readonly stats = { engineBuilds: 0, activitiesAdded: 0 };

  /**
   * `stored`: status reports kept in the database between processes, for a command that computes once and
   * exits (`kneewise status`, loadStatusReport); a long-running server keeps its engines here in memory.
   */
  constructor(
    private readonly capacity = 8,
    readonly stored: StoredLoadReports | null = null,
  ) {}

  /** The athlete's history as of the current data version, read from the database only when it moved. */
  async history(db: Kysely<Database>, athleteId: string): Promise<HistoryEntry> {
    const version = await readDataVersion(db);
    const hit = this.histories.get(athleteId);
    if (version !== null && hit?.version === version) return hit;
    // Concurrent requests after a change share one read.
    const pending = this.reading.get(athleteId);
    if (version !== null && pending?.version === version) return pending.entry;
    this.unversionedReads += 1;
    const unversioned = `unversioned-${this.unversionedReads}`;
    const entry = readHistoryRows(db, athleteId).then((rows) => {
      let history: LoadActivity[] | null = null;
      const read: HistoryEntry = {
        // Without a version nothing can be trusted to still hold: a unique one keeps it from being reused.
        version: version ?? unversioned,
        rows,
        // Built when the engine first needs it: a report read back from the database does not.
        get history() {
          history ??= rows.map(toLoadActivity);
          return history;
        },
      };
      if (version !== null) remember(this.histories, athleteId, read, this.capacity);
      return read;
    });
    this.reading.set(athleteId, { version, entry });
    try {
      return await entry;
    } finally {
      if (this.reading.get(athleteId)?.entry === entry) this.reading.delete(athleteId);
    }
  }

  /** The report of `entry`'s history as of `asOf`, from the athlete's engine brought up to that history. */
  report(entry: HistoryEntry, asOf: string, athlete: Athlete): LoadReport {
    const held = this.engineFor(entry, athlete.id, athleteLoadSettings(athlete.settings));
    const hit = held.reports.get(asOf);
    if (hit) return hit;
    const report = held.engine.report(asOf);
    remember(held.reports, asOf, report, this.capacity);
    return report;
  }

  private engineFor(entry: HistoryEntry, athleteId: string, settings: AthleteSettings): HeldEngine {
    const settingsKey = JSON.stringify(settings);
    const held = this.engines.get(athleteId);
    if (held !== undefined && held.settingsKey === settingsKey) {
      if (held.version === entry.version) return held;
      const added = addedActivities(held.history, entry.history);
      if (added !== null) {
        for (const activity of added) held.engine.add(activity);
        this.stats.activitiesAdded += added.length;
        held.history = entry.history;
        held.version = entry.version;
        held.reports.clear();
        return held;
      }
    }
    this.stats.engineBuilds += 1;
    const built: HeldEngine = {
      settingsKey,
      history: entry.history,
      version: entry.version,
      engine: LoadEngine.build(entry.history, settings),
      reports: new Map(),
    };
    remember(this.engines, athleteId, built, this.capacity);
    return built;
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
  /** The data version the snapshot was read at. */
  version: string;
}

/** The athlete's history and its load report as of `asOf`, read and computed at most once per change. */
export async function loadSnapshot(
  db: Kysely<Database>,
  athlete: Athlete,
  asOf: string,
  cache: LoadReportCache,
): Promise<LoadSnapshot> {
  const entry = await cache.history(db, athlete.id);
  return { rows: entry.rows, report: cache.report(entry, asOf, athlete), version: entry.version };
}

/**
 * The status part of the load report as of `asOf` (`kneewise status`). With `cache.stored` one kept in the
 * database is read back without reading the history at all, the bulk of a ten-year database; otherwise the
 * report is computed as loadSnapshot does (and kept).
 */
export async function loadStatusReport(
  db: Kysely<Database>,
  athlete: Athlete,
  asOf: string,
  cache: LoadReportCache,
): Promise<StatusReport> {
  const compute = async () => {
    const { report, version } = await loadSnapshot(db, athlete, asOf, cache);
    return { report: statusReportOf(report), version };
  };
  if (cache.stored === null) return (await compute()).report;
  const settingsKey = JSON.stringify(athleteLoadSettings(athlete.settings));
  return cache.stored.report(db, { athleteId: athlete.id, asOf, settingsKey }, compute);
}
