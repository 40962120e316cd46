import { type DailySeries, valueAt } from './daily-series.ts';
import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';
import { roundTo } from './number-rounding.ts';

/**
 * Foster's training monotony and strain over the 7 local days ending at a date, on the daily running load
 * score with rest days as 0:
 *   monotony = mean(daily load) / SD(daily load)   (population SD, as Runalyze and Quantified Self do)
 *   strain   = weekly load × monotony
 * When every day carries the same non-zero load the SD is 0; like Runalyze we cap monotony at 10.
 * A week without running has no monotony (null).
 */
export const MONOTONY_WARNING = 1.5;
export const MONOTONY_CRITICAL = 2.0;
const MONOTONY_CAP = 10;

export interface MonotonyResult {
  algorithmVersion: string;
  /** Last day of the 7-day window. */
  date: string;
  weekLoad: number;
  monotony: number | null;
  strain: number | null;
  thresholds: { warning: number; critical: number };
  source: string;
}

export function monotonyOf(dailyLoads: readonly number[]): {
  weekLoad: number;
  monotony: number | null;
  strain: number | null;
} {
  const n = dailyLoads.length;
  const total = dailyLoads.reduce((sum, x) => sum + x, 0);
  if (n === 0 || total <= 0) return { weekLoad: roundTo(total, 1), monotony: null, strain: null };
  const mean = total / n;
  const variance = dailyLoads.reduce((sum, x) => sum + (x - mean) ** 2, 0) / n;
  const sd = Math.sqrt(variance);
  // A relative tolerance treats identical loads with float noise as identical.
  const monotony = sd <= mean * 1e-9 ? MONOTONY_CAP : Math.min(MONOTONY_CAP, mean / sd);
  return {
    weekLoad: roundTo(total, 1),
    monotony: roundTo(monotony, 3),
    strain: roundTo(total * monotony, 1),
  };
}

export function monotonyAt(series: DailySeries, endDay: number, endDate: string): MonotonyResult {
  const loads: number[] = [];
  for (let day = endDay - 6; day <= endDay; day += 1) loads.push(valueAt(series, 'runLoad', day));
  return {
    algorithmVersion: LOAD_ALGORITHM_VERSION,
    date: endDate,
    ...monotonyOf(loads),
    thresholds: { warning: MONOTONY_WARNING, critical: MONOTONY_CRITICAL },
    source: `${SOURCES.foster1998}; ${SOURCES.runalyzeMonotony}`,
  };
}
