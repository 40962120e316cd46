/**
 * What stands out in the last weeks: the load report's flags, re-worded in the runner's units, each with its
 * severity in words (not colour alone) and what the evidence behind it says.
 */
import { describeFlag } from '../../../src/domain/load/load-flag.messages.ts';
import { useUnits } from '../settings-context.tsx';
import type { FlagSeverity, LoadReport } from '../types/load.ts';

const SEVERITY_TEXT: Readonly<Record<FlagSeverity, string>> = {
  high: 'High',
  moderate: 'Moderate',
  info: 'Worth knowing',
  context: 'Context only',
};

export function TrainingFlags(props: { report: LoadReport }) {
  const units = useUnits();
  const { flags, flagWindow } = props.report;
  return (
    <section class="card training-flags" aria-labelledby="flags-title">
      <h2 id="flags-title">What stands out</h2>
      <p class="muted">
        From {flagWindow.from} to {flagWindow.to}, most important first.
      </p>
      {flags.length === 0 ? (
        <p>Nothing stands out in these weeks.</p>
      ) : (
        <ul class="load-flag-list">
          {flags.map((flag) => (
            <li
              key={`${flag.id}-${flag.date}-${flag.activityId ?? ''}`}
              class={`load-flag load-flag-${flag.severity}`}
            >
              <span class={`flag-badge flag-badge-${flag.severity}`}>{SEVERITY_TEXT[flag.severity]}</span>{' '}
              {describeFlag(flag, units.units)}
              <details>
                <summary>What the evidence says</summary>
                <p>
                  {flag.evidence} <span class="source">Source: {flag.source}</span>
                </p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
