/**
 * The coming weeks (GET /api/plan): a small form (how many weeks, an optional weekly goal in the runner's
 * units), the rule every run obeys with its source, a calendar download, and one card per week listing its
 * sessions. Each run shows its planned distance beside its ceiling so the runner sees the margin.
 */
import { useState } from 'preact/hooks';
import { formatPlanDistance } from '../../../src/domain/plans/plan-distance.ts';
import { PLAN_SOURCES } from '../../../src/domain/plans/plan-sources.ts';
import { apiUrl } from '../api.ts';
import { EvidenceLabel } from '../components/screen.tsx';
import { shortDay } from '../format-dates.ts';
import { type Units, useUnits } from '../settings-context.tsx';
import type { PlanJson, PlanSessionJson, PlanWeekJson } from '../types/plans.ts';
import { goalToKm, KIND_LABEL, MAX_GOAL_KM, MAX_PLAN_WEEKS, noteInUnits, planQuery } from './plan-format.ts';

export interface PlanRequest {
  weeks: number;
  goalKm: number | null;
}

const WEEK_CHOICES = Array.from({ length: MAX_PLAN_WEEKS }, (_, i) => i + 1);

export function PlanControls(props: { request: PlanRequest; onChange: (r: PlanRequest) => void }) {
  const units = useUnits();
  const maxGoal = Math.floor(units.value(MAX_GOAL_KM * 1000));
  const [goal, setGoal] = useState(
    props.request.goalKm === null ? '' : units.value(props.request.goalKm * 1000).toFixed(1),
  );
  const [goalError, setGoalError] = useState<string | null>(null);

  const apply = (weeks: number) => {
    const text = goal.trim();
    if (text === '') {
      setGoalError(null);
      props.onChange({ weeks, goalKm: null });
      return;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > maxGoal) {
      setGoalError(
        `Enter a weekly distance above 0 and at most ${maxGoal} ${units.label}, or leave it empty.`,
      );
      return;
    }
    setGoalError(null);
    props.onChange({ weeks, goalKm: goalToKm(value, units.units) });
  };

  return (
    <form
      class="plan-controls row"
      onSubmit={(e) => {
        e.preventDefault();
        apply(props.request.weeks);
      }}
    >
      <div>
        <label for="plan-weeks">Weeks to plan</label>
        <select
          id="plan-weeks"
          value={String(props.request.weeks)}
          onChange={(e) => apply(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {WEEK_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {n} {n === 1 ? 'week' : 'weeks'}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="plan-goal">
          Weekly goal <span class="field-hint">({units.label}, optional)</span>
        </label>
        <input
          id="plan-goal"
          type="number"
          inputMode="decimal"
          min="0.1"
          max={String(maxGoal)}
          step="0.1"
          value={goal}
          aria-invalid={goalError ? 'true' : undefined}
          aria-describedby={goalError ? 'plan-goal-error' : 'plan-goal-hint'}
          onInput={(e) => setGoal((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="plan-apply">
        <button type="submit">Update plan</button>
      </div>
      <p id="plan-goal-hint" class="field-hint plan-goal-hint">
        A goal is built toward slowly, never faster than the rules below allow.
      </p>
      {goalError && (
        <p id="plan-goal-error" class="field-error" role="alert">
          {goalError}
        </p>
      )}
    </form>
  );
}

function SessionItem(props: { session: PlanSessionJson; units: Units }) {
  const { session: s, units } = props;
  const note = noteInUnits(s.note, units.units);
  const showDistance = s.kind === 'run' && s.distanceM !== null;
  return (
    <li class={`plan-session kind-${s.kind}`} data-kind={s.kind}>
      <div class="session-when">
        <span class="session-day">{shortDay(s.date)}</span>
        <span class={`kind-badge kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span>
      </div>
      <div class="session-main">
        <p class="session-title">
          <strong>{s.title}</strong>
          {showDistance && (
            <span class="session-distance">
              {' '}
              <span class="planned" data-metres={s.distanceM}>
                {formatPlanDistance(s.distanceM ?? 0, units.units)}
              </span>
              {s.ceilingM !== null && s.walkRunLevel === undefined && (
                <span class="ceiling" data-metres={s.ceilingM}>
                  {' '}
                  · ceiling {formatPlanDistance(s.ceilingM, units.units)}
                </span>
              )}
            </span>
          )}
        </p>
        {s.kind === 'strength' ? (
          <details class="session-note">
            <summary class="note-summary">The exercises</summary>
            <p>{note}</p>
          </details>
        ) : (
          <p class="session-note">{note}</p>
        )}
      </div>
    </li>
  );
}

function WeekCard(props: { week: PlanWeekJson; index: number; number: number; units: Units }) {
  const { week, units } = props;
  const id = `plan-week-${props.index}`;
  return (
    <section class={week.partial ? 'card plan-week partial' : 'card plan-week'} aria-labelledby={id}>
      <h3 id={id}>
        {week.partial ? 'This week' : `Week ${props.number}`}: from {shortDay(week.weekStart)}
        {week.mode === 'return' && <span class="week-tag">Return to running</span>}
        {week.lighter && <span class="week-tag">Lighter week</span>}
      </h3>
      <p class="muted">
        {week.plannedRunM > 0
          ? `${formatPlanDistance(week.plannedRunM, units.units)} of running planned.`
          : 'No running this week.'}
      </p>
      <ol class="plan-sessions">
        {week.sessions.map((s, i) => (
          <SessionItem key={`${s.date}-${i}`} session={s} units={units} />
        ))}
      </ol>
    </section>
  );
}

export function PlanWeeks(props: { plan: PlanJson; request: PlanRequest }) {
  const units = useUnits();
  const { plan } = props;
  const ceilingRule = plan.rules[0];
  return (
    <>
      <EvidenceLabel level="Observational evidence" source={ceilingRule?.source ?? PLAN_SOURCES.frandsen2025}>
        The rule behind every run: no run longer than 1.10 × the longest run you did (or this plan has you do)
        in the previous 30 days. Runs beyond that were linked to more running injuries. The ceiling beside
        each run is that limit.
        {plan.painRun && (
          <>
            {' '}
            While your knee hurts, the {units.distance(plan.painRun.distanceM)} run on{' '}
            {shortDay(plan.painRun.localDate)}, when the pain began, does not count: a run that brought pain
            on is not a distance your knee has shown it can take.
          </>
        )}
      </EvidenceLabel>
      {plan.returnToRun && (
        <p class="alert alert-info">
          <strong>Return to running, level {plan.returnToRun.level}.</strong> {plan.returnToRun.reason}
        </p>
      )}
      <p class="row plan-downloads">
        <a
          class="button secondary"
          href={apiUrl(`/plan.ics?${planQuery(props.request.weeks, props.request.goalKm)}`)}
          download="kneewise-plan.ics"
        >
          Download calendar (.ics)
        </a>
        <span class="field-hint">Adds these sessions to your phone or computer calendar.</span>
      </p>
      <div class="plan-weeks">
        {plan.weeks.map((w, i) => (
          <WeekCard
            key={w.weekStart}
            week={w}
            index={i}
            // Full weeks count from 1 after the rest of this week.
            number={plan.weeks[0]?.partial ? i : i + 1}
            units={units}
          />
        ))}
      </div>
      <details class="plan-rules">
        <summary class="rules-summary">Every rule this plan follows</summary>
        <ul>
          {plan.rules.map((r) => (
            <li key={r.text}>
              {r.text} <span class="source">Source: {r.source}</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
