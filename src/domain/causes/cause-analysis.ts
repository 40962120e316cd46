import { isRunningSport } from '../activity/sport.ts';
import { dateOfDay, dayNumber } from '../load/calendar-day.ts';
import { normalizeHistory } from '../load/run-history.ts';
import {
  type CauseInput,
  type CauseRun,
  type FactorFinding,
  thresholdsOf,
  windowsFor,
} from './cause-input.ts';
import { FACTOR_EVIDENCE, FACTOR_IDS, type FactorId } from './factor-catalog.ts';
import {
  fewRestDays,
  longRunShare,
  returnAfterBreak,
  sessionSpike,
  weeklyProgression,
} from './load-factors.ts';
import { newShoes, shoeMileageFactor } from './shoe-factors.ts';
import { cadenceDrop, descentIncrease, paceIncrease, surfaceChange } from './terrain-form-factors.ts';

/**
 * `kneewise why`: every factor id, measured on the runner's own numbers around the onset, ranked by
 * evidence × magnitude. The score is an ordering aid, not a probability: it says which change is both
 * large for this runner and backed by better evidence.
 */
export type Strength = 'strong' | 'moderate' | 'weak' | 'none';

export interface WhyFactor {
  id: FactorId;
  strength: Strength;
  summary: string;
  evidence: string;
  source: string;
  advice: string;
  /** Added fields (the spec allows additions): the ranking score and the numbers behind the summary. */
  score: number;
  numbers: Record<string, number | string | null>;
}

export interface WhyResult {
  onset: string;
  factors: WhyFactor[];
  window: { recentFrom: string; baselineFrom: string; baselineTo: string };
  notice: string;
}

export const WHY_NOTICE =
  'Education, not a diagnosis: these are changes in your own training before the pain began, set against ' +
  'what studies found. They can point to what to adjust; they cannot prove what caused the pain. Get the knee ' +
  'seen if it is swollen, locks or gives way, or is not improving after two to three weeks of easier running.';

const STRONG = 0.55;
const MODERATE = 0.3;

export function strengthOf(score: number): Strength {
  if (score >= STRONG) return 'strong';
  if (score >= MODERATE) return 'moderate';
  if (score > 0) return 'weak';
  return 'none';
}

export function explainOnset(input: CauseInput): WhyResult {
  const w = windowsFor(input.onset);
  const { runs: sorted } = normalizeHistory(input.activities);
  // normalizeHistory hands back the same objects it was given, so the shoe ids survive.
  const runs = (sorted as CauseRun[]).filter(
    (r) => isRunningSport(r.sport) && dayNumber(r.localDate) <= w.onsetDay,
  );
  const units = input.units;
  const findings: FactorFinding[] = [
    sessionSpike(runs, w, units),
    weeklyProgression(runs, w, units),
    returnAfterBreak(runs, w, units),
    descentIncrease(runs, w, units),
    paceIncrease(runs, w, units),
    cadenceDrop(runs, w),
    shoeMileageFactor(runs, input.shoes, w, units, thresholdsOf(input), input.onset),
    newShoes(runs, input.shoes, w, units),
    surfaceChange(runs, w),
    fewRestDays(runs, w),
    longRunShare(runs, w),
  ];
  const factors = findings.map((f): WhyFactor => {
    const evidence = FACTOR_EVIDENCE[f.id];
    const score = Math.round(evidence.weight * f.magnitude * 1000) / 1000;
    return {
      id: f.id,
      strength: strengthOf(score),
      summary: f.summary,
      evidence: evidence.evidence,
      source: evidence.source,
      advice: f.advice,
      score,
      numbers: f.numbers,
    };
  });
  factors.sort(
    (a, b) =>
      b.score - a.score ||
      FACTOR_EVIDENCE[b.id].weight - FACTOR_EVIDENCE[a.id].weight ||
      FACTOR_IDS.indexOf(a.id) - FACTOR_IDS.indexOf(b.id),
  );
  return {
    onset: input.onset,
    factors,
    window: {
      recentFrom: dateOfDay(w.recentFrom),
      baselineFrom: dateOfDay(w.baselineFrom),
      baselineTo: dateOfDay(w.baselineTo),
    },
    notice: WHY_NOTICE,
  };
}
