/**
 * Finding a routine by name and phase, shared by `kneewise routine` and GET /api/routines so both accept the
 * same names and phases and refuse the rest with the same codes.
 */
import { KneewiseError } from '../../domain/errors.ts';
import { PROGRAMME_IDS } from '../../domain/plans/exercise.ts';
import { getProgramme } from '../../domain/plans/programmes.catalog.ts';
import { findRoutine, ROUTINE_NAMES, type Routine, routineDurationS } from '../../domain/plans/routine.ts';

export const MAX_ROUTINE_PHASE = 4;

/** `phase` as typed (1 = first); ROUTINE_PHASE_INVALID for anything else. */
export function parseRoutinePhase(phase: string, field = '--phase'): number {
  const n = Number(phase);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROUTINE_PHASE) {
    throw new KneewiseError(
      'ROUTINE_PHASE_INVALID',
      `${field} must be a whole number from 1 to ${MAX_ROUTINE_PHASE}, got "${phase}"`,
    );
  }
  return n;
}

/** The routine `name` at `phase` (1 = first); ROUTINE_UNKNOWN (not found) naming the known routines. */
export function routineNamed(name: string, phase = 1): Routine {
  const routine = findRoutine(name, phase - 1);
  if (!routine) {
    throw new KneewiseError(
      'ROUTINE_UNKNOWN',
      `Unknown routine "${name}": expected one of ${ROUTINE_NAMES.join(', ')}`,
      'not-found',
    );
  }
  return routine;
}

export interface RoutineSummary {
  name: string;
  title: string;
  /** Length of the first phase, seconds. */
  durationS: number;
  kind: 'warmup' | 'cooldown' | 'programme';
  /** How many phases `?phase=` can pick from. */
  phases: number;
}

/** Every routine by name: the warm-up, the cool-down and one per programme (titled by the programme). */
export function routineList(): { routines: RoutineSummary[] } {
  return {
    routines: ROUTINE_NAMES.map((name) => {
      const routine = routineNamed(name);
      const programme = PROGRAMME_IDS.find((p) => p === name);
      return {
        name,
        title: programme ? getProgramme(programme).name : routine.name,
        durationS: routineDurationS(routine),
        kind: programme ? 'programme' : name === 'warmup' ? 'warmup' : 'cooldown',
        phases: programme ? getProgramme(programme).phases.length : 1,
      };
    }),
  };
}
