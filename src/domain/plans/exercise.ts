/**
 * One exercise of the library: how to do it, the dose, how to make it harder or easier, what it is for.
 * Doses are numbers (so routines can time them and tests can check them) plus a sentence for people.
 */
export const PROGRAMME_IDS = [
  'pfps',
  'itbs',
  'patellar_tendinopathy',
  'pes_anserine_bursitis',
  'hamstring_tendinopathy',
  'knee_oa',
  'prevention',
] as const;

export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

export type ExerciseCategory = 'warmup' | 'stretch' | 'strength';

/** Where a strength exercise sits on the tendon-loading ladder (Malliaras 2015): hold, then slow heavy, then spring. */
export type LoadingStage = 'isometric' | 'heavy-slow' | 'plyometric' | 'mobility';

export interface Dose {
  sets: number;
  /** Repetitions per set (per side when `perSide`), or null for holds and timed drills. */
  reps: number | null;
  /** Seconds per hold or per timed drill, or null for plain repetitions. */
  holdS: number | null;
  /** Rest between sets, seconds. */
  restS: number;
  perSide: boolean;
}

export interface Exercise {
  id: string;
  name: string;
  category: ExerciseCategory;
  stage: LoadingStage;
  /** Steps in our own words. */
  howTo: readonly string[];
  dose: Dose;
  /** How to make it harder once it is easy and the pain rules are met, and which library exercise comes next. */
  progress: string;
  progressTo: string | null;
  /** How to make it easier when it hurts too much, and which library exercise comes before. */
  regress: string;
  regressTo: string | null;
  /** Muscles or qualities it trains. */
  targets: readonly string[];
  /** Programmes it belongs to. */
  conditions: readonly ProgrammeId[];
  equipment: readonly string[];
  source: string;
}

/** "3 × 12 each side, rest 60 s" / "5 × 45 s hold, rest 60 s". */
export function describeDose(dose: Dose): string {
  const side = dose.perSide ? ' each side' : '';
  const work = dose.reps !== null ? `${dose.reps}${side}` : `${dose.holdS ?? 0} s${side}`;
  const hold = dose.reps !== null && dose.holdS !== null ? ` (${dose.holdS} s hold)` : '';
  const rest = dose.restS > 0 ? `, rest ${dose.restS} s` : '';
  return `${dose.sets} × ${work}${hold}${rest}`;
}

/**
 * Seconds a dose takes when played as a timed routine. A repetition is counted as 3 s (a slow, controlled
 * tempo); per-side work is done twice. Rest after the last set is not counted.
 */
export function doseDurationS(dose: Dose): number {
  const perSet = dose.reps !== null ? dose.reps * 3 : (dose.holdS ?? 0);
  const sides = dose.perSide ? 2 : 1;
  return dose.sets * perSet * sides + Math.max(0, dose.sets - 1) * dose.restS;
}
