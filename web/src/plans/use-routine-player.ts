/**
 * Runs a routine against the real clock. Time is measured, never counted: every tick (and every button press)
 * moves the session on by the performance.now() difference since the last one, so a throttled background tab
 * or a slow frame cannot make the countdown drift; the interval only decides how often the screen refreshes.
 * The session logic itself (steps, pause, skip, quit) is the domain's, shared with the terminal player.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  advance,
  quit,
  type RoutineSessionState,
  skip,
  startSession,
  togglePause,
} from '../../../src/domain/plans/routine-session.ts';
import type { Routine } from '../types/plans.ts';
import { back } from './routine-controls.ts';
import { SoundCue } from './sound-cue.ts';

export type PlayerPhase = 'ready' | 'playing' | 'done';

const REFRESH_MS = 200;

export interface RoutinePlayer {
  phase: PlayerPhase;
  session: RoutineSessionState;
  /** End-of-step cues actually played (sound on and a tone scheduled). */
  cues: number;
  start(): void;
  togglePause(): void;
  skip(): void;
  back(): void;
  stop(): void;
  reset(): void;
  /** Call from the sound toggle's change handler: sound may only start after a user gesture. */
  unlockSound(): void;
}

export function useRoutinePlayer(
  routine: Routine,
  options: { sound: boolean; onStepChange: (session: RoutineSessionState, how: 'time' | 'user') => void },
): RoutinePlayer {
  const sessionRef = useRef<RoutineSessionState>(startSession(routine));
  const lastRef = useRef(0);
  const soundRef = useRef<SoundCue | null>(null);
  const soundOn = useRef(options.sound);
  soundOn.current = options.sound;
  const onStepChange = useRef(options.onStepChange);
  onStepChange.current = options.onStepChange;
  const [phase, setPhase] = useState<PlayerPhase>('ready');
  const [session, setSession] = useState<RoutineSessionState>(sessionRef.current);
  const [cues, setCues] = useState(0);

  const sound = useCallback(() => {
    soundRef.current ??= new SoundCue();
    return soundRef.current;
  }, []);

  const commit = useCallback((next: RoutineSessionState, how: 'time' | 'user') => {
    const prev = sessionRef.current;
    if (next === prev) return;
    sessionRef.current = next;
    setSession(next);
    const stepChanged = next.index !== prev.index || (next.finished && !prev.finished);
    // Only a step that ran out beeps: a skip or back is the runner's own doing and needs no alarm.
    if (how === 'time' && stepChanged && soundOn.current && soundRef.current?.beep(next.finished)) {
      setCues((c) => c + 1);
    }
    if (next.finished && !prev.finished) setPhase('done');
    if (stepChanged) onStepChange.current(next, how);
  }, []);

  /** Moves the session on by the time since the last tick. */
  const catchUp = useCallback(() => {
    const now = performance.now();
    const elapsed = now - lastRef.current;
    lastRef.current = now;
    commit(advance(routine, sessionRef.current, elapsed), 'time');
  }, [commit, routine]);

  useEffect(() => {
    if (phase !== 'playing' || session.paused) return;
    const timer = setInterval(catchUp, REFRESH_MS);
    // Browsers slow timers in hidden tabs: catch up the moment the tab is visible again.
    document.addEventListener('visibilitychange', catchUp);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', catchUp);
    };
  }, [phase, session.paused, catchUp]);

  useEffect(() => () => soundRef.current?.close(), []);

  /** Time up to the press counts first, then the press applies, and the clock restarts from now. */
  const act = useCallback(
    (change: (s: RoutineSessionState) => RoutineSessionState) => {
      if (phase !== 'playing') return;
      catchUp();
      if (sessionRef.current.finished) return;
      commit(change(sessionRef.current), 'user');
      lastRef.current = performance.now();
    },
    [catchUp, commit, phase],
  );

  return {
    phase,
    session,
    cues,
    start: () => {
      if (soundOn.current) sound().unlock();
      const first = startSession(routine);
      sessionRef.current = first;
      setSession(first);
      lastRef.current = performance.now();
      setPhase(first.finished ? 'done' : 'playing');
      onStepChange.current(first, 'user');
    },
    togglePause: () => act(togglePause),
    skip: () => act((s) => skip(routine, s)),
    back: () => act((s) => back(routine, s)),
    stop: () => act(quit),
    reset: () => {
      const first = startSession(routine);
      sessionRef.current = first;
      setSession(first);
      setPhase('ready');
      setCues(0);
    },
    unlockSound: () => {
      sound().unlock();
    },
  };
}
