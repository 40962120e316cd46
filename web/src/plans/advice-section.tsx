/**
 * Return to running and everyday advice (GET /api/advice), plus how pain steers the plan, as collapsed
 * sections: a runner opens the one they need. Every point carries its source.
 */
import { PAIN_MODEL, PAIN_TEXT } from '../../../src/domain/plans/pain-monitoring.ts';
import { useApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import type { AdviceJson, PlanJson, SourcedText } from '../types/plans.ts';

const SIGNAL_WORDS: Record<PlanJson['pain']['signal'], string> = {
  green: 'Green: carry on, or move up',
  amber: 'Amber: hold the load where it is',
  red: 'Red: step back',
};

/** The one pain-monitoring model (Silbernagel 2007 and the traffic light), in the same sentences as the plan. */
function painMonitoringPoints(pain: PlanJson['pain'] | null): SourcedText[] {
  const source = PAIN_MODEL.source;
  const points: SourcedText[] = [
    PAIN_TEXT.rule,
    PAIN_TEXT.safe,
    PAIN_TEXT.hold,
    PAIN_TEXT.tooMuch,
    PAIN_TEXT.settle,
    PAIN_TEXT.weekly,
  ].map((text) => ({ text, source }));
  if (pain) {
    points.unshift({
      text: `Your journal right now: ${SIGNAL_WORDS[pain.signal]}. ${pain.reason}`,
      source: pain.source,
    });
  }
  return points;
}

/** Each point points to its source by number; the sources are listed once under the points. */
function Topic(props: { id: string; title: string; points: readonly SourcedText[] }) {
  const sources = [...new Set(props.points.map((p) => p.source))];
  return (
    <details class="advice-topic card" id={`advice-${props.id}`}>
      <summary class="topic-summary">
        <h3>{props.title}</h3>
      </summary>
      <ul>
        {props.points.map((p) => (
          <li key={p.text}>
            {p.text}{' '}
            <span class="source-ref">
              <span class="visually-hidden">Source </span>[{sources.indexOf(p.source) + 1}]
            </span>
          </li>
        ))}
      </ul>
      <p class="sources-title">Sources</p>
      <ol class="topic-sources">
        {sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ol>
    </details>
  );
}

export function AdviceSection(props: { pain: PlanJson['pain'] | null }) {
  const advice = useApi<AdviceJson>('/advice');
  // Returning to running leads: it is what most runners on this screen came for.
  const returnToRun = advice.data?.topics.find((t) => t.id === 'return-to-run');
  const others = advice.data?.topics.filter((t) => t !== returnToRun) ?? [];
  return (
    <section class="plans-section" aria-labelledby="advice-title">
      <h2 id="advice-title">Returning to running, and what helps</h2>
      <p class="intro">
        Open a section to read it. Popular advice is shown with what the evidence actually says.
      </p>
      {advice.error && <ErrorMessage error={advice.error} retry={advice.reload} />}
      {!advice.data && !advice.error && <Loading what="advice" />}
      {advice.data && (
        <>
          {returnToRun && <Topic id={returnToRun.id} title={returnToRun.title} points={returnToRun.points} />}
          <Topic
            id="pain-monitoring"
            title="How much pain is OK: pain monitoring"
            points={painMonitoringPoints(props.pain)}
          />
          {others.map((t) => (
            <Topic key={t.id} id={t.id} title={t.title} points={t.points} />
          ))}
        </>
      )}
    </section>
  );
}
