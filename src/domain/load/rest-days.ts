import { dateOfDay } from './calendar-day.ts';
import { type DailySeries, sumDays, valueAt } from './daily-series.ts';
import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';
import { roundTo } from './number-rounding.ts';

/**
 * Rest days (local days without a run — a walk, ride or swim still counts as a rest day from running),
 * runs of consecutive running days, and cross-training time. Evidence for a specific number of rest days is
 * thin; these feed the `few_rest_days` context, not a risk score.
 */
export const LONG_STREAK_DAYS = 7;

export interface RestDaysResult {
  algorithmVersion: string;
  date: string;
  restDaysLast7: number;
  restDaysLast28: number;
  /** Consecutive running days ending at asOf (0 when asOf itself had no run). */
  currentStreakDays: number;
  /** Longest run of consecutive running days that ended within the last 28 days, and its last day. */
  longestStreakLast28: { days: number; endDate: string | null };
  crossTrainingLast7S: number;
  crossTrainingLast28S: number;
  source: string;
}

function ranOn(series: DailySeries, day: number): boolean {
  return valueAt(series, 'runCount', day) > 0;
}

export function restDaysAt(series: DailySeries, asOfDay: number, asOf: string): RestDaysResult {
  let restDaysLast7 = 0;
  let restDaysLast28 = 0;
  for (let day = asOfDay - 27; day <= asOfDay; day += 1) {
    if (ranOn(series, day)) continue;
    restDaysLast28 += 1;
    if (day > asOfDay - 7) restDaysLast7 += 1;
  }
  let currentStreakDays = 0;
  for (let day = asOfDay; ranOn(series, day); day -= 1) currentStreakDays += 1;

  // Streaks that end inside the window count in full, even if they began before it.
  let best = 0;
  let bestEnd: number | null = null;
  for (let end = asOfDay; end > asOfDay - 28; end -= 1) {
    const endsHere = ranOn(series, end) && (end === asOfDay || !ranOn(series, end + 1));
    if (!endsHere) continue;
    let length = 0;
    for (let day = end; ranOn(series, day); day -= 1) length += 1;
    if (length > best) {
      best = length;
      bestEnd = end;
    }
  }
  return {
    algorithmVersion: LOAD_ALGORITHM_VERSION,
    date: asOf,
    restDaysLast7,
    restDaysLast28,
    currentStreakDays,
    longestStreakLast28: { days: best, endDate: bestEnd === null ? null : dateOfDay(bestEnd) },
    crossTrainingLast7S: roundTo(sumDays(series, 'crossTrainingS', asOfDay - 6, asOfDay), 0),
    crossTrainingLast28S: roundTo(sumDays(series, 'crossTrainingS', asOfDay - 27, asOfDay), 0),
    source: SOURCES.restDays,
  };
}
