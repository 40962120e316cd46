import { DAY_MS } from './calendar-day.ts';
import { type LoadActivity, safeDistance } from './load-activity.ts';
import { PCT_DECIMALS, roundTo } from './number-rounding.ts';

/**
 * The single-session spike of Frandsen et al. (BJSM 2025): a run's distance against the longest run that
 * started in the 30 days before it. Windows are by UTC instant — [start − 30 days, start) — so a run is never
 * its own baseline, and neither is another copy starting at the very same instant.
 */
export type SpikeCategory = 'none' | 'small' | 'moderate' | 'large' | 'no-baseline';

export const SPIKE_WINDOW_MS = 30 * DAY_MS;
/** The study's bin edges, in percent over the 30-day longest run. Each edge belongs to the lower bin. */
export const SPIKE_BINS = { small: 10, moderate: 30, large: 100 } as const;
/** Next-run ceiling: 10 % over the longest of the last 30 local days, the edge of the study's reference bin. */
export const CEILING_FACTOR = 1.1;

export interface SpikeResult {
  longestPrev30dM: number | null;
  longestPrevActivityId: string | null;
  spikePct: number | null;
  spikeCategory: SpikeCategory;
}

export function spikeCategory(spikePct: number | null): SpikeCategory {
  if (spikePct === null) return 'no-baseline';
  if (spikePct <= SPIKE_BINS.small) return 'none';
  if (spikePct <= SPIKE_BINS.moderate) return 'small';
  if (spikePct <= SPIKE_BINS.large) return 'moderate';
  return 'large';
}

/**
 * `spikePct` is rounded to 6 decimals before binning (see number-rounding.ts) so that exactly 10 %, 30 % and
 * 100 % land in the lower bin despite binary rounding. A baseline of 0 m (a treadmill run with no distance)
 * cannot be a reference, so it counts as no baseline.
 */
export function spikeFromBaseline(
  distanceM: number,
  longestPrevM: number | null,
): Pick<SpikeResult, 'spikePct' | 'spikeCategory'> {
  if (longestPrevM === null || longestPrevM <= 0) return { spikePct: null, spikeCategory: 'no-baseline' };
  const spikePct = roundTo(100 * (distanceM / longestPrevM - 1), PCT_DECIMALS);
  return { spikePct, spikeCategory: spikeCategory(spikePct) };
}

/**
 * Spike of `runs[index]` given runs sorted by (startMs, id). Scans back only across the 30-day window
 * (a few dozen runs), so the whole history costs O(runs × runs-per-30-days).
 * Ties on the longest distance go to the latest run, then the larger id, so the cited run is deterministic.
 */
export function spikeAt(runs: readonly LoadActivity[], index: number): SpikeResult {
  const run = runs[index]!;
  const from = run.startMs - SPIKE_WINDOW_MS;
  let longest = 0;
  let longestId: string | null = null;
  for (let j = index - 1; j >= 0; j -= 1) {
    const candidate = runs[j]!;
    if (candidate.startMs < from) break;
    if (candidate.startMs >= run.startMs) continue; // same instant: not "before"
    const distance = safeDistance(candidate);
    if (distance > longest) {
      longest = distance;
      longestId = candidate.id;
    }
  }
  const longestPrev30dM = longestId === null ? null : longest;
  return {
    longestPrev30dM,
    longestPrevActivityId: longestId,
    ...spikeFromBaseline(safeDistance(run), longestPrev30dM),
  };
}

/**
 * 1.10 × the longest run whose local date is within asOf−29 … asOf (30 local days including today).
 * Null when there is none: after a month off there is no safe number to offer, only advice to start short.
 */
export function ceilingFrom(longestM: number | null): number | null {
  if (longestM === null || longestM <= 0) return null;
  return roundTo(CEILING_FACTOR * longestM, 3);
}
