import { dateOfDay, weekStartOf } from './calendar-day.ts';
import { type DailySeries, sumDays } from './daily-series.ts';
import { PCT_DECIMALS, roundTo } from './number-rounding.ts';

/**
 * Weekly running totals over local dates (Monday start unless the runner chose Sunday), and the change
 * against the week before. Weeks run from the week of the first run to the week holding asOf, including
 * weeks without runs (a break is information), so `changePct` after an empty week is null.
 * The week holding asOf may be incomplete; `complete` in the details says so.
 */
export interface WeekTotal {
  weekStart: string;
  distanceM: number;
  durationS: number;
  runs: number;
  /** 100 × (distance / previous week's distance − 1); null for the first week or after an empty week. */
  changePct: number | null;
}

export interface WeekContext {
  weekStart: string;
  /** False for the week holding asOf when asOf is not its last day. */
  complete: boolean;
  crossTrainingS: number;
  /** Load score sum (running), for context next to distance. */
  loadScore: number;
}

export interface WeeklyResult {
  weeks: WeekTotal[];
  context: WeekContext[];
  /** Day numbers of each week's first day, aligned with `weeks`. */
  startDays: number[];
}

export function changePct(current: number, previous: number | null): number | null {
  if (previous === null || previous <= 0) return null;
  return roundTo(100 * (current / previous - 1), PCT_DECIMALS);
}

export function weeklyTotals(
  series: DailySeries,
  firstRunDay: number | null,
  asOfDay: number,
  weekStart: 'monday' | 'sunday',
): WeeklyResult {
  const result: WeeklyResult = { weeks: [], context: [], startDays: [] };
  if (firstRunDay === null || firstRunDay > asOfDay) return result;
  let previous: number | null = null;
  const lastStart = weekStartOf(asOfDay, weekStart);
  for (let start = weekStartOf(firstRunDay, weekStart); start <= lastStart; start += 7) {
    const row = weekRow(series, start, asOfDay, previous);
    result.weeks.push(row.week);
    result.context.push(row.context);
    result.startDays.push(start);
    previous = row.distanceM;
  }
  return result;
}

export interface WeekRow {
  week: WeekTotal;
  context: WeekContext;
  /** The unrounded distance, which the next week's change is measured against. */
  distanceM: number;
}

/**
 * One week from its first day: it depends only on the days of that week (up to asOf) and the distance of the
 * week before, so a complete week's row stays valid until one of its days changes (weekly-memo.ts).
 */
export function weekRow(
  series: DailySeries,
  start: number,
  asOfDay: number,
  previous: number | null,
): WeekRow {
  // The last week stops at asOf: runs after asOf are not part of this report.
  const end = Math.min(start + 6, asOfDay);
  const distance = sumDays(series, 'runDistanceM', start, end);
  const weekStart = dateOfDay(start);
  return {
    week: {
      weekStart,
      distanceM: roundTo(distance, 1),
      durationS: roundTo(sumDays(series, 'runDurationS', start, end), 0),
      runs: sumDays(series, 'runCount', start, end),
      changePct: changePct(distance, previous),
    },
    context: {
      weekStart,
      complete: end === start + 6,
      crossTrainingS: roundTo(sumDays(series, 'crossTrainingS', start, end), 0),
      loadScore: roundTo(sumDays(series, 'runLoad', start, end), 1),
    },
    distanceM: distance,
  };
}
