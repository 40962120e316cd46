/**
 * What the runner's own journal says: how often pain followed runs with a factor and without it, shown only
 * where both groups are big enough (the server decides), with the warning that a diary shows associations.
 */
import type { WhyReport } from '../types/why.ts';

export function WhyJournal(props: { journal: WhyReport['journal'] }) {
  const shown = props.journal.correlations.filter((c) => c.shown);
  return (
    <section class="card" aria-labelledby="why-journal-title">
      <h2 id="why-journal-title">From your journal</h2>
      {shown.length === 0 ? (
        <p>
          Not enough logged runs yet to compare runs with and without each factor ({props.journal.loggedRuns}{' '}
          runs logged; each group needs at least {props.journal.minGroupRuns}).
        </p>
      ) : (
        <ul>
          {shown.map((c) => (
            <li key={c.factor}>{c.text}</li>
          ))}
        </ul>
      )}
      <p class="muted">{props.journal.note}</p>
    </section>
  );
}
