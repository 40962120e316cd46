/**
 * What needs the runner's attention, as plain sentences: load flags from the last weeks (re-worded in the
 * runner's units), shoes past a reminder distance, and whether knee pain is settling or building.
 * Context-only observations (ACWR) stay on the Training screen: they are never warnings.
 */
import { describeFlag } from '../../../src/domain/load/load-flag.messages.ts';
import type { PainStatus } from '../../../src/domain/plans/pain-monitoring.ts';
import { useUnits } from '../settings-context.tsx';
import type { LoadFlag, TodayShoeAlert } from '../types/today.ts';

/** More than this many flags and the rest are a link away: Today is a glance, Training is the detail. */
const MAX_FLAGS = 3;

const FLAG_LABEL: Readonly<Record<LoadFlag['severity'], string>> = {
  high: 'Risk signal',
  moderate: 'Worth watching',
  info: 'Good to know',
  context: 'Context',
};

function flagClass(flag: LoadFlag): string {
  return flag.severity === 'info' ? 'alert-info' : 'alert-warn';
}

/** The headline and reason come from the one pain-monitoring model, so Today, the plan and the CLI agree. */
function PainTrend(props: { status: PainStatus }) {
  const { signal, reason, headline } = props.status;
  if (signal === 'green') return null;
  // Amber reasons already say "hold the load"; red ones state the numbers, so the step back is added here.
  const advice =
    signal === 'red'
      ? 'Step back: keep to the shorter session your plan gives you, or swap runs for cycling or strength work until it settles.'
      : '';
  return (
    <div class={`alert ${signal === 'red' ? 'alert-danger' : 'alert-warn'}`} data-testid="pain-trend">
      <p>
        <strong>{headline}.</strong> {reason} {advice}
      </p>
      <p class="alert-source">
        Source: {props.status.source}. <a href="#/journal">Your pain journal</a>
      </p>
    </div>
  );
}

export function TodayAlerts(props: {
  flags: readonly LoadFlag[];
  shoes: readonly TodayShoeAlert[];
  pain: PainStatus | null;
}) {
  const units = useUnits();
  const warnings = props.flags.filter((f) => f.severity !== 'context');
  const shown = warnings.slice(0, MAX_FLAGS);
  const shoes = props.shoes.filter((s) => s.alert !== null);
  const painShown = props.pain !== null && props.pain.signal !== 'green';
  const nothing = shown.length === 0 && shoes.length === 0 && !painShown;

  return (
    <section class="today-alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Worth your attention</h2>
      {nothing && (
        <p class="alert alert-ok">
          Nothing stands out in your last weeks of running, your shoes or your pain journal.
        </p>
      )}
      {props.pain && <PainTrend status={props.pain} />}
      {shown.map((flag) => (
        <div class={`alert ${flagClass(flag)}`} key={`${flag.id}-${flag.date}-${flag.activityId ?? ''}`}>
          <p>
            <strong>{FLAG_LABEL[flag.severity]}:</strong> {describeFlag(flag, units.units)}
          </p>
        </div>
      ))}
      {warnings.length > shown.length && (
        <p>
          <a href="#/training">{warnings.length - shown.length} more in your training</a>
        </p>
      )}
      {shoes.map((shoe) => (
        <div class={`alert ${shoe.status === 'check' ? 'alert-warn' : 'alert-info'}`} key={shoe.id}>
          <p>
            <strong>Shoes:</strong> {shoe.alert} <a href="#/shoes">Your shoes</a>
          </p>
        </div>
      ))}
    </section>
  );
}
