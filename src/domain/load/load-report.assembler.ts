import { acwrAt, type DistanceEwma } from './acwr.ts';
import { dateOfDay, weekStartOf } from './calendar-day.ts';
import { createDailySeries, type DailySeries } from './daily-series.ts';
import { FITNESS_META, type FitnessFatigueSeries, type FitnessPoint, fitnessAt } from './fitness-fatigue.ts';
import type { PreparedRun } from './load-engine.ts';
import { WEEKLY_CHANGE_EVIDENCE } from './load-flag.messages.ts';
import { buildFlags, flagWindowStart } from './load-flags.ts';
import type { CeilingDetail, LoadReport, LoadRun, RunDetail } from './load-report.ts';
import { LOAD_SCORE_META } from './load-score.ts';
import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';
import { monotonyAt } from './monotony.ts';
import { roundTo } from './number-rounding.ts';
import { restDaysAt } from './rest-days.ts';
import { CEILING_FACTOR, ceilingFrom } from './session-spike.ts';
import { WeeklyMemo } from './weekly-memo.ts';

/**
 * Reads a prepared engine state at one asOf date and builds the report. Only runs on local days up to and
 * including asOf appear; everything here is cheap (a few passes over ≤ 4,000 days and the run list).
 */
export interface AssembleInput {
  asOf: string;
  asOfDay: number;
  prepared: readonly PreparedRun[];
  series: DailySeries | null;
  fitness: FitnessFatigueSeries;
  /** Kept by the engine; computed here when absent. */
  ewma?: DistanceEwma;
  weekly?: WeeklyMemo;
  weekStart: 'monday' | 'sunday';
  duplicatesIgnored: number;
}

/** The 30 local days asOf−29 … asOf, as the spec defines the next-run ceiling. */
export const CEILING_WINDOW_DAYS = 30;
const FITNESS_SERIES_DAYS = 84;

function ceilingDetail(included: readonly PreparedRun[], asOfDay: number): CeilingDetail | null {
  const fromDay = asOfDay - (CEILING_WINDOW_DAYS - 1);
  let best: PreparedRun | null = null;
  for (const run of included) {
    if (run.day < fromDay || run.row.distanceM <= 0) continue;
    // Runs are in (startMs, id) order, so ">=" makes the latest of equally long runs the cited one.
    if (best === null || run.row.distanceM >= best.row.distanceM) best = run;
  }
  if (best === null) return null;
  return {
    longestM: best.row.distanceM,
    longestActivityId: best.row.activityId,
    longestDate: best.row.localDate,
    windowStart: dateOfDay(fromDay),
    windowEnd: dateOfDay(asOfDay),
    factor: CEILING_FACTOR,
    source: SOURCES.frandsen2025,
  };
}

function fitnessPoint(input: AssembleInput, series: DailySeries, day: number): FitnessPoint {
  const index = day - series.originDay;
  const today = fitnessAt(input.fitness, index);
  const yesterday = fitnessAt(input.fitness, index - 1);
  return {
    date: dateOfDay(day),
    fitness: roundTo(today.fitness, 1),
    fatigue: roundTo(today.fatigue, 1),
    form: roundTo(yesterday.fitness - yesterday.fatigue, 1),
  };
}

function emptyMessage(runs: number, ceiling: CeilingDetail | null, asOf: string): string | null {
  if (runs === 0) {
    return `No runs recorded up to ${asOf}, so there is no next-run ceiling yet. Import your runs to see your load.`;
  }
  if (ceiling === null) {
    return `No run in the 30 days up to ${asOf}, so there is no ceiling to offer: after a break, start well short of your old runs and build up gradually.`;
  }
  return null;
}

export function assembleReport(input: AssembleInput): LoadReport {
  const { asOf, asOfDay } = input;
  const series = input.series ?? createDailySeries(asOfDay);
  const included = input.prepared.filter((run) => run.day <= asOfDay);
  const runs: LoadRun[] = new Array(included.length);
  const runDetails: RunDetail[] = new Array(included.length);
  const runDays: number[] = new Array(included.length);
  let firstRunDay: number | null = null;
  for (let i = 0; i < included.length; i += 1) {
    const run = included[i]!;
    runs[i] = run.row;
    runDetails[i] = run.detail!;
    runDays[i] = run.day;
    if (firstRunDay === null || run.day < firstRunDay) firstRunDay = run.day;
  }

  const ceiling = ceilingDetail(included, asOfDay);
  const { weekly, weekDescent } = (input.weekly ?? new WeeklyMemo(input.weekStart)).compute(
    series,
    firstRunDay,
    asOfDay,
  );
  const fitnessSeries: FitnessPoint[] = [];
  for (let day = asOfDay - FITNESS_SERIES_DAYS + 1; day <= asOfDay; day += 1) {
    fitnessSeries.push(fitnessPoint(input, series, day));
  }
  const acwr = acwrAt(series, asOfDay, asOf, input.ewma);
  const monotonyWindows = [0, 7, 14, 21].map((back) =>
    monotonyAt(series, asOfDay - back, dateOfDay(asOfDay - back)),
  );
  const restDays = restDaysAt(series, asOfDay, asOf);
  const fromDay = flagWindowStart(weekStartOf(asOfDay, input.weekStart));
  const flags =
    runs.length === 0
      ? []
      : buildFlags({
          fromDay,
          asOf,
          runs,
          details: runDetails,
          runDays,
          weeks: weekly.weeks,
          weekStartDays: weekly.startDays,
          weekDescent,
          monotonyWindows,
          restDays,
          acwr,
        });

  return {
    asOf,
    runs,
    nextRunCeilingM: ceilingFrom(ceiling?.longestM ?? null),
    weeks: weekly.weeks,
    algorithmVersion: LOAD_ALGORITHM_VERSION,
    message: emptyMessage(runs.length, ceiling, asOf),
    duplicatesIgnored: input.duplicatesIgnored,
    ceiling,
    runDetails,
    weekContext: weekly.context,
    weeklyChangeEvidence: WEEKLY_CHANGE_EVIDENCE,
    weekDescent,
    loadScoring: LOAD_SCORE_META,
    trainingLoad: { ...FITNESS_META, today: fitnessSeries[fitnessSeries.length - 1]!, series: fitnessSeries },
    acwr,
    monotony: monotonyWindows[0]!,
    restDays,
    flags,
    flagWindow: { from: dateOfDay(fromDay), to: asOf },
  };
}
