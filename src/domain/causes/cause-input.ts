import { dayNumber } from '../load/calendar-day.ts';
import type { LoadActivity } from '../load/load-activity.ts';
import { DEFAULT_SHOE_THRESHOLDS, type ShoeThresholds } from '../shoes/shoe-thresholds.ts';
import type { DistanceUnits } from '../units.ts';
import type { FactorId } from './factor-catalog.ts';

/**
 * What the cause analysis reads, and the two windows it compares: the two weeks up to and including the onset
 * day ("recent", the run that hurt counts) against the eight weeks before them ("baseline", the runner's own
 * norm). Two weeks follows Nielsen 2014's "over a two-week period"; eight weeks is long enough to hold a usual
 * pattern and short enough to still be this runner's current self.
 */
export const RECENT_DAYS = 14;
export const BASELINE_DAYS = 56;

export interface CauseRun extends LoadActivity {
  shoeId: string | null;
}

export interface CauseShoe {
  id: string;
  name: string;
  startDistanceM: number;
}

export interface CauseInput {
  /** YYYY-MM-DD: the first day of the pain episode. */
  onset: string;
  /** Every stored activity; the analysis keeps the running ones on or before the onset day. */
  activities: readonly CauseRun[];
  shoes: readonly CauseShoe[];
  units: DistanceUnits;
  shoeThresholds?: ShoeThresholds;
}

/** One factor as measured, before the evidence weight is applied. */
export interface FactorFinding {
  id: FactorId;
  /** 0 (not present) … 1 (as large as this factor gets here). */
  magnitude: number;
  summary: string;
  advice: string;
  /** The runner's numbers behind the summary, SI units. */
  numbers: Record<string, number | string | null>;
}

export interface CauseWindows {
  onsetDay: number;
  recentFrom: number;
  baselineFrom: number;
  baselineTo: number;
}

export function windowsFor(onset: string): CauseWindows {
  const onsetDay = dayNumber(onset);
  const recentFrom = onsetDay - (RECENT_DAYS - 1);
  return { onsetDay, recentFrom, baselineFrom: recentFrom - BASELINE_DAYS, baselineTo: recentFrom - 1 };
}

/** Runs whose local date falls in [fromDay, toDay]. Runs must be sorted; the result keeps their order. */
export function runsBetween<T extends LoadActivity>(runs: readonly T[], fromDay: number, toDay: number): T[] {
  return runs.filter((r) => {
    const d = dayNumber(r.localDate);
    return d >= fromDay && d <= toDay;
  });
}

export function totalDistance(runs: readonly LoadActivity[]): number {
  return runs.reduce(
    (sum, r) => sum + (Number.isFinite(r.distanceM) && r.distanceM > 0 ? r.distanceM : 0),
    0,
  );
}

export function thresholdsOf(input: CauseInput): ShoeThresholds {
  return input.shoeThresholds ?? DEFAULT_SHOE_THRESHOLDS;
}

/** Maps a value onto magnitude steps: `steps` are [threshold, magnitude] pairs in rising order. */
export function stepMagnitude(value: number | null, steps: readonly (readonly [number, number])[]): number {
  if (value === null || !Number.isFinite(value)) return 0;
  let magnitude = 0;
  for (const [threshold, m] of steps) if (value >= threshold) magnitude = m;
  return magnitude;
}

export function pct(current: number, baseline: number): number {
  return Math.round(1000 * (current / baseline - 1)) / 10;
}

export function noFinding(id: FactorId, summary: string, advice = 'Nothing to change here.'): FactorFinding {
  return { id, magnitude: 0, summary, advice, numbers: {} };
}
