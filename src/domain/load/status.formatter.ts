import { type DistanceUnits, formatDistance } from '../units.ts';
import { dayNumber } from './calendar-day.ts';
import { describeFlag, formatPct } from './load-flag.messages.ts';
import type { FlagSeverity } from './load-flag.ts';
import { SOURCES } from './load-sources.ts';
import { inLastSevenDays, type StatusReport } from './status-report.ts';

/**
 * The short human summary behind `kneewise status`: the next-run ceiling first (the one number with the best
 * evidence), then today's state, then the flags of the last weeks in plain words. Pure: `today` is passed in.
 * It reads only a report's status part (status-report.ts), so a whole report and its status part give the same.
 */
export interface StatusOptions {
  units: DistanceUnits;
  /** The caller's current local date (YYYY-MM-DD); only used to say how old asOf is. */
  today: string;
  /**
   * Knee pain or a return to running sets the next run (Today and the plan lead with its session): the
   * ceiling is then only context, and it is the return's ceiling, without the run during which the pain
   * began. Without it the summary leads with the 10 % ceiling of the load report.
   */
  ceilingAsContext?: CeilingAsContext;
}

export interface CeilingAsContext {
  /** What sets the next run: knee pain, or a walk-run return after a break of 30 days or more. */
  setBy?: 'pain' | 'return-to-run';
  ceilingM: number | null;
  /** The run during which the pain began, when it is what the load report's ceiling is built on. */
  painRun: { localDate: string; distanceM: number } | null;
}

const SEVERITY_LABEL: Readonly<Record<FlagSeverity, string>> = {
  high: 'HIGH',
  moderate: 'WATCH',
  info: 'INFO',
  context: 'CONTEXT',
};

function asOfPhrase(asOf: string, today: string): string {
  const days = dayNumber(today) - dayNumber(asOf);
  if (days === 0) return `${asOf} (today)`;
  if (days > 0) return `${asOf} (${days} day${days === 1 ? '' : 's'} before today)`;
  return `${asOf} (${-days} day${days === -1 ? '' : 's'} after today)`;
}

/** The ceiling as context, with the figure Today and the plan show (never "keep under" above "run shorter"). */
function contextLine(context: CeilingAsContext, units: DistanceUnits): string {
  // A return after a break without knee pain is set by the walk-run ladder, not the knee.
  const setBy = context.setBy === 'return-to-run' ? 'your return to running' : 'your knee';
  if (context.ceilingM === null) return `Next run: set by ${setBy}, not by a distance ceiling.`;
  const painRun = context.painRun;
  return (
    `Next run: set by ${setBy}; the 10 % ceiling, ${formatDistance(context.ceilingM, units, { roundDown: true })}, is context, not a target` +
    (painRun === null
      ? '.'
      : ` (it leaves out the ${formatDistance(painRun.distanceM, units)} run on ${painRun.localDate}, when the pain began).`)
  );
}

function ceilingLine(report: StatusReport, units: DistanceUnits, context?: CeilingAsContext): string {
  if (context !== undefined) return contextLine(context, units);
  if (report.nextRunCeilingM === null || report.ceiling === null) {
    return 'Next run: no ceiling, because there is no run in the last 30 days to measure it against. Start well short of your usual distance and build up gradually.';
  }
  const c = report.ceiling;
  return (
    `Keep your next run under ${formatDistance(report.nextRunCeilingM, units, { roundDown: true })} ` +
    `(1.10 × your longest run of the last 30 days, ${formatDistance(c.longestM, units)} on ${c.longestDate}; ${SOURCES.frandsen2025}).`
  );
}

/**
 * A run under the spike line is shown truncated, so 9.96 % reads "9.9 % … within 10 %" and never a rounded
 * "10 % over" beside "within 10 %".
 */
function truncatedPct(pct: number): number {
  return Math.floor(pct * 10 + 1e-9) / 10;
}

function todayLines(report: StatusReport, units: DistanceUnits): string[] {
  const lines: string[] = [];
  const acute = report.acwr.acute7dM;
  const runs7 = report.runs.filter((r) => inLastSevenDays(r.localDate, report.asOf)).length;
  const rest = report.restDays;
  const cross = Math.round(rest.crossTrainingLast7S / 60);
  lines.push(
    `Last 7 days: ${formatDistance(acute, units)} in ${runs7} run${runs7 === 1 ? '' : 's'}, ${rest.restDaysLast7} rest day${rest.restDaysLast7 === 1 ? '' : 's'}` +
      (cross > 0 ? `, ${cross} min of cross-training.` : '.'),
  );
  const last = report.runs[report.runs.length - 1];
  if (last !== undefined) {
    const spike =
      last.spikePct === null
        ? 'no run in the 30 days before it to compare with'
        : last.spikePct > 0
          ? `${formatPct(last.spikeCategory === 'none' ? truncatedPct(last.spikePct) : last.spikePct)} over your 30-day longest (${last.spikeCategory === 'none' ? 'within 10 %' : `${last.spikeCategory} spike`})`
          : `within your 30-day longest`;
    lines.push(`Last run: ${formatDistance(last.distanceM, units)} on ${last.localDate}, ${spike}.`);
  }
  const t = report.trainingLoad.today;
  lines.push(
    `Fitness ${Math.round(t.fitness)}, fatigue ${Math.round(t.fatigue)}, form ${Math.round(t.form)} (a planning aid, not an injury predictor).`,
  );
  return lines;
}

export function formatStatus(report: StatusReport, options: StatusOptions): string {
  const { units, today } = options;
  const header = `Running load as of ${asOfPhrase(report.asOf, today)}`;
  if (report.runs.length === 0) {
    return [
      header,
      `No runs recorded up to ${report.asOf}, so there is no next-run ceiling yet.`,
      'Import your runs with `kneewise import PATH` (a Strava or Garmin export, or .fit/.gpx/.tcx files).',
    ].join('\n');
  }
  const lines = [header, ceilingLine(report, units, options.ceilingAsContext), ...todayLines(report, units)];
  const { from, to } = report.flagWindow;
  const warnings = report.flags.filter((f) => f.severity !== 'context');
  lines.push('');
  lines.push(
    warnings.length === 0
      ? `No warning signs from ${from} to ${to}.`
      : `What stood out from ${from} to ${to}:`,
  );
  for (const flag of report.flags) {
    lines.push(`  [${SEVERITY_LABEL[flag.severity]}] ${describeFlag(flag, units)}`);
  }
  return lines.join('\n');
}
