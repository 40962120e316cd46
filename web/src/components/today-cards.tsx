/** The three small cards under the alerts: the latest knee check, the pain journal, the next planned session. */
import type { PainEntry } from '../../../src/domain/journal/pain-entry.ts';
import { useApi } from '../api.ts';
import { dayWithRelative, shortDay } from '../format-dates.ts';
import { differentialOf, likelihoodText } from '../knee/differential.ts';
import { toSavedAssessment } from '../knee/saved-assessment.ts';
import { TIER_LOOK } from '../knee/urgency-tiers.ts';
import { useCanWrite, useIsOwnData, useUnits } from '../settings-context.tsx';
import type { LatestAssessment, NextPlanned } from '../types/today.ts';

/** The first line of the latest check's differential, in the words of the knee-check screen. */
function FirstEntry(props: { assessmentId: string }) {
  const latest = useApi<unknown>('/assessments/latest');
  const saved = toSavedAssessment(latest.data);
  // Another check saved since Today loaded: say nothing rather than mix two checks.
  if (!saved || (saved.id !== null && saved.id !== props.assessmentId)) return null;
  const first = differentialOf(saved.result)[0];
  if (!first) return null;
  return (
    <p data-testid="knee-card-first">
      {first.kind === 'must-not-miss' ? 'Must be ruled out first: ' : 'Most likely: '}
      <strong>{first.name}</strong>
      {first.kind === 'likely' && <span class="muted"> ({likelihoodText(first)})</span>}
    </p>
  );
}

export function KneeCheckCard(props: { assessment: LatestAssessment | null }) {
  const a = props.assessment;
  return (
    <section class="card" aria-labelledby="knee-card-title" data-testid="knee-card">
      <h2 id="knee-card-title">Knee check</h2>
      {a === null ? (
        <>
          <p>
            Knee hurting? A few questions sort out how urgently it should be seen and what it most likely is.
          </p>
          <a class="button secondary" href="#/knee-check">
            Start a knee check
          </a>
        </>
      ) : (
        <>
          <p>
            <span class={`tier tier-${a.urgency}`}>
              <span aria-hidden="true">{TIER_LOOK[a.urgency].symbol} </span>
              {TIER_LOOK[a.urgency].name}
            </span>{' '}
            <span class="muted">on {shortDay(a.createdAt.slice(0, 10))}</span>
          </p>
          <p>{a.headline}</p>
          <FirstEntry assessmentId={a.id} />
          <a class="button secondary" href="#/knee-check">
            Open your knee check
          </a>
        </>
      )}
    </section>
  );
}

function scores(entry: PainEntry): string {
  const parts: string[] = [];
  if (entry.painDuring !== null) parts.push(`${entry.painDuring}/10 during`);
  if (entry.painAfter !== null) parts.push(`${entry.painAfter}/10 after`);
  if (entry.painNextMorning !== null) parts.push(`${entry.painNextMorning}/10 next morning`);
  return parts.length > 0 ? parts.join(', ') : 'no pain scores';
}

export function JournalCard(props: { entry: PainEntry | null; today: string }) {
  const { entry, today } = props;
  const checkedInToday = entry?.localDate === today;
  // Someone the athlete shares with reads the journal; only the athlete (or a granted writer) checks in.
  const canWrite = useCanWrite('symptoms');
  const own = useIsOwnData();
  return (
    <section class="card" aria-labelledby="journal-card-title">
      <h2 id="journal-card-title">Pain journal</h2>
      {entry === null ? (
        <p>
          {own
            ? 'Nothing logged yet. A half-minute check-in after runs shows whether your knee is settling.'
            : 'Nothing logged yet.'}
        </p>
      ) : (
        <p>
          Last entry {dayWithRelative(entry.localDate, today)}: {scores(entry)}
          {entry.side ? `, ${entry.side} knee` : ''}.
        </p>
      )}
      {canWrite ? (
        <a class="button secondary" href={checkedInToday ? `#/journal?date=${today}` : '#/journal'}>
          {checkedInToday ? "Edit today's check-in" : 'Check in today'}
        </a>
      ) : (
        <a class="button secondary" href="#/journal">
          Open the journal
        </a>
      )}
    </section>
  );
}

function plannedLine(session: NextPlanned, distance: (m: number) => string): string {
  const what = session.title;
  return session.distanceM !== null ? `${what}, ${distance(session.distanceM)}` : what;
}

export function NextPlannedCard(props: {
  session: NextPlanned | null;
  today: string;
  /** The latest knee check said emergency or urgent: the plan waits until the knee has been seen. */
  paused?: boolean;
}) {
  const units = useUnits();
  const { session } = props;
  return (
    <section class="card" aria-labelledby="plan-card-title">
      <h2 id="plan-card-title">Next planned</h2>
      {session === null ? (
        <p>
          No plan yet. A plan spreads your runs, strength work and rest so no run jumps past your ceiling.
        </p>
      ) : (
        <>
          {props.paused && (
            <p class="ceiling-paused" data-testid="plan-paused">
              Not before your knee has been seen. What follows is for when you are cleared to run again.
            </p>
          )}
          <p>
            <strong>{dayWithRelative(session.date, props.today)}:</strong>{' '}
            {plannedLine(session, (m) => units.distance(m))}
          </p>
          {/* A strength session's note lists every exercise: the plan screen has room for that. */}
          {session.kind === 'run' && session.note && <p class="muted">{session.note}</p>}
          {session.programme.warning && <p class="muted">{session.programme.warning}</p>}
        </>
      )}
      <a class="button secondary" href="#/plans">
        {session === null ? 'Make a plan' : 'Your plan'}
      </a>
    </section>
  );
}
