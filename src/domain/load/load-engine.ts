import { isRunningSport } from '../activity/sport.ts';
import { createDistanceEwma, type DistanceEwma, updateDistanceEwma } from './acwr.ts';
import { runCadenceAt } from './cadence.ts';
import { DAY_MS, dayNumber } from './calendar-day.ts';
import { addToDay, createDailySeries, type DailySeries, onGrid } from './daily-series.ts';
import { runDescentAt } from './descent.ts';
import { createFitnessFatigue, type FitnessFatigueSeries, updateFitnessFatigue } from './fitness-fatigue.ts';
import { type AthleteSettings, activeSeconds, type LoadActivity, safeDistance } from './load-activity.ts';
import { assembleReport } from './load-report.assembler.ts';
import type { LoadReport, LoadRun, RunDetail } from './load-report.ts';
import { loadScoreAt, SCORE_LOOKBACK_MS } from './load-score.ts';
import { compareActivities, contentKey, lowerBoundByStart, normalizeHistory } from './run-history.ts';
import { spikeAt } from './session-spike.ts';
import { WeeklyMemo } from './weekly-memo.ts';

/**
 * The prepared state behind `computeLoadReport`, built once and extended run by run.
 *
 * Everything per run depends only on runs that started in the 90 days before it (spike: 30 days, descent:
 * 28, cadence: 56, load score: 90), so adding one run recomputes that run and the runs of the following
 * 90 days, patches the daily totals of their days, and marks fitness/fatigue dirty from the new run's day.
 * Anything that could reshuffle older results — a run before the first day, a repeated id, a second run at
 * an instant already held — falls back to a full rebuild, so the incremental result always equals the full one.
 */
export interface PreparedRun {
  activity: LoadActivity;
  day: number;
  /** Replaced, never mutated, on refresh: a report already handed out keeps its values. */
  row: LoadRun;
  /** Null only between insertion and the refresh that follows it. */
  detail: RunDetail | null;
  /** The load score currently added into the daily series for this run. */
  score: number;
}

export class LoadEngine {
  readonly settings: AthleteSettings;
  private all = new Map<string, LoadActivity>();
  private runs: LoadActivity[] = [];
  private prepared: PreparedRun[] = [];
  private series: DailySeries | null = null;
  private fitness: FitnessFatigueSeries = createFitnessFatigue();
  private ewma: DistanceEwma = createDistanceEwma();
  private weekly: WeeklyMemo;
  /** First series index whose fitness/fatigue and distance EWMAs need recomputing; Infinity when clean. */
  private dirtyFrom = 0;
  private duplicates = 0;

  private constructor(settings: AthleteSettings) {
    this.settings = settings;
    this.weekly = new WeeklyMemo(settings.weekStart);
  }

  static build(activities: readonly LoadActivity[], settings: AthleteSettings): LoadEngine {
    const engine = new LoadEngine(settings);
    engine.rebuild(activities);
    return engine;
  }

  get duplicatesIgnored(): number {
    return this.duplicates;
  }

  /** Adds one activity; returns false when it was a duplicate that changed nothing. */
  add(activity: LoadActivity): boolean {
    const existing = this.all.get(activity.id);
    if (existing !== undefined) {
      if (contentKey(existing) === contentKey(activity)) this.duplicates += 1;
      else this.rebuild([...this.all.values(), activity], this.duplicates);
      return false;
    }
    const day = dayNumber(activity.localDate);
    const running = isRunningSport(activity.sport);
    const position = running ? this.insertionIndex(activity) : -1;
    const sameInstant =
      running && this.runs[lowerBoundByStart(this.runs, activity.startMs)]?.startMs === activity.startMs;
    if (this.series === null || day < this.series.originDay || sameInstant) {
      this.rebuild([...this.all.values(), activity], this.duplicates);
      return !sameInstant;
    }
    this.all.set(activity.id, activity);
    if (!running) {
      addToDay(this.series, day, 'crossTrainingS', activeSeconds(activity));
      this.weekly.invalidateFrom(day);
      return true;
    }
    this.runs.splice(position, 0, activity);
    this.prepared.splice(position, 0, this.placeholder(activity, day));
    this.addRunTotals(activity, day);
    this.refreshFrom(position);
    this.markDirty(day);
    return true;
  }

  report(asOf: string): LoadReport {
    if (this.series !== null && Number.isFinite(this.dirtyFrom)) {
      updateFitnessFatigue(this.fitness, this.series.runLoad, this.dirtyFrom);
      updateDistanceEwma(this.ewma, this.series.runDistanceM, this.dirtyFrom);
      this.dirtyFrom = Number.POSITIVE_INFINITY;
    }
    return assembleReport({
      asOf,
      asOfDay: dayNumber(asOf),
      prepared: this.prepared,
      series: this.series,
      fitness: this.fitness,
      ewma: this.ewma,
      weekly: this.weekly,
      weekStart: this.settings.weekStart,
      duplicatesIgnored: this.duplicates,
    });
  }

