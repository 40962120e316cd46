/**
 * Numbers that are context, not alarms: the acute:chronic workload ratio (disputed; in runners higher ratios
 * went with fewer injuries), Foster's monotony and strain, and rest days. Each says how much weight it deserves.
 */
import { useUnits } from '../settings-context.tsx';
import type { LoadReport } from '../types/load.ts';
import { EvidenceLabel } from './screen.tsx';

function ratio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

export function TrainingContextCards(props: { report: LoadReport }) {
  const units = useUnits();
  const { acwr, monotony, restDays } = props.report;
  return (
    <section aria-labelledby="context-title">
      <h2 id="context-title">Context</h2>
      <div class="cards">
        <article class="card" aria-labelledby="acwr-title">
          <h3 id="acwr-title">Acute:chronic workload ratio</h3>
          <p class="big-number">{ratio(acwr.uncoupled)}</p>
          <p>
            Your last 7 days ({units.distance(acwr.acute7dM)}) against your weekly average of the 3 weeks
            before ({units.distance(acwr.chronicWeeklyUncoupledM)}). Coupled form {ratio(acwr.coupled)}, EWMA{' '}
            {ratio(acwr.ewma)}.
          </p>
          <EvidenceLabel level="Context only, disputed" source={acwr.source}>
            {acwr.note} The bands often quoted, {acwr.commonlyQuotedBands}, do not hold for runners.
          </EvidenceLabel>
        </article>
        <article class="card" aria-labelledby="monotony-title">
          <h3 id="monotony-title">Monotony and strain</h3>
          <p class="big-number">{monotony.monotony === null ? '–' : monotony.monotony.toFixed(2)}</p>
          <p>
            {monotony.monotony === null
              ? `No running in the 7 days up to ${monotony.date}, so no monotony.`
              : `How uniform your 7 days up to ${monotony.date} were (daily load ÷ its spread); strain ${monotony.strain}. ` +
                `Above ${monotony.thresholds.warning} is often called high, above ${monotony.thresholds.critical} critical.`}
          </p>
          <EvidenceLabel level="Weak evidence" source={monotony.source}>
            From athletes' illness and poor form after weeks of high monotony and strain, not from running
            injuries.
          </EvidenceLabel>
        </article>
        <article class="card" aria-labelledby="rest-title">
          <h3 id="rest-title">Rest days</h3>
          <p class="big-number">{restDays.restDaysLast7} of 7</p>
          <p>
            {restDays.restDaysLast28} rest days in the last 28; current streak {restDays.currentStreakDays}{' '}
            {restDays.currentStreakDays === 1 ? 'day' : 'days'} of running in a row.
          </p>
          <EvidenceLabel level="Coaching convention" source={restDays.source}>
            No trial sets a number of rest days for recreational runners; days off give tissues time to adapt.
          </EvidenceLabel>
        </article>
      </div>
    </section>
  );
}
