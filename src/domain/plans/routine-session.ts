/**
 * The state of a routine being played, advanced by elapsed time: pure, so the player's pause, skip and
 * countdown logic is tested without a clock. The player feeds it milliseconds and key presses.
 */
import type { Routine, RoutineStep } from './routine.ts';

export interface RoutineSessionState {
  index: number;
  /** Milliseconds left in the current step. */
  remainingMs: number;
  paused: boolean;
  finished: boolean;
  quit: boolean;
  skipped: number;
}

export function startSession(routine: Routine): RoutineSessionState {
  const first = routine.steps[0];
  return {
    index: 0,
    remainingMs: (first?.durationS ?? 0) * 1000,
    paused: false,
    finished: !first,
    quit: false,
    skipped: 0,
  };
}

function enter(routine: Routine, state: RoutineSessionState, index: number): RoutineSessionState {
  const step = routine.steps[index];
  if (!step) return { ...state, index: routine.steps.length, remainingMs: 0, finished: true };
  return { ...state, index, remainingMs: step.durationS * 1000 };
}

/** Moves time on by `elapsedMs`, crossing as many steps as that covers. Paused sessions do not move. */
export function advance(
  routine: Routine,
  state: RoutineSessionState,
  elapsedMs: number,
): RoutineSessionState {
  if (state.paused || state.finished || elapsedMs <= 0) return state;
  let s = state;
  let left = elapsedMs;
  while (!s.finished && left >= s.remainingMs) {
    left -= s.remainingMs;
    s = enter(routine, s, s.index + 1);
  }
  return s.finished ? s : { ...s, remainingMs: s.remainingMs - left };
}

export function togglePause(state: RoutineSessionState): RoutineSessionState {
  return state.finished ? state : { ...state, paused: !state.paused };
}

export function skip(routine: Routine, state: RoutineSessionState): RoutineSessionState {
  if (state.finished) return state;
  return enter(routine, { ...state, skipped: state.skipped + 1 }, state.index + 1);
}

export function quit(state: RoutineSessionState): RoutineSessionState {
  return { ...state, finished: true, quit: true };
}

export function currentStep(routine: Routine, state: RoutineSessionState): RoutineStep | null {
  return state.finished ? null : (routine.steps[state.index] ?? null);
}

export function nextStep(routine: Routine, state: RoutineSessionState): RoutineStep | null {
  return state.finished ? null : (routine.steps[state.index + 1] ?? null);
}

/** "1:05" style countdown, rounding up so a step never shows 0:00 while it is still running. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
