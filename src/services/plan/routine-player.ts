/**
 * Plays a routine in a terminal: a countdown per step, what comes next, and keys — space pauses or resumes,
 * s or → skips, q (or Ctrl-C) quits. The clock, the ticker and the streams are injected so tests drive it
 * with a fake clock and fake key presses. Outside a TTY (or with --no-wait) it prints the steps and returns.
 */
import { type Routine, routineDurationS } from '../../domain/plans/routine.ts';
import {
  advance,
  currentStep,
  formatCountdown,
  nextStep,
  quit,
  type RoutineSessionState,
  skip,
  startSession,
  togglePause,
} from '../../domain/plans/routine-session.ts';

export interface PlayerClock {
  now(): number;
  /** Calls `fn` every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export interface KeySource {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  setRawMode?(raw: boolean): unknown;
  resume?(): unknown;
  pause?(): unknown;
}

export interface PlayResult {
  completed: boolean;
  quit: boolean;
  skipped: number;
}

export const systemClock: PlayerClock = {
  now: () => performance.now(),
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    return () => clearInterval(handle);
  },
};

function minutes(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}` : `${s} s`;
}

/** The whole routine as text: one line per step with its duration (or without, for --no-wait listings). */
export function printRoutine(routine: Routine, out: NodeJS.WritableStream, withDurations = true): void {
  out.write(`${routine.name}\n${routine.intro}\n\n`);
  routine.steps.forEach((step, i) => {
    const time = withDurations ? `${minutes(step.durationS).padStart(12)}  ` : '';
    out.write(
      `${String(i + 1).padStart(3)}. ${time}${step.label}${step.kind === 'work' ? ` — ${step.cue}` : ''}\n`,
    );
  });
  if (withDurations) out.write(`\nTotal: ${minutes(routineDurationS(routine))}\n`);
  out.write(`Source: ${routine.source}\n`);
}

const TICK_MS = 250;

export function playRoutine(
  routine: Routine,
  io: { out: NodeJS.WritableStream; keys: KeySource; clock: PlayerClock },
): Promise<PlayResult> {
  const { out, keys, clock } = io;
  return new Promise((resolve) => {
    let state: RoutineSessionState = startSession(routine);
    let last = clock.now();
    let shownIndex = -1;

    const render = () => {
      const step = currentStep(routine, state);
      if (!step) return;
      if (state.index !== shownIndex) {
        if (shownIndex >= 0) out.write('\n');
        out.write(`\n[${state.index + 1}/${routine.steps.length}] ${step.label}\n    ${step.cue}\n`);
        shownIndex = state.index;
      }
      const next = nextStep(routine, state);
      const status = state.paused ? 'PAUSED' : formatCountdown(state.remainingMs);
      out.write(
        `\r\x1b[2K    ${status.padStart(6)}   next: ${next ? next.label : 'done'}   [space pause · s skip · q quit]`,
      );
    };

    const finish = () => {
      stop();
      keys.off('data', onKey);
      keys.setRawMode?.(false);
      keys.pause?.();
      out.write(state.quit ? '\n\nStopped.\n' : '\n\nRoutine complete. Well done.\n');
      resolve({ completed: !state.quit, quit: state.quit, skipped: state.skipped });
    };

    const tick = () => {
      const now = clock.now();
      state = advance(routine, state, now - last);
      last = now;
      if (state.finished) finish();
      else render();
    };

    const onKey = (chunk: Buffer | string) => {
      const key = chunk.toString();
      tick(); // account for time up to the key press first
      if (state.finished) return;
      if (key === ' ') state = togglePause(state);
      else if (key === 's' || key === 'S' || key === '\x1b[C') state = skip(routine, state);
      else if (key === 'q' || key === 'Q' || key === '\x03') state = quit(state);
      else return;
      last = clock.now();
      if (state.finished) finish();
      else render();
    };

    out.write(`${routine.name} — ${minutes(routineDurationS(routine))}\n${routine.intro}\n`);
    keys.setRawMode?.(true);
    keys.resume?.();
    keys.on('data', onKey);
    const stop = clock.every(TICK_MS, tick);
    if (state.finished) finish();
    else render();
  });
}
