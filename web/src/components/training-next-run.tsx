/**
 * The next run on Training, with the same figure as Today (GET /api/today's nextRun): the 10 % ceiling when it
 * leads; while knee pain or a return to running sets the next run, that session and the return's ceiling as
 * context, never "Next run: up to" a ceiling built on the run that brought the pain (issue 13).
 */
import { formatPlanDistance } from '../../../src/domain/plans/plan-distance.ts';
import { useApi } from '../api.ts';
import { shortDay } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { LoadReport } from '../types/load.ts';
import type { TodayResponse } from '../types/today.ts';

export function TrainingNextRun(props: { report: LoadReport }) {
  const units = useUnits();
  const today = useApi<TodayResponse>('/today');
  const { report } = props;
  const lead = today.data?.load.nextRun;
  if (lead === undefined || lead.leads === 'ceiling') {
    // While Today's answer is on its way (or if it failed) the load report's own ceiling stands.
    if (today.loading || report.nextRunCeilingM === null || report.ceiling === null) return null;
    return (
      <p class="training-ceiling" data-testid="next-run-ceiling">
        <strong>Next run: up to {formatPlanDistance(report.nextRunCeilingM, units.units)}</strong> — 10 % over
        your longest run of the last 30 days ({units.distance(report.ceiling.longestM)} on{' '}
        {report.ceiling.longestDate}).
      </p>
    );
  }
  const s = lead.session;
  return (
    <p class="training-ceiling" data-testid="next-run-ceiling" data-leads={lead.leads}>
      <strong>
        {/* A return after a break without knee pain is set by the walk-run ladder, not the knee. */}
        Next run: set by {lead.leads === 'pain' ? 'your knee' : 'your return to running'}
        {s !== null &&
          ` — ${s.title}${s.distanceM === null ? '' : `, about ${formatPlanDistance(s.distanceM, units.units)}`}`}
      </strong>{' '}
      (see <a href="#/today">Today</a>).
      {lead.ceilingM !== null && (
        <>
          {' '}
          The 10 % ceiling, {formatPlanDistance(lead.ceilingM, units.units)}, is context, not a target
          {lead.painRun === null
            ? '.'
            : `: it leaves out the ${units.distance(lead.painRun.distanceM)} run on ${shortDay(lead.painRun.localDate)}, when the pain began.`}
        </>
      )}
    </p>
  );
}
