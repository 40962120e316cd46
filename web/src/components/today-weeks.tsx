/** This week against last week, in the runner's units; the current week is still running. */
import { formatPct } from '../../../src/domain/load/load-flag.messages.ts';
import { SOURCES } from '../../../src/domain/load/load-sources.ts';
import { useUnits } from '../settings-context.tsx';
import type { TodayLoad, WeekSummary } from '../types/today.ts';

function runs(n: number): string {
  return `${n} run${n === 1 ? '' : 's'}`;
}

/** The week in progress against last week's whole: "more" is final, "less" only means "so far". */
function change(current: WeekSummary, previous: WeekSummary): string | null {
  if (current.runs === 0) return 'No runs yet this week.';
  if (previous.distanceM <= 0) return null;
  const share = (100 * current.distanceM) / previous.distanceM;
  if (share > 100.5) return `Already ${formatPct(share - 100)} more than the whole of last week.`;
  if (share >= 99.5) return 'Already as far as the whole of last week.';
  return `${Math.round(share)} % of last week's distance so far.`;
}

export function TodayWeeks(props: { load: TodayLoad }) {
  const units = useUnits();
  const { thisWeek, previousWeek } = props.load;
  const sentence = change(thisWeek, previousWeek);
  return (
    <section class="card today-weeks" aria-labelledby="weeks-title">
      <h2 id="weeks-title">This week</h2>
      <dl class="week-compare">
        <div>
          <dt>This week so far</dt>
          <dd>
            <span class="big-number">{units.distance(thisWeek.distanceM)}</span>
            <span class="muted"> {runs(thisWeek.runs)}</span>
          </dd>
        </div>
        <div>
          <dt>Last week</dt>
          <dd>
            <span class="week-last">{units.distance(previousWeek.distanceM)}</span>
            <span class="muted"> {runs(previousWeek.runs)}</span>
          </dd>
        </div>
      </dl>
      {sentence && <p>{sentence}</p>}
      <p class="muted small">
        Weekly totals are useful to see, but single long runs mattered more for injuries than week-to-week
        change ({SOURCES.buist2008}; {SOURCES.frandsen2025}). <a href="#/training">Your training in detail</a>
      </p>
    </section>
  );
}
