/**
 * Turns the load engine's view of the weeks before the pain into evidence for the assessment: the biggest
 * single-run spike, the fastest weekly growth, the jump in descent and the drop in cadence in the two weeks up
 * to the onset (or today, without a journal entry). Pure: takes a load report computed as of that day.
 */
import { addDays } from '../activity/local-date.ts';
import type { LoadReport } from '../load/load-report.ts';
import type { TrainingEvidence } from './training-evidence.ts';

const WINDOW_DAYS = 14;

/**
 * `descentPerKmChangePct`: the change in descent per km over the same two weeks against the runner's usual, as
 * `why` computes it (null when there are too few runs with elevation). When given, it is the one descent
 * figure, so the knee check, `why` and the report quote the same number.
 */
export function trainingEvidenceFromLoad(
  report: LoadReport,
  descentPerKmChangePct?: number | null,
): TrainingEvidence | undefined {
  const from = addDays(report.asOf, -(WINDOW_DAYS - 1));
  const inWindow = (date: string) => date >= from && date <= report.asOf;
  const runs = report.runs.filter((r) => inWindow(r.localDate));
  if (runs.length === 0) return undefined;
  const evidence: TrainingEvidence = { summary: [] };

  const spikes = runs.filter((r) => r.spikePct !== null).map((r) => r.spikePct!);
  if (spikes.length > 0) {
    evidence.longRunIncreasePct = Math.max(...spikes);
    evidence.summary!.push(
      `Longest single-run increase in the 2 weeks before: ${Math.round(evidence.longRunIncreasePct)} % over the 30-day longest.`,
    );
  }
  const weekChanges = report.weeks
    .filter((w) => w.changePct !== null && w.weekStart >= addDays(from, -6) && w.weekStart <= report.asOf)
    .map((w) => w.changePct!);
  if (weekChanges.length > 0) {
    evidence.weeklyDistanceChangePct = Math.max(...weekChanges);
    evidence.summary!.push(
      `Biggest week-over-week change in distance: ${Math.round(evidence.weeklyDistanceChangePct)} %.`,
    );
  }
  const byId = new Map(report.runDetails.map((d) => [d.activityId, d]));
  const details = runs.map((r) => byId.get(r.activityId)).filter((d) => d !== undefined);
  if (descentPerKmChangePct !== undefined) {
    if (descentPerKmChangePct !== null) {
      evidence.descentIncreasePct = descentPerKmChangePct;
      evidence.summary!.push(
        `Descent per km in the 2 weeks before against your usual: ${descentPerKmChangePct >= 0 ? '+' : ''}${Math.round(descentPerKmChangePct)} %.`,
      );
    }
  } else {
    addLongestDescentJump(evidence, details);
  }
  const cadenceDrops = details.filter((d) => d.cadenceDropPct !== null).map((d) => d.cadenceDropPct!);
  if (cadenceDrops.length > 0) {
    // The assessment takes a change (negative = fewer steps per minute); the load engine reports a drop.
    evidence.cadenceChangePct = -Math.max(...cadenceDrops);
    evidence.summary!.push(`Cadence against the 8-week usual: ${evidence.cadenceChangePct.toFixed(1)} %.`);
  }
  return evidence;
}

/** Without `why`'s figure: the biggest single-run descent against its 4-week average. */
function addLongestDescentJump(
  evidence: TrainingEvidence,
  details: readonly LoadReport['runDetails'][number][],
): void {
  const descentJumps = details
    .filter((d) => d.descentM !== null && d.descentBaselineM !== null && d.descentBaselineM > 0)
    .map((d) => 100 * (d.descentM! / d.descentBaselineM! - 1));
  if (descentJumps.length > 0) {
    evidence.descentIncreasePct = Math.max(...descentJumps);
    evidence.summary!.push(
      `Most descent in one run against the 4-week average: ${Math.round(evidence.descentIncreasePct)} % more.`,
    );
  }
}
