import { weekStartOf } from './calendar-day.ts';
import type { DailySeries } from './daily-series.ts';
import { type WeekDescent, weekDescentRow } from './descent.ts';
import { type WeekContext, type WeeklyResult, type WeekTotal, weekRow } from './weekly-totals.ts';

/**
 * The weekly totals and weekly descent of a long history, kept between reports. A complete week's rows depend
 * only on its own days and the weeks before it (the change against last week, the 4-week descent norm), so
 * after one new run only the weeks from that run's week on are computed again; a report over 30 years then
 * costs a few weeks, not 1,500. The engine calls `invalidateFrom` for every day it changes, so the rows equal
 * what `weeklyTotals` and `weeklyDescent` compute from scratch.
 */
export class WeeklyMemo {
  private firstRunDay: number | null = null;
  /** Complete weeks only, oldest first, contiguous from the week of the first run. */
  private startDays: number[] = [];
  private weeks: WeekTotal[] = [];
  private context: WeekContext[] = [];
  private distances: number[] = [];
  private descent: WeekDescent[] = [];
  private descentTotals: (number | null)[] = [];

  constructor(private readonly weekStart: 'monday' | 'sunday') {}

  /** Forgets every week holding `day` or a later day. */
  invalidateFrom(day: number): void {
    let keep = this.startDays.length;
    while (keep > 0 && this.startDays[keep - 1]! + 6 >= day) keep -= 1;
    this.truncate(keep);
  }

  /** Weeks from the week of the first run to the week holding asOf, and their descent. */
  compute(
    series: DailySeries,
    firstRunDay: number | null,
    asOfDay: number,
  ): { weekly: WeeklyResult; weekDescent: WeekDescent[] } {
    if (firstRunDay === null || firstRunDay > asOfDay) {
      return { weekly: { weeks: [], context: [], startDays: [] }, weekDescent: [] };
    }
    if (firstRunDay !== this.firstRunDay) {
      this.truncate(0);
      this.firstRunDay = firstRunDay;
    }
    let reused = 0;
    while (reused < this.startDays.length && this.startDays[reused]! + 6 <= asOfDay) reused += 1;
    const weekly: WeeklyResult = {
      weeks: this.weeks.slice(0, reused),
      context: this.context.slice(0, reused),
      startDays: this.startDays.slice(0, reused),
    };
    const weekDescent = this.descent.slice(0, reused);
    const totals = this.descentTotals.slice(0, reused);
    let previous = reused > 0 ? this.distances[reused - 1]! : null;
    const lastStart = weekStartOf(asOfDay, this.weekStart);
    for (let start = weekStartOf(firstRunDay, this.weekStart) + 7 * reused; start <= lastStart; start += 7) {
      const week = weekRow(series, start, asOfDay, previous);
      const down = weekDescentRow(series, start, asOfDay, totals);
      weekly.weeks.push(week.week);
      weekly.context.push(week.context);
      weekly.startDays.push(start);
      weekDescent.push(down.row);
      totals.push(down.totalM);
      previous = week.distanceM;
      // Keep it when it is complete and extends the held weeks without a gap.
      if (start + 6 <= asOfDay && this.startDays.length === weekly.startDays.length - 1) {
        this.startDays.push(start);
        this.weeks.push(week.week);
        this.context.push(week.context);
        this.distances.push(week.distanceM);
        this.descent.push(down.row);
        this.descentTotals.push(down.totalM);
      }
    }
    return { weekly, weekDescent };
  }

  private truncate(length: number): void {
    this.startDays.length = length;
    this.weeks.length = length;
    this.context.length = length;
    this.distances.length = length;
    this.descent.length = length;
    this.descentTotals.length = length;
  }
}
