/**
 * The whole exercise library and lookups. Ids are stable: routines, programmes and stored programme sessions
 * refer to exercises by id.
 */
import type { Exercise, ProgrammeId } from './exercise.ts';
import { ISOMETRICS } from './exercise-library.isometric.ts';
import { STATIC_STRETCHES, WARMUP_DRILLS } from './exercise-library.mobility.ts';
import { PLYOMETRICS } from './exercise-library.plyometric.ts';
import { HEAVY_SLOW } from './exercise-library.strength.ts';

export const EXERCISES: readonly Exercise[] = [
  ...WARMUP_DRILLS,
  ...STATIC_STRETCHES,
  ...ISOMETRICS,
  ...HEAVY_SLOW,
  ...PLYOMETRICS,
];

const BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

export function findExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

/** An exercise a programme or routine refers to; a missing id is a bug in the content, caught by the tests. */
export function exercise(id: string): Exercise {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown exercise id "${id}" in the plans content`);
  return found;
}

export function exercisesFor(programme: ProgrammeId): Exercise[] {
  return EXERCISES.filter((e) => e.conditions.includes(programme));
}
