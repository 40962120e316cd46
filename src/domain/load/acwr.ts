import { type DailySeries, sumDays, valueAt } from './daily-series.ts';
import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';
import { roundTo } from './number-rounding.ts';

/**
 * Acute:chronic workload ratio on daily running distance, the unit of the Garmin-RUNSAFE study.
 * Shown as context only, never as a warning: in 5,205 runners higher ratios went with *fewer* overuse
 * injuries (Frandsen 2025), and the ratio is largely a rescaling of acute load (Impellizzeri 2021).
 *
 * A = distance of the 7 local days ending at asOf; W1…W3 the three 7-day blocks before it.
 *   coupled   = A / ((A + W1 + W2 + W3) / 4)      (the original form; A sits inside the chronic mean)
 *   uncoupled = A / ((W1 + W2 + W3) / 3)          (Windt & Gabbett 2018; the Garmin-RUNSAFE form)
 *   EWMA      = EWMA_7 / EWMA_28 with EWMA_t = x_t·λ + (1 − λ)·EWMA_(t−1), λ = 2/(N + 1) (Williams 2017),
 *               daily, starting at 0 before the first activity; the uncoupled EWMA divides by the chronic
 *               EWMA of 7 days earlier.
 * Ratios are null when the chronic part is 0 (nothing to compare with).
 */
export interface AcwrResult {
  algorithmVersion: string;
  basis: 'running distance';
  date: string;
  acute7dM: number;
  /** Mean weekly distance over the 28 days ending at asOf (the coupled chronic load). */
  chronicWeeklyCoupledM: number;
  /** Mean weekly distance of the 21 days before the acute week (the uncoupled chronic load). */
  chronicWeeklyUncoupledM: number;
  coupled: number | null;
  uncoupled: number | null;
  ewmaAcuteM: number;
  ewmaChronicM: number;
  ewma: number | null;
  ewmaUncoupled: number | null;
  /** Always 'context': this number is not an alarm. */
  role: 'context';
  commonlyQuotedBands: string;
  note: string;
  source: string;
}

const LAMBDA_ACUTE = 2 / (7 + 1);
const LAMBDA_CHRONIC = 2 / (28 + 1);

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? roundTo(numerator / denominator, 3) : null;
}

export function acwrAt(series: DailySeries, asOfDay: number, asOf: string): AcwrResult {
  const acute = sumDays(series, 'runDistanceM', asOfDay - 6, asOfDay);
  const previous21 = sumDays(series, 'runDistanceM', asOfDay - 27, asOfDay - 7);
  const coupledChronic = (acute + previous21) / 4;
  const uncoupledChronic = previous21 / 3;

  // The EWMA is cheap to recompute (one pass over ~3,650 days for ten years), so it is not cached.
  let ewmaAcute = 0;
  let ewmaChronic = 0;
  let chronicWeekAgo = 0;
  const lagged: number[] = [];
  for (let day = series.originDay; day <= asOfDay; day += 1) {
    const x = valueAt(series, 'runDistanceM', day);
    ewmaAcute = x * LAMBDA_ACUTE + (1 - LAMBDA_ACUTE) * ewmaAcute;
    ewmaChronic = x * LAMBDA_CHRONIC + (1 - LAMBDA_CHRONIC) * ewmaChronic;
    lagged.push(ewmaChronic);
    if (lagged.length > 8) lagged.shift();
  }
  // lagged holds the chronic EWMA of the last 8 days; the first of them is 7 days before asOf.
  if (lagged.length === 8) chronicWeekAgo = lagged[0]!;

  return {
    algorithmVersion: LOAD_ALGORITHM_VERSION,
    basis: 'running distance',
    date: asOf,
    acute7dM: roundTo(acute, 1),
    chronicWeeklyCoupledM: roundTo(coupledChronic, 1),
    chronicWeeklyUncoupledM: roundTo(uncoupledChronic, 1),
    coupled: ratio(acute, coupledChronic),
    uncoupled: ratio(acute, uncoupledChronic),
    ewmaAcuteM: roundTo(ewmaAcute, 1),
    ewmaChronicM: roundTo(ewmaChronic, 1),
    ewma: ratio(ewmaAcute, ewmaChronic),
    ewmaUncoupled: ratio(ewmaAcute, chronicWeekAgo),
    role: 'context',
    commonlyQuotedBands: '0.8–1.3 "sweet spot", ≥ 1.5 "danger zone" — from team sports (Gabbett, BJSM 2016)',
    note: 'Context only: in runners, higher ratios went with fewer overuse injuries, and the ratio mostly rescales the last week.',
    source: `${SOURCES.frandsen2025}; ${SOURCES.impellizzeri2021}; ${SOURCES.williams2017}; ${SOURCES.windt2018}`,
  };
}
