/**
 * The next run, big. Normally that is the one number with the best evidence behind it: how far the next run
 * can go before it becomes the kind of spike that came before overuse injuries (Frandsen et al., BJSM 2025).
 * While knee pain is not settling, or a walk-run level is active, the next run follows the pain instead: the
 * headline is that level's session from the plan, and the 10 % ceiling is only context (a ceiling of 18 km in
 * large type above "run shorter" would contradict itself). Figures use the plan's one rounding.
 */
import { SOURCES } from '../../../src/domain/load/load-sources.ts';
import { formatPlanDistance } from '../../../src/domain/plans/plan-distance.ts';
import { formatDistance } from '../../../src/domain/units.ts';
import { dayWithRelative, shortDay } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { NextRunLead, TodayLoad } from '../types/today.ts';
import { EvidenceLabel } from './screen.tsx';

function PausedNote() {
  return (
    <p class="ceiling-paused">
      Not before your knee has been seen. What follows is for when you are cleared to run again.
    </p>
  );
}

/** "leaving out the 23.3 km run on 8 Nov, when the pain began" */
function PainRunLeftOut(props: { painRun: NonNullable<NextRunLead['painRun']> }) {
  const units = useUnits();
  return (
    <>
      {' '}
      It leaves out the {formatDistance(props.painRun.distanceM, units.units)} run on{' '}
      {shortDay(props.painRun.localDate)}, when the pain began: a run that brought pain on is not a distance
      your knee has shown it can take.
    </>
  );
}

/** Pain or the return to running sets the next run: its session leads, the ceiling is context. */
function SessionLead(props: { lead: NextRunLead; today: string }) {
  const units = useUnits();
  const { lead } = props;
  const s = lead.session;
  const why =
    lead.leads === 'pain' ? lead.reason : `You are on the return-to-run ladder. ${lead.reason ?? ''}`;
  return (
    <>
      {s === null ? (
        <p class="ceiling-number session-lead" data-testid="next-run-session">
          <strong>No run</strong> in the coming week: cross-train and do your strength work.
        </p>
      ) : (
        <p class="ceiling-number session-lead" data-testid="next-run-session">
          <strong>
            {s.title}
            {s.distanceM !== null && <>, about {formatPlanDistance(s.distanceM, units.units)}</>}
          </strong>{' '}
          <span class="muted">{dayWithRelative(s.date, props.today)}</span>
        </p>
      )}
      <p class="ceiling-why" data-testid="next-run-why">
        {why}
      </p>
      {s !== null && <p class="muted">{s.note}</p>}
      {lead.ceilingM !== null && (
        <p class="muted" data-testid="ceiling-context">
          For context: the 10 % ceiling is {formatPlanDistance(lead.ceilingM, units.units)}. It is the most
          any run may be, not a distance to aim for while the knee settles.
          {lead.painRun && <PainRunLeftOut painRun={lead.painRun} />}
        </p>
      )}
    </>
  );
}

/** The ceiling leads: the usual case. */
function CeilingLead(props: { load: TodayLoad }) {
  const units = useUnits();
  const { load } = props;
  const lead = load.nextRun;
  const ceiling = lead.ceilingM;
  if (ceiling === null) {
    return (
      <>
        <p class="ceiling-none">
          No run in the last 30 days, so there is nothing to measure a safe distance against.
        </p>
        <p>
          Start well short of what you used to run and build up in small steps: each run at most 10 % longer
          than your longest of the 30 days before.
        </p>
      </>
    );
  }
  const detail = lead.painRun === null ? load.ceiling : null;
  return (
    <>
      <p class="ceiling-number" data-testid="ceiling">
        Keep your next run under <strong>{formatPlanDistance(ceiling, units.units)}</strong>
      </p>
      <p class="ceiling-why">
        That is 1.10 × your longest run of the last 30 days
        {detail && (
          <>
            {' '}
            ({formatDistance(detail.longestM, units.units)} on {shortDay(detail.longestDate)})
          </>
        )}
        . Going more than 10 % past it is the single-run spike linked to overuse injuries.
        {lead.painRun && <PainRunLeftOut painRun={lead.painRun} />}
      </p>
    </>
  );
}

export function TodayCeiling(props: {
  load: TodayLoad;
  today: string;
  /** The latest knee check said emergency or urgent: running waits until the knee has been seen. */
  paused: boolean;
}) {
  const units = useUnits();
  const { load } = props;
  const lead = load.nextRun;
  return (
    <section
      class="card today-ceiling"
      aria-labelledby="ceiling-title"
      data-testid="today-ceiling"
      data-leads={lead.leads}
    >
      <h2 id="ceiling-title">Your next run</h2>
      {props.paused && <PausedNote />}
      {lead.leads === 'ceiling' ? (
        <CeilingLead load={load} />
      ) : (
        <SessionLead lead={lead} today={props.today} />
      )}
      {load.lastRun && (
        <p class="muted">
          Last run: {units.distance(load.lastRun.distanceM)} on{' '}
          {dayWithRelative(load.lastRun.localDate, props.today)}.
        </p>
      )}
      <EvidenceLabel level="Strongest evidence for runners" source={SOURCES.frandsen2025}>
        In 5,205 runners followed for 18 months, a single run more than 10 % longer than the longest of the 30
        days before came with more overuse injuries (about 1.5 to 2.3 times the rate, depending on the jump).
      </EvidenceLabel>
    </section>
  );
}
