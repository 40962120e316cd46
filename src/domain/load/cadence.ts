import { DAY_MS } from './calendar-day.ts';
import type { LoadActivity } from './load-activity.ts';
import { PCT_DECIMALS, roundTo } from './number-rounding.ts';

/**
 * Cadence (steps per minute, both feet) and stride length per run against the runner's own 8-week norm:
 * the median of the runs that started in the 56 days before (at least 3 of them, else no baseline).
 * A median resists the odd interval session or a walk break. Lower step rate means more energy absorbed at
 * the knee (−10 % raised it; +5–10 % lowered it: Heiderscheit 2011), so a drop is worth a look.
 * Cadence depends on speed; we compare like with like only in the sense of "your usual runs".
 */
export const CADENCE_BASELINE_DAYS = 56;
export const CADENCE_MIN_BASELINE_RUNS = 3;

export interface RunCadence {
  cadenceSpm: number | null;
  cadenceBaselineSpm: number | null;
  /** 100 × (1 − cadence / baseline): positive when cadence dropped. */
  cadenceDropPct: number | null;
  strideM: number | null;
  strideBaselineM: number | null;
}

// Cadence bounds keep a strides-per-minute value (half the steps) from a mis-mapped file out of baselines.
function plausibleCadence(value: number | null): value is number {
  return value !== null && value >= 100 && value <= 260;
}

// Stride bounds keep a broken stride (0, or cm mistaken for m) out of baselines.
function plausibleStride(value: number | null): value is number {
  return value !== null && value >= 0.3 && value <= 3;
}

export function median(values: readonly number[]): number | null {
  return medianOf(Float64Array.from(values), values.length);
}

/**
 * Median of the first `n` values of `work`, reordering them. Quickselect instead of a full sort: the
 * baseline windows hold ~50 runs and this runs twice per run, 3,000 runs per full recompute
 * (bench/load.bench.ts); sorting there dominated the whole recompute.
 */
function medianOf(work: Float64Array, n: number): number | null {
  if (n === 0) return null;
  const upper = select(work, n, n >> 1);
  if (n % 2 === 1) return upper;
  // After selecting index n/2, everything left of it is ≤ it: the lower middle is their maximum.
  let lower = work[0]!;
  for (let i = 1; i < n >> 1; i += 1) if (work[i]! > lower) lower = work[i]!;
  return (lower + upper) / 2;
}

/** k-th smallest (0-based) of `a[0…n)`, partially reordering it (Hoare's selection, middle pivot). */
function select(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Scratch buffers reused across calls (no state survives a call); grown when a window is unusually full. */
let cadenceScratch = new Float64Array(256);
let strideScratch = new Float64Array(256);

export function runCadenceAt(runs: readonly LoadActivity[], index: number): RunCadence {
  const run = runs[index]!;
  const from = run.startMs - CADENCE_BASELINE_DAYS * DAY_MS;
  if (cadenceScratch.length < index) {
    cadenceScratch = new Float64Array(index * 2);
    strideScratch = new Float64Array(index * 2);
  }
  let cadences = 0;
  let strides = 0;
  for (let j = index - 1; j >= 0 && runs[j]!.startMs >= from; j -= 1) {
    const prior = runs[j]!;
    if (prior.startMs >= run.startMs) continue;
    if (plausibleCadence(prior.avgCadenceSpm)) cadenceScratch[cadences++] = prior.avgCadenceSpm;
    if (plausibleStride(prior.avgStrideM)) strideScratch[strides++] = prior.avgStrideM;
  }
  const cadence = plausibleCadence(run.avgCadenceSpm) ? run.avgCadenceSpm : null;
  const baseline = cadences >= CADENCE_MIN_BASELINE_RUNS ? medianOf(cadenceScratch, cadences) : null;
  const strideBaseline = strides >= CADENCE_MIN_BASELINE_RUNS ? medianOf(strideScratch, strides) : null;
  return {
    cadenceSpm: cadence,
    cadenceBaselineSpm: baseline === null ? null : roundTo(baseline, 1),
    cadenceDropPct:
      cadence === null || baseline === null ? null : roundTo(100 * (1 - cadence / baseline), PCT_DECIMALS),
    strideM: plausibleStride(run.avgStrideM) ? run.avgStrideM : null,
    strideBaselineM: strideBaseline === null ? null : roundTo(strideBaseline, 3),
  };
}