  /** `carriedDuplicates`: duplicates already dropped earlier (the held set itself is duplicate-free). */
  private rebuild(activities: readonly LoadActivity[], carriedDuplicates = 0): void {
    const history = normalizeHistory(activities);
    this.duplicates = carriedDuplicates + history.duplicatesIgnored;
    this.all = new Map([...history.runs, ...history.crossTraining].map((a) => [a.id, a]));
    this.runs = history.runs;
    this.fitness = createFitnessFatigue();
    this.ewma = createDistanceEwma();
    this.weekly = new WeeklyMemo(this.settings.weekStart);
    this.dirtyFrom = 0;
    const days = [...history.runs, ...history.crossTraining].map((a) => dayNumber(a.localDate));
    if (days.length === 0) {
      this.series = null;
      this.prepared = [];
      return;
    }
    this.series = createDailySeries(Math.min(...days));
    this.prepared = this.runs.map((run) => this.placeholder(run, dayNumber(run.localDate)));
    for (const run of this.prepared) this.addRunTotals(run.activity, run.day);
    for (const activity of history.crossTraining) {
      const day = dayNumber(activity.localDate);
      addToDay(this.series, day, 'crossTrainingS', activeSeconds(activity));
    }
    for (let i = 0; i < this.prepared.length; i += 1) this.refreshRun(i);
  }

  private insertionIndex(activity: LoadActivity): number {
    let index = lowerBoundByStart(this.runs, activity.startMs);
    while (index < this.runs.length && compareActivities(this.runs[index]!, activity) < 0) index += 1;
    return index;
  }

  private placeholder(activity: LoadActivity, day: number): PreparedRun {
    const row: LoadRun = {
      activityId: activity.id,
      localDate: activity.localDate,
      distanceM: safeDistance(activity),
      longestPrev30dM: null,
      spikePct: null,
      spikeCategory: 'no-baseline',
    };
    return { activity, day, row, detail: null, score: 0 };
  }

  private addRunTotals(run: LoadActivity, day: number): void {
    const series = this.series!;
    addToDay(series, day, 'runDistanceM', safeDistance(run));
    addToDay(series, day, 'runDurationS', activeSeconds(run));
    addToDay(series, day, 'runCount', 1);
    if (run.descentM !== null && Number.isFinite(run.descentM) && run.descentM >= 0) {
      addToDay(series, day, 'descentM', run.descentM);
      addToDay(series, day, 'descentKnownRuns', 1);
      if (run.downhillDistanceM !== null && run.downhillDistanceM >= 0) {
        addToDay(series, day, 'downhillDistanceM', run.downhillDistanceM);
      }
    }
  }

  /** Recomputes the new run and every later run whose look-back windows can contain it. */
  private refreshFrom(position: number): void {
    const until = this.runs[position]!.startMs + SCORE_LOOKBACK_MS;
    this.refreshRun(position);
    // The next run's "days since previous run" changes even when it is far away.
    for (
      let i = position + 1;
      i < this.runs.length && (i === position + 1 || this.runs[i]!.startMs <= until);
      i += 1
    ) {
      this.refreshRun(i);
      this.markDirty(this.prepared[i]!.day);
    }
  }

  private refreshRun(index: number): void {
    const run = this.runs[index]!;
    const prepared = this.prepared[index]!;
    const spike = spikeAt(this.runs, index);
    const score = loadScoreAt(this.runs, index, this.settings);
    const previous = this.runs[index - 1];
    prepared.row = {
      ...prepared.row,
      longestPrev30dM: spike.longestPrev30dM,
      spikePct: spike.spikePct,
      spikeCategory: spike.spikeCategory,
    };
    // On the day-total grid, so the change is exact whatever order runs arrive in.
    const onGridScore = onGrid(score.value);
    const loadDelta = onGridScore - prepared.score;
    prepared.score = onGridScore;
    prepared.detail = {
      activityId: run.id,
      sport: run.sport,
      longestPrevActivityId: spike.longestPrevActivityId,
      daysSincePreviousRun:
        previous === undefined ? null : Math.floor((run.startMs - previous.startMs) / DAY_MS),
      loadScore: score.value,
      loadMethod: score.method,
      ...runDescentAt(this.runs, index),
      ...runCadenceAt(this.runs, index),
    };
    if (loadDelta !== 0) addToDay(this.series!, prepared.day, 'runLoad', loadDelta);
  }

  private markDirty(day: number): void {
    const index = day - this.series!.originDay;
    if (index < this.dirtyFrom) this.dirtyFrom = index;
    this.weekly.invalidateFrom(day);
  }
}

/**
 * The full recompute: `runs` and `weeks` exactly as `kneewise load --json` prints them, plus the extras
 * (fitness, ACWR, monotony, rest days, descent, cadence, flags). Independent of input order.
 */
export function computeLoadReport(
  activities: readonly LoadActivity[],
  asOf: string,
  settings: AthleteSettings,
): LoadReport {
  return LoadEngine.build(activities, settings).report(asOf);
}
