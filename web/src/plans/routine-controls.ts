/**
 * What the browser player adds to the domain's routine session (src/domain/plans/routine-session.ts): going
 * back a step, the time left in the whole routine, and splitting a step's cue into its dose and its how-to.
 * Pure, so the player component only wires clocks and buttons to these.
 */
import type { RoutineSessionState } from '../../../src/domain/plans/routine-session.ts';
import type { Routine, RoutineStep } from '../types/plans.ts';

/**
 * Back: restart the current step when some of it has already run (like a music player), otherwise go to the
 * step before. A finished session cannot go back; Play again starts a new one.
 */
export function back(routine: Routine, state: RoutineSessionState): RoutineSessionState {
  if (state.finished) return state;
  const current = routine.steps[state.index];
  const fullMs = (current?.durationS ?? 0) * 1000;
  const ranMs = fullMs - state.remainingMs;
  const index = ranMs > 3000 || state.index === 0 ? state.index : state.index - 1;
  const step = routine.steps[index];
  return { ...state, index, remainingMs: (step?.durationS ?? 0) * 1000 };
}

/** Milliseconds left in the whole routine: the rest of this step and every step after it. */
export function routineTimeLeftMs(routine: Routine, state: RoutineSessionState): number {
  if (state.finished) return 0;
  let ms = state.remainingMs;
  for (let i = state.index + 1; i < routine.steps.length; i += 1)
    ms += (routine.steps[i]?.durationS ?? 0) * 1000;
  return ms;
}

export function routineTotalMs(routine: Routine): number {
  return routine.steps.reduce((sum, step) => sum + step.durationS * 1000, 0);
}

/**
 * A work step's cue is "<dose>. <first how-to line>" (src/domain/plans/routine.ts): the dose ("12 slow reps",
 * "hold 30 s") is shown as its own badge, the rest as the instruction.
 */
export function splitCue(step: RoutineStep): { dose: string | null; instruction: string } {
  if (step.kind !== 'work') return { dose: null, instruction: step.cue };
  const cut = step.cue.indexOf('. ');
  if (cut < 0) return { dose: null, instruction: step.cue };
  return { dose: step.cue.slice(0, cut), instruction: step.cue.slice(cut + 2) };
}

/**
 * The dose as a runner reads it: a timed drill (a brisk walk, a shuffle) is done "for 3 min", not "held";
 * stretches and isometrics keep "hold 30 s".
 */
export function readableDose(dose: string, isDrill: boolean): string {
  const hold = /^hold (\d+) s$/.exec(dose);
  if (!hold || !isDrill) return dose;
  return `for ${spokenDuration(Number(hold[1]) * 1000)}`;
}

/** "9 min 47 s" / "35 s": durations said in words, for text and screen readers. */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}
