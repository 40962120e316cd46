import { DAY_MS } from './calendar-day.ts';
import { type AthleteSettings, activeSeconds, type LoadActivity, safeDistance } from './load-activity.ts';
import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';
import { roundTo } from './number-rounding.ts';

/**
 * Per-run load score feeding fitness/fatigue/form and monotony.
 *
 * With heart rate: Banister's exponential TRIMP on the run's average heart rate,
 *   TRIMP = minutes × HRr × a × e^(b × HRr),  HRr = (avgHR − restHR) / (maxHR − restHR), clamped to 0…1,
 * constants men a = 0.64, b = 1.92; women a = 0.86, b = 1.67 (Banister/Morton, as quoted by TRIMP calculators
 * and used by GoldenCheetah); sex unknown or "other": the midpoint a = 0.75, b = 1.795 (Runalyze uses the same
 * b for unknown sex).
 * Resting HR, when not set: 60 bpm (Runalyze's default). Max HR, when not set: the larger of 185 bpm (Tanaka's
 * 208 − 0.7 × age at about 33 years; we do not know the age) and 10 bpm above the highest average HR of any
 * run in the 90 days up to this one (an average can never reach the maximum). Both estimates are causal: they
 * use no run after this one, so adding a run never rewrites older scores outside its 90-day shadow.
 *
 * Without heart rate: a pace-based score on the TRIMP scale,
 *   score = 1.7 × hours × IF² × 100,  IF = average speed / reference speed, capped at 1.2,
 * where hours × IF² × 100 is the rTSS form and 1.7 converts TSS-like points to TRIMP (raw TRIMP ≈ 1.65–1.75 ×
 * hrTSS). The reference speed stands in for threshold speed: the fastest average speed of a run of at least
 * 20 minutes in the previous 90 days. With no such run (or no distance, e.g. a treadmill without a foot pod)
 * the run is scored as an easy run, IF = 0.75.
 */
export type LoadScoreMethod = 'trimp' | 'pace';

export interface LoadScore {
  value: number;
  method: LoadScoreMethod;
  /** The heart-rate maximum used (set or estimated), null for pace scores. */
  maxHrUsed: number | null;
}

export const TRIMP_CONSTANTS = {
  male: { a: 0.64, b: 1.92 },
  female: { a: 0.86, b: 1.67 },
  unknown: { a: 0.75, b: 1.795 },
} as const;

export const DEFAULT_RESTING_HR = 60;
export const MAX_HR_FLOOR = 185;
export const SCORE_LOOKBACK_MS = 90 * DAY_MS;
const MIN_REFERENCE_RUN_S = 20 * 60;
const EASY_IF = 0.75;
const MAX_IF = 1.2;
const TRIMP_PER_TSS = 1.7;

export function trimp(
  minutes: number,
  avgHr: number,
  restHr: number,
  maxHr: number,
  sex: AthleteSettings['sex'],
): number {
  const reserve = maxHr - restHr;
  if (reserve <= 0 || minutes <= 0) return 0;
  const hrr = Math.min(1, Math.max(0, (avgHr - restHr) / reserve));
  const k =
    sex === 'male'
      ? TRIMP_CONSTANTS.male
      : sex === 'female'
        ? TRIMP_CONSTANTS.female
        : TRIMP_CONSTANTS.unknown;
  return minutes * hrr * k.a * Math.exp(k.b * hrr);
}

export function paceScore(seconds: number, intensityFactor: number): number {
  const hours = seconds / 3600;
  return TRIMP_PER_TSS * hours * intensityFactor * intensityFactor * 100;
}

function hasHeartRate(run: LoadActivity): run is LoadActivity & { avgHeartRate: number } {
  return run.avgHeartRate !== null && Number.isFinite(run.avgHeartRate) && run.avgHeartRate > 0;
}

/** Score of `runs[index]`, runs sorted by (startMs, id); looks back at most 90 days. */
export function loadScoreAt(
  runs: readonly LoadActivity[],
  index: number,
  settings: AthleteSettings,
): LoadScore {
  const run = runs[index]!;
  const seconds = activeSeconds(run);
  const from = run.startMs - SCORE_LOOKBACK_MS;
  if (hasHeartRate(run)) {
    let maxHr = settings.maxHr;
    if (maxHr === null) {
      let highestAvg = run.avgHeartRate;
      for (let j = index - 1; j >= 0 && runs[j]!.startMs >= from; j -= 1) {
        const hr = runs[j]!.avgHeartRate;
        if (hr !== null && hr > highestAvg) highestAvg = hr;
      }
      maxHr = Math.max(MAX_HR_FLOOR, highestAvg + 10);
    }
    const restHr = settings.restingHr ?? DEFAULT_RESTING_HR;
    return {
      value: roundTo(trimp(seconds / 60, run.avgHeartRate, restHr, maxHr, settings.sex), 2),
      method: 'trimp',
      maxHrUsed: maxHr,
    };
  }
  let reference = 0;
  for (let j = index - 1; j >= 0 && runs[j]!.startMs >= from; j -= 1) {
    const candidate = runs[j]!;
    const s = activeSeconds(candidate);
    if (s >= MIN_REFERENCE_RUN_S && candidate.startMs < run.startMs) {
      const speed = safeDistance(candidate) / s;
      if (speed > reference) reference = speed;
    }
  }
  const distance = safeDistance(run);
  const intensity =
    reference > 0 && distance > 0 && seconds > 0 ? Math.min(MAX_IF, distance / seconds / reference) : EASY_IF;
  return { value: roundTo(paceScore(seconds, intensity), 2), method: 'pace', maxHrUsed: null };
}

/** How the per-run scores were made, for the report (every derived number set names its method and version). */
export const LOAD_SCORE_META = {
  algorithmVersion: LOAD_ALGORITHM_VERSION,
  trimp:
    'minutes × HRr × a × e^(b·HRr) on average HR; men a 0.64 b 1.92, women a 0.86 b 1.67, unknown a 0.75 b 1.795; rest HR 60 and max HR max(185, highest 90-day average + 10) when not set',
  pace: '1.7 × hours × IF² × 100, IF = speed / fastest ≥ 20-min run of the previous 90 days (0.75 when none), capped at 1.2',
  source: `${SOURCES.banister}; ${SOURCES.trimpToTss}`,
} as const;
