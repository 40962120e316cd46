/**
 * Small constructors for library entries: a dose from numbers, and a strength exercise whose source defaults to
 * the evidence behind its rung of the loading ladder.
 */
import type { Dose, Exercise, LoadingStage, ProgrammeId } from './exercise.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export function dose(
  sets: number,
  reps: number | null,
  holdS: number | null,
  restS: number,
  perSide: boolean,
): Dose {
  return { sets, reps, holdS, restS, perSide };
}

const SOURCE_BY_STAGE: Record<Exclude<LoadingStage, 'mobility'>, string> = {
  isometric: `${PLAN_SOURCES.rio2015}; ${PLAN_SOURCES.malliaras2015}`,
  'heavy-slow': `${PLAN_SOURCES.dosingTemplate}; ${PLAN_SOURCES.lauersen2014}`,
  plyometric: PLAN_SOURCES.malliaras2015,
};

type StrengthInput = Omit<Exercise, 'category' | 'source' | 'stage'> & {
  stage: Exclude<LoadingStage, 'mobility'>;
  conditions: readonly ProgrammeId[];
  source?: string;
};

export function strength(e: StrengthInput): Exercise {
  return { ...e, category: 'strength', source: e.source ?? SOURCE_BY_STAGE[e.stage] };
}

export const KNEE: readonly ProgrammeId[] = ['pfps', 'patellar_tendinopathy', 'knee_oa', 'prevention'];
export const HIP: readonly ProgrammeId[] = ['pfps', 'itbs', 'pes_anserine_bursitis', 'knee_oa', 'prevention'];
