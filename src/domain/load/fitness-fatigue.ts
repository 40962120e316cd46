import { LOAD_ALGORITHM_VERSION, SOURCES } from './load-sources.ts';

/**
 * Fitness / fatigue / form (the Performance Management Chart), from the daily running load score.
 *
 * Recurrence (true exponential decay, as in intervals.icu and GoldenCheetah):
 *   fitness_t = fitness_{t−1} · e^(−1/42) + load_t · (1 − e^(−1/42))
 *   fatigue_t = fatigue_{t−1} · e^(−1/7)  + load_t · (1 − e^(−1/7))
 *   form_t    = fitness_{t−1} − fatigue_{t−1}   (form entering day t, before that day's training)
 * Both start at 0 on the day before the first activity, so the first ~6 weeks read low.
 * It is a performance-planning tool, not an injury predictor; we show it as context.
 */
export const FITNESS_DAYS = 42;
export const FATIGUE_DAYS = 7;
const FITNESS_DECAY = Math.exp(-1 / FITNESS_DAYS);
const FATIGUE_DECAY = Math.exp(-1 / FATIGUE_DAYS);

export const FITNESS_RECURRENCE =
  'fitness_t = fitness_(t-1)·e^(-1/42) + load_t·(1 − e^(-1/42)); fatigue_t = fatigue_(t-1)·e^(-1/7) + load_t·(1 − e^(-1/7)); form_t = fitness_(t-1) − fatigue_(t-1); start at 0';

export interface FitnessFatigueSeries {
  fitness: number[];
  fatigue: number[];
}

export function createFitnessFatigue(): FitnessFatigueSeries {
  return { fitness: [], fatigue: [] };
}

/**
 * Recomputes indices `from` … `load.length − 1` from index `from − 1` (the incremental path passes the first
 * changed day; a full recompute passes 0). Truncates stale values beyond the load's length.
 */
export function updateFitnessFatigue(
  series: FitnessFatigueSeries,
  load: readonly number[],
  from: number,
): void {
  const start = Math.max(0, Math.min(from, series.fitness.length));
  series.fitness.length = start;
  series.fatigue.length = start;
  let fitness = start > 0 ? series.fitness[start - 1]! : 0;
  let fatigue = start > 0 ? series.fatigue[start - 1]! : 0;
  for (let i = start; i < load.length; i += 1) {
    const today = load[i]!;
    fitness = fitness * FITNESS_DECAY + today * (1 - FITNESS_DECAY);
    fatigue = fatigue * FATIGUE_DECAY + today * (1 - FATIGUE_DECAY);
    series.fitness.push(fitness);
    series.fatigue.push(fatigue);
  }
}

export interface FitnessPoint {
  date: string;
  fitness: number;
  fatigue: number;
  form: number;
}

/**
 * Values at a day index; beyond the computed range the series decays with zero load (no training since the
 * last activity), which is the same recurrence with load 0.
 */
export function fitnessAt(series: FitnessFatigueSeries, index: number): { fitness: number; fatigue: number } {
  if (index < 0) return { fitness: 0, fatigue: 0 };
  const last = series.fitness.length - 1;
  if (index <= last) return { fitness: series.fitness[index]!, fatigue: series.fatigue[index]! };
  if (last < 0) return { fitness: 0, fatigue: 0 };
  const idle = index - last;
  return {
    fitness: series.fitness[last]! * FITNESS_DECAY ** idle,
    fatigue: series.fatigue[last]! * FATIGUE_DECAY ** idle,
  };
}

export const FITNESS_META = {
  algorithmVersion: LOAD_ALGORITHM_VERSION,
  recurrence: FITNESS_RECURRENCE,
  loadUnit: 'TRIMP-scale load score per day (running only)',
  source: SOURCES.pmc,
  note: 'A planning aid for training, shown as context; it does not predict injury.',
} as const;
