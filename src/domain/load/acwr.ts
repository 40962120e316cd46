import { type DailySeries, sumDays } from './daily-series.ts';
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

/**
 * The daily distance EWMAs (acute, chronic) by series index, kept by the engine between reports and recomputed
 * only from the first changed day, like fitness and fatigue.
 */
export interface DistanceEwma {
  acute: number[];
  chronic: number[];
}

export function createDistanceEwma(): DistanceEwma {
  return { acute: [], chronic: [] };
}

/** Recomputes indices `from` … `distance.length − 1` (a full recompute passes 0). */
export function updateDistanceEwma(ewma: DistanceEwma, distance: readonly number[], from: number): void {
  const start = Math.max(0, Math.min(from, ewma.acute.length));
  ewma.acute.length = start;
  ewma.chronic.length = start;
  let acute = start > 0 ? ewma.acute[start - 1]! : 0;
  let chronic = start > 0 ? ewma.chronic[start - 1]! : 0;
  for (let i = start; i < distance.length; i += 1) {
    const x = distance[i]!;
    acute = x * LAMBDA_ACUTE + (1 - LAMBDA_ACUTE) * acute;
    chronic = x * LAMBDA_CHRONIC + (1 - LAMBDA_CHRONIC) * chronic;
    ewma.acute.push(acute);
    ewma.chronic.push(chronic);
  }
}

/** The EWMAs at a series index; past the last held day they go on with zero distance (rest days). */
function ewmaAt(ewma: DistanceEwma, index: number): { acute: number; chronic: number } {
  if (index < 0) return { acute: 0, chronic: 0 };
  const last = ewma.acute.length - 1;
  if (index <= last) return { acute: ewma.acute[index]!, chronic: ewma.chronic[index]! };
  let acute = last < 0 ? 0 : ewma.acute[last]!;
  let chronic = last < 0 ? 0 : ewma.chronic[last]!;
  // The same step with x = 0 as updateDistanceEwma, day by day, so the figures are bit for bit the same.
  for (let i = Math.max(last, -1) + 1; i <= index; i += 1) {
    acute = 0 * LAMBDA_ACUTE + (1 - LAMBDA_ACUTE) * acute;
    chronic = 0 * LAMBDA_CHRONIC + (1 - LAMBDA_CHRONIC) * chronic;
  }
  return { acute, chronic };
}

/** `ewma`: the engine's kept EWMAs, up to date with `series`; without it they are computed here. */
export function acwrAt(series: DailySeries, asOfDay: number, asOf: string, ewma?: DistanceEwma): AcwrResult {
  const acute = sumDays(series, 'runDistanceM', asOfDay - 6, asOfDay);
  const previous21 = sumDays(series, 'runDistanceM', asOfDay - 27, asOfDay - 7);
  const coupledChronic = (acute + previous21) / 4;
  const uncoupledChronic = previous21 / 3;

  let kept = ewma;
  if (kept === undefined) {
    kept = createDistanceEwma();
    updateDistanceEwma(kept, series.runDistanceM, 0);
  }
  const index = asOfDay - series.originDay;
  const { acute: ewmaAcute, chronic: ewmaChronic } = ewmaAt(kept, index);
  // The chronic EWMA of 7 days before asOf; 0 when the history is shorter than 8 days.
  const chronicWeekAgo = index >= 7 ? ewmaAt(kept, index - 7).chronic : 0;

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
