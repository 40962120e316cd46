/**
 * The guided routine, one exercise at a time: what to do, the dose, a big countdown, what comes next, and
 * Start / Pause / Resume / Skip / Back / Stop. Screen readers hear the step when it changes (and pause/resume),
 * never the seconds ticking. A beep marks the end of each timed step when sound is on. When the routine ends
 * (or is stopped) the runner can log it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { findExercise } from '../../../src/domain/plans/exercise-library.ts';
import { formatCountdown, type RoutineSessionState } from '../../../src/domain/plans/routine-session.ts';
import { useCanWrite } from '../settings-context.tsx';
import type { Routine } from '../types/plans.ts';
import { LogSessionForm } from './log-session-form.tsx';
import {
  readableDose,
  routineTimeLeftMs,
  routineTotalMs,
  splitCue,
  spokenDuration,
} from './routine-controls.ts';
import { useRoutineKeys } from './routine-keys.ts';
import { useSoundSetting } from './sound-setting.ts';
import { type PlayerPhase, useRoutinePlayer } from './use-routine-player.ts';
import './routine-player.css';

function announceStep(routine: Routine, session: RoutineSessionState): string {
  if (session.finished) {
    return session.quit ? 'Routine stopped.' : 'Routine complete. Well done.';
  }
  const step = routine.steps[session.index];
  if (!step) return '';
  const where = `Step ${session.index + 1} of ${routine.steps.length}`;
  const { dose, instruction } = splitCue(step);
  const isDrill = step.exerciseId !== null && findExercise(step.exerciseId)?.category === 'warmup';
  const doseText = dose ? readableDose(dose, isDrill) : null;
  const what =
    step.kind === 'rest' ? `${step.label}, ${instruction}` : `${step.label}. ${doseText ?? instruction}`;
  // "For 3 min" already says how long; otherwise the step's time closes the sentence.
  const time = doseText?.startsWith('for ') ? '' : ` ${spokenDuration(session.remainingMs)}.`;
  return `${where}: ${what}.${time}`;
}

export function RoutinePlayer(props: {
  routine: Routine;
  /** The programme phase played (0-based), or null for the warm-up and cool-down, which are not logged. */
  phaseIndex: number | null;
  /** After a programme session was logged, so the programme's progress can reload. */
  onLogged: () => void;
}) {
  const { routine } = props;
  // Server mode, read-only: the routine plays, but logging it is a change to the athlete's programme.
  const canLog = useCanWrite('clinical');
  const [sound, setSound] = useSoundSetting();
  const [announcement, setAnnouncement] = useState('');
  const player = useRoutinePlayer(routine, {
    sound,
    onStepChange: (session) => setAnnouncement(announceStep(routine, session)),
  });
  const { phase, session } = player;
  const pauseButton = useRef<HTMLButtonElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const lastPhase = useRef<PlayerPhase>(phase);

  // Keep keyboard focus on the player when its buttons are swapped out under it.
  useEffect(() => {
    if (lastPhase.current === phase) return;
    lastPhase.current = phase;
    if (phase === 'playing') pauseButton.current?.focus();
    else if (phase === 'done') doneHeading.current?.focus();
    else startButton.current?.focus();
  }, [phase]);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (phase !== 'playing') return;
    setAnnouncement(
      session.paused
        ? `Paused, ${spokenDuration(session.remainingMs)} left in this step.`
        : `Resumed: ${routine.steps[session.index]?.label ?? ''}.`,
    );
    // Only the pause flag matters here; the step announcement has its own path.
  }, [session.paused]);

  useRoutineKeys(phase === 'playing', {
    togglePause: player.togglePause,
    skip: player.skip,
    back: player.back,
  });

  const step = routine.steps[session.index] ?? null;
  const next = routine.steps[session.index + 1] ?? null;
  const exercise = step?.exerciseId ? findExercise(step.exerciseId) : undefined;
  const cue = step ? splitCue(step) : null;
  const totalMs = routineTotalMs(routine);
  const leftMs = routineTimeLeftMs(routine, session);

  return (
    <section
      class="routine-player card"
      aria-labelledby={`routine-${routine.id}-title`}
      data-phase={phase}
      data-paused={session.paused ? 'true' : 'false'}
      data-step={session.index}
      data-cues={player.cues}
    >
      <h3 id={`routine-${routine.id}-title`}>{routine.name}</h3>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {phase === 'ready' && (
        <div class="player-ready">
          <p>{routine.intro}</p>
          <p>
            <strong>{routine.steps.length} steps</strong>, {spokenDuration(totalMs)} in all.
          </p>
          <details>
            <summary>See every step</summary>
            <ol class="step-list">
              {routine.steps.map((s, i) => (
                <li key={i} class={s.kind === 'rest' ? 'rest' : undefined}>
                  {s.label} <span class="muted">· {spokenDuration(s.durationS * 1000)}</span>
                </li>
              ))}
            </ol>
          </details>
          <p class="source">Source: {routine.source}</p>
          <button type="button" ref={startButton} class="start" onClick={player.start}>
            Start
          </button>
        </div>
      )}

      {phase === 'playing' && step && cue && (
        <div class={`player-step ${step.kind === 'rest' ? 'is-rest' : 'is-work'}`}>
          <div class="player-progress">
            <p>
              <span class="step-count">
                Step {session.index + 1} of {routine.steps.length}
              </span>{' '}
              · <span class="time-left">{spokenDuration(leftMs)} left in the routine</span>
            </p>
            <progress
              max={totalMs}
              value={totalMs - leftMs}
              aria-label={`Routine progress: step ${session.index + 1} of ${routine.steps.length}`}
            />
          </div>
          <p class="step-kind">{step.kind === 'rest' ? 'Rest' : 'Exercise'}</p>
          <h4 class="step-name">{step.label}</h4>
          {cue.dose && <p class="step-dose">{readableDose(cue.dose, exercise?.category === 'warmup')}</p>}
          <div
            class="countdown"
            role="timer"
            aria-label="Time left in this step"
            data-ms={session.remainingMs}
          >
            {formatCountdown(session.remainingMs)}
          </div>
          {session.paused && (
            <p class="paused-flag" aria-hidden="true">
              Paused
            </p>
          )}
          {exercise && step.kind === 'work' ? (
            <ul class="how-to">
              {exercise.howTo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p class="how-to">{cue.instruction}</p>
          )}
          <p class="next-step">
            <strong>Next:</strong> {next ? next.label : 'the end of the routine'}
          </p>
          <div class="player-controls row">
            <button type="button" class="secondary" onClick={player.back}>
              Back
            </button>
            <button type="button" ref={pauseButton} class="pause" onClick={player.togglePause}>
              {session.paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" class="secondary" onClick={player.skip}>
              Skip
            </button>
            <button type="button" class="secondary stop" onClick={player.stop}>
              Stop
            </button>
          </div>
        </div>
      )}

      {phase === 'done' && (
        <div class="player-done">
          <h4 tabIndex={-1} ref={doneHeading}>
            {session.quit
              ? `Stopped at step ${Math.min(session.index + 1, routine.steps.length)} of ${routine.steps.length}.`
              : 'Routine complete. Well done.'}
          </h4>
          {!canLog ? null : props.phaseIndex !== null ? (
            <LogSessionForm
              routine={routine}
              phaseIndex={props.phaseIndex}
              completed={!session.quit}
              onLogged={props.onLogged}
            />
          ) : (
            <p>
              Warm-ups and cool-downs are not logged. Log your programme sessions (choose “Your programme”
              above): they are what moves you through its phases.
            </p>
          )}
          <button type="button" class="secondary" onClick={player.reset}>
            Play again
          </button>
        </div>
      )}

      <div class="player-settings">
        <label class="inline">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setSound(on);
              if (on) player.unlockSound();
            }}
          />{' '}
          Beep at the end of each timed step
        </label>
        {phase !== 'done' && (
          <p class="shortcuts">
            Keyboard while playing: <kbd>Space</kbd> pause or resume, <kbd>→</kbd> skip, <kbd>←</kbd> back.
          </p>
        )}
      </div>
    </section>
  );
}
