/**
 * Return to running and everyday advice (GET /api/advice), plus how pain steers the plan, as collapsed
 * sections: a runner opens the one they need. Every point carries its source.
 */
import { useApi } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import type { AdviceJson, PlanJson, SourcedText } from '../types/plans.ts';

const SIGNAL_WORDS: Record<PlanJson['pain']['signal'], string> = {
  green: 'Green: carry on, or move up',
  amber: 'Amber: hold the load where it is',
  red: 'Red: step back',
};

/** The pain-monitoring model in our own words; the source is the plan's own (Silbernagel 2007 and the traffic light). */
function painMonitoringPoints(pain: PlanJson['pain'] | null): SourcedText[] {
  const source =
    pain?.source ??
    'Silbernagel KG et al. Am J Sports Med 2007 pain-monitoring model; pain-monitoring traffic light (clinical.md §5.2)';
  const points: SourcedText[] = [
    {
      text: 'Some knee pain while you run or exercise is acceptable if it stays at or below 3 out of 10.',
      source,
    },
    {
      text: '4 or 5 out of 10 means the load was a bit much: keep it the same next time rather than adding more.',
      source,
    },
    { text: 'Above 5 out of 10, or pain that changes how you move, is too much: step back a level.', source },
    {
      text: 'By the next morning the knee should be back to your usual. If it is worse, the day before was too much.',
      source,
    },
    {
      text: 'Pain should not creep up from one week to the next. If it does, hold or reduce the load.',
      source,
    },
  ];
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
