/**
 * The `kneewise status --json` document, shared by the CLI and GET /api/today so both say the same thing:
 * the load report's headline numbers plus the short summary in plain words.
 */
import { formatStatus } from '../domain/load/status.formatter.ts';
import type { StatusReport } from '../domain/load/status-report.ts';
import type { DistanceUnits } from '../domain/units.ts';
import type { NextRunLead } from './today.service.ts';

/**
 * `nextRun`, when given, is what sets the next run (TodayService.nextRun): when pain or a return to running
 * leads, the summary names the return's ceiling as context, the figure Today and the plan show.
 * `nextRunCeilingM` stays the load report's 1.10 × the 30-day longest (spec/cli.md).
 */
export function statusJson(
  report: StatusReport,
  options: { units: DistanceUnits; today: string; nextRun?: NextRunLead },
) {
  const { nextRun, ...format } = options;
  const leadsWithSession = nextRun !== undefined && nextRun.leads !== 'ceiling';
  return {
    asOf: report.asOf,
    nextRunCeilingM: report.nextRunCeilingM,
    flags: report.flags,
    message: report.message,
    summary: formatStatus(
      report,
      leadsWithSession
        ? {
            ...format,
            ceilingAsContext: {
              setBy: nextRun.leads === 'pain' ? 'pain' : 'return-to-run',
              ceilingM: nextRun.ceilingM,
              painRun: nextRun.painRun,
            },
          }
        : format,
    ),
  };
}

export type StatusJson = ReturnType<typeof statusJson>;
