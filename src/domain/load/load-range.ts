/**
 * A load report cut to the days a screen draws. The Training screen shows 12 weeks by default, yet the whole
 * report of a ten-year history is ~1.5 MB of JSON (2/3 of it the per-run details): sending and parsing all of
 * it to draw 80 runs is most of the screen's wait. The cut keeps every per-run and per-week row from the
 * range's first day on, and every summary (ceiling, flags, ACWR, monotony, rest days, the fitness model)
 * whole, so each figure drawn from it is the one the whole report gives for the same range.
 */
import { addDays, dayNumber } from './calendar-day.ts';
import type { LoadReport } from './load-report.ts';

/**
 * The first day a range of `days` ending on `asOf` shows: snapped back to the start of the report's week
 * holding it (so the first weekly bar is whole), never before the first week; the whole history when `days`
 * is null. Weeks run in steps of 7 from `firstWeekStart`.
 */
export function rangeStart(
  asOf: string,
  firstWeekStart: string | null,
  firstRunDate: string | null,
  days: number | null,
): string {
  const origin = firstWeekStart ?? firstRunDate ?? asOf;
  let from = days === null ? origin : addDays(asOf, -(days - 1));
  if (firstWeekStart !== null) {
    const w0 = dayNumber(firstWeekStart);
    const offset = Math.max(0, Math.floor((dayNumber(from) - w0) / 7) * 7);
    from = addDays(firstWeekStart, offset);
  }
  return from;
}

/** What a cut report says about its cut: the days asked for, the first day kept, and the uncut run count. */
export interface LoadRangeInfo {
  days: number;
  from: string;
  to: string;
  /** Runs in the whole report, so "no runs yet" stays apart from "no runs in this range". */
  totalRuns: number;
  /** The whole report's first week and first run: where "All" would begin. */
  firstWeekStart: string | null;
  firstRunDate: string | null;
}

/** A LoadReport holding only the range's rows, with `range` saying which. */
export type RangedLoadReport = LoadReport & { range: LoadRangeInfo };

/** First index in a date-ordered array whose date is on or after `from` (the arrays are already sorted). */
function firstOnOrAfter<T>(rows: readonly T[], dateOf: (row: T) => string, from: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dateOf(rows[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The report with `runs`/`runDetails` (aligned by index) from the range's first day and `weeks`/`weekContext`/
 * `weekDescent` (aligned by index) from its first week; `trainingLoad.series` from the first day. `days` ≥ 1.
 */
export function cutLoadReport(report: LoadReport, days: number): RangedLoadReport {
  const firstWeekStart = report.weeks[0]?.weekStart ?? null;
  const firstRunDate = report.runs[0]?.localDate ?? null;
  const from = rangeStart(report.asOf, firstWeekStart, firstRunDate, days);
  const run0 = firstOnOrAfter(report.runs, (r) => r.localDate, from);
  const week0 = firstOnOrAfter(report.weeks, (w) => w.weekStart, from);
  return {
    ...report,
    runs: report.runs.slice(run0),
    runDetails: report.runDetails.slice(run0),
    weeks: report.weeks.slice(week0),
    weekContext: report.weekContext.slice(week0),
    weekDescent: report.weekDescent.slice(week0),
    trainingLoad: {
      ...report.trainingLoad,
      series: report.trainingLoad.series.filter((p) => p.date >= from),
    },
    range: {
      days,
      from,
      to: report.asOf,
      totalRuns: report.runs.length,
      firstWeekStart,
      firstRunDate,
    },
  };
}
