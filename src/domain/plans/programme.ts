/**
 * Rehab and prevention programmes: phases of 2-3 sessions a week, each phase a list of library exercises with
 * their doses. Runners move through the phases by the pain rules, not by the calendar alone: progress when a
 * week stayed green, repeat the phase when amber, go back one phase when red.
 */
import type { Dose, ProgrammeId } from './exercise.ts';
import { describeDose } from './exercise.ts';
import { exercise } from './exercise-library.ts';
import type { PainSignal } from './pain-monitoring.ts';

export interface ProgrammeItem {
  exerciseId: string;
  /** Overrides the library dose for this phase (e.g. heavier, fewer reps). */
  dose?: Dose;
}

export interface ProgrammePhase {
  name: string;
  weeks: number;
  sessionsPerWeek: 2 | 3;
  goal: string;
  items: readonly ProgrammeItem[];
  /** What must be true to move on, in our words. */
  advanceWhen: string;
}

export interface Programme {
  id: ProgrammeId;
  name: string;
  summary: string;
  phases: readonly ProgrammePhase[];
  /** Running changes that go with the exercises (load, hills, cadence). */
  runningAdvice: readonly string[];
  source: string;
}

export function programmeWeeks(p: Programme): number {
  return p.phases.reduce((sum, phase) => sum + phase.weeks, 0);
}

/** The phase index a week falls in when everything stays green (week 0 = the first week). */
export function nominalPhaseIndex(p: Programme, weekIndex: number): number {
  let remaining = weekIndex;
  for (let i = 0; i < p.phases.length; i += 1) {
    remaining -= p.phases[i]!.weeks;
    if (remaining < 0) return i;
  }
  return p.phases.length - 1;
}

/** Where to go next after a week at `phaseIndex`, by the pain rules. Never below 0 or past the last phase. */
export function nextPhaseIndex(
  p: Programme,
  phaseIndex: number,
  weeksInPhase: number,
  signal: PainSignal,
): number {
  if (signal === 'red') return Math.max(0, phaseIndex - 1);
  if (signal === 'amber') return phaseIndex;
  const phase = p.phases[phaseIndex];
  if (phase && weeksInPhase >= phase.weeks) return Math.min(p.phases.length - 1, phaseIndex + 1);
  return phaseIndex;
}

/** Where a runner who has already logged `sessionsDone` sessions of this programme stands, all green so far. */
export function phaseAfterSessions(p: Programme, sessionsDone: number): number {
  let remaining = sessionsDone;
  for (let i = 0; i < p.phases.length; i += 1) {
    const phase = p.phases[i]!;
    remaining -= phase.weeks * phase.sessionsPerWeek;
    if (remaining < 0) return i;
  }
  return p.phases.length - 1;
}

/** One line per exercise: "Wall sit: 5 × 45 s, rest 60 s". */
export function describePhase(phase: ProgrammePhase): string[] {
  return phase.items.map((item) => {
    const ex = exercise(item.exerciseId);
    return `${ex.name}: ${describeDose(item.dose ?? ex.dose)}`;
  });
}
