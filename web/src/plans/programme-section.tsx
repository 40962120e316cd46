/**
 * The rehab or prevention programme picked from the latest knee check (GET /api/programme): which one and
 * why, where the runner stands (sessions logged, current phase), every phase with its exercises and doses,
 * how to move between phases, and the running changes that go with it. The how-to lines of each exercise come
 * from the pure domain library by id, the same text the routines and the CLI use.
 */
import { findExercise } from '../../../src/domain/plans/exercise-library.ts';
import { PAIN_MODEL, PAIN_TEXT } from '../../../src/domain/plans/pain-monitoring.ts';
import type { Loaded } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { longDay } from '../format-dates.ts';
import { useAppState } from '../settings-context.tsx';
import type { ProgrammeJson, ProgrammePhaseJson } from '../types/plans.ts';
import type { ProgrammeRoutine } from './routine-section.tsx';

function currentPhase(json: ProgrammeJson): number {
  return Math.min(Math.max(json.currentPhaseIndex, 0), Math.max(json.programme.phases.length - 1, 0));
}

/** What the routine section needs to offer "your programme" at the right phase. */
export function programmeRoutineOf(json: ProgrammeJson): ProgrammeRoutine {
  const phaseIndex = currentPhase(json);
  return {
    id: json.programme.id,
    name: json.programme.name,
    phaseIndex,
    phaseName: json.programme.phases[phaseIndex]?.name ?? null,
  };
}

function lastSessionDate(json: ProgrammeJson): string {
  return json.sessions.reduce((last, s) => (s.date > last ? s.date : last), '');
}

/** The picker's reason names the condition by id ("pfps is the most likely…"): say it in words. */
function readableReason(json: ProgrammeJson): string {
  const { reason } = json.choice;
  const named = reason.startsWith(`${json.programme.id} `)
    ? `${json.programme.name}${reason.slice(json.programme.id.length)}`
    : reason;
  return named.charAt(0).toUpperCase() + named.slice(1);
}

function PhaseItem(props: { phase: ProgrammePhaseJson; current: boolean }) {
  const { phase } = props;
  return (
    <li class={`programme-phase${props.current ? ' current' : ''}`}>
      <details open={props.current}>
        <summary class="phase-summary">
          <strong>
            Phase {phase.index + 1}: {phase.name}
          </strong>{' '}
          <span class="muted">
            · {phase.weeks} weeks, {phase.sessionsPerWeek} sessions a week
          </span>
          {props.current && <span class="week-tag">You are here</span>}
        </summary>
        <p>{phase.goal}</p>
        <ul class="programme-exercises">
          {phase.exercises.map((item) => {
            const ex = findExercise(item.id);
            return (
              <li key={item.id}>
                <details>
                  <summary class="exercise-summary">
                    {item.name}: <span class="dose">{item.doseText}</span>
                  </summary>
                  {ex && (
                    <>
                      <ol>
                        {ex.howTo.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ol>
                      <p>
                        <strong>Too easy?</strong> {ex.progress}
                      </p>
                      <p>
                        <strong>Too sore?</strong> {ex.regress}
                      </p>
                    </>
                  )}
                </details>
              </li>
            );
          })}
        </ul>
        <p>
          <strong>Move on when:</strong> {phase.advanceWhen}
        </p>
      </details>
    </li>
  );
}

export function ProgrammeSection(props: { loaded: Loaded<ProgrammeJson> }) {
  const { overview } = useAppState();
  const { data, error, reload } = props.loaded;
  const noAssessment = overview.counts.assessments === 0;
  return (
    <section class="plans-section" aria-labelledby="programme-title">
      <h2 id="programme-title">Your programme</h2>
      {error && <ErrorMessage error={error} retry={reload} />}
      {!data && !error && <Loading what="your programme" />}
      {data && (
        <>
          {noAssessment && (
            <p class="alert alert-info">
              You have not done a knee check yet, so this is the general prevention programme.{' '}
              <a href="#/knee-check">Do the knee check</a> to get exercises matched to your knee.
            </p>
          )}
          {data.choice.warning && <p class="alert alert-warn">{data.choice.warning}</p>}
          <div class="card programme-card">
            <h3>{data.programme.name}</h3>
            <p>{data.programme.summary}</p>
            <p>
              <strong>Why this one:</strong> {readableReason(data)}.
            </p>
            <p class="programme-progress">
              <strong>
                {data.sessionsDone === 1 ? '1 session' : `${data.sessionsDone} sessions`} logged
              </strong>
              {data.sessions.length > 0 && `, the last on ${longDay(lastSessionDate(data))}`}. You are in
              phase {currentPhase(data) + 1} of {data.programme.phases.length}:{' '}
              {data.programme.phases[currentPhase(data)]?.name}. Play it above under “Your programme” and log
              it when you finish.
            </p>
            <ol class="programme-phases">
              {data.programme.phases.map((phase) => (
                <PhaseItem key={phase.index} phase={phase} current={phase.index === currentPhase(data)} />
              ))}
            </ol>
            <h4>Moving between phases</h4>
            <p>Phases follow your pain, not the calendar alone. {PAIN_TEXT.exercises}</p>
            <p class="source">Source: {PAIN_MODEL.source}</p>
            <h4>Running alongside it</h4>
            <ul>
              {data.programme.runningAdvice.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p class="source">Source: {data.programme.source}</p>
          </div>
        </>
      )}
    </section>
  );
}
