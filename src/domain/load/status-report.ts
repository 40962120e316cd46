/**
 * The part of a load report that `kneewise status` shows (status.formatter.ts, the status document and what
 * sets the next run). A ten-year report holds every run with its details, over a megabyte of JSON; this part
 * is a few kilobytes, so a command that keeps it between runs reads back only this.
 */
import { dayNumber } from './calendar-day.ts';
import type { LoadReport, TrainingLoadSummary } from './load-report.ts';

export type StatusReport = Pick<
  LoadReport,
  'asOf' | 'nextRunCeilingM' | 'message' | 'ceiling' | 'acwr' | 'restDays' | 'flags' | 'flagWindow'
> & {
  /**
   * The runs the summary reads: those of the 7 days up to asOf, and the last run (the summary counts the one
   * and names the other). A whole report's runs serve as well.
   */
  runs: LoadReport['runs'];
  trainingLoad: Pick<TrainingLoadSummary, 'today'>;
};

/** The runs of the 7 days up to `asOf` (the window the summary counts), as status.formatter.ts reads them. */
export function inLastSevenDays(localDate: string, asOf: string): boolean {
  return dayNumber(localDate) > dayNumber(asOf) - 7;
}

/** `report`'s status part: formatStatus and the status document read the same from it as from the report. */
export function statusReportOf(report: LoadReport): StatusReport {
  const last = report.runs.length - 1;
  return {
    asOf: report.asOf,
    nextRunCeilingM: report.nextRunCeilingM,
    message: report.message,
    ceiling: report.ceiling,
    acwr: report.acwr,
    restDays: report.restDays,
    flags: report.flags,
    flagWindow: report.flagWindow,
    runs: report.runs.filter((run, i) => i === last || inLastSevenDays(run.localDate, report.asOf)),
    trainingLoad: { today: report.trainingLoad.today },
  };
}
