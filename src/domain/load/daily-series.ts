/**
 * Dense per-local-day totals, indexed from the first day of the history. Rest days are explicit zeros,
 * which is what EWMA, rolling windows and Foster's monotony need ("days with no activity must be explicit
 * zeros"). Plain number arrays grow at the end when a later run arrives, so the incremental path only
 * touches the days it changes.
 */
export interface DailySeries {
  /** Day number (days since 1970-01-01) of index 0. */
  originDay: number;
  runDistanceM: number[];
  runDurationS: number[];
  runCount: number[];
  runLoad: number[];
  crossTrainingS: number[];
  /** Descent of runs whose descent is known, and how many such runs there were. */
  descentM: number[];
  downhillDistanceM: number[];
  descentKnownRuns: number[];
}

export type DailyField = Exclude<keyof DailySeries, 'originDay'>;

const FIELDS: readonly DailyField[] = [
  'runDistanceM',
  'runDurationS',
  'runCount',
  'runLoad',
  'crossTrainingS',
  'descentM',
  'downhillDistanceM',
  'descentKnownRuns',
];

export function createDailySeries(originDay: number): DailySeries {
  return {
    originDay,
    runDistanceM: [],
    runDurationS: [],
    runCount: [],
    runLoad: [],
    crossTrainingS: [],
    descentM: [],
    downhillDistanceM: [],
    descentKnownRuns: [],
  };
}

/** Number of days held (the last index + 1). */
export function seriesLength(series: DailySeries): number {
  return series.runDistanceM.length;
}

/** Grows every array with zeros so that `day` has an index; returns that index. Days before origin are a bug. */
export function ensureDay(series: DailySeries, day: number): number {
  const index = day - series.originDay;
  if (index < 0) throw new RangeError(`day ${day} precedes the series origin ${series.originDay}`);
  for (const field of FIELDS) {
    const values = series[field];
    while (values.length <= index) values.push(0);
  }
  return index;
}

/**
 * Day totals are kept on a grid of 1/1024: sums of grid values below 2^42 are exact in floating point, so a
 * day's total does not depend on the order its runs arrived in (an incremental add and a full recompute
 * agree to the last bit, and a total never rounds to 14.3 one way and 14.4 the other).
 */
const GRID = 1024;
export function onGrid(x: number): number {
  return Math.round(x * GRID) / GRID;
}

export function addToDay(series: DailySeries, day: number, field: DailyField, amount: number): void {
  const index = ensureDay(series, day);
  series[field][index] = (series[field][index] ?? 0) + onGrid(amount);
}

/** Value at a day; zero outside the held range (before the first activity, after the last). */
export function valueAt(series: DailySeries, field: DailyField, day: number): number {
  const index = day - series.originDay;
  if (index < 0) return 0;
  return series[field][index] ?? 0;
}

/** Sum of a field over the local days [fromDay, toDay], both included. */
export function sumDays(series: DailySeries, field: DailyField, fromDay: number, toDay: number): number {
  let total = 0;
  const values = series[field];
  const start = Math.max(fromDay - series.originDay, 0);
  const end = Math.min(toDay - series.originDay, values.length - 1);
  for (let i = start; i <= end; i += 1) total += values[i]!;
  return total;
}
