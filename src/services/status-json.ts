/**
 * The `kneewise status --json` document, shared by the CLI and GET /api/today so both say the same thing:
 * the load report's headline numbers plus the short summary in plain words.
 */
import type { LoadReport } from '../domain/load/load-report.ts';
import { formatStatus } from '../domain/load/status.formatter.ts';
import type { DistanceUnits } from '../domain/units.ts';

export function statusJson(report: LoadReport, options: { units: DistanceUnits; today: string }) {
  return {
    asOf: report.asOf,
    nextRunCeilingM: report.nextRunCeilingM,
    flags: report.flags,
    message: report.message,
    summary: formatStatus(report, options),
  };
}

export type StatusJson = ReturnType<typeof statusJson>;
