/**
 * The journal calendar as weeks × 7 days, starting on the runner's week-start day. The API may list only
 * the days that hold something; every day of the range is filled in here, and the days before `from` or
 * after `to` in the first and last week are marked as outside it.
 */
import { dateOfDay, dayNumber, weekStartOf } from '../../../src/domain/load/calendar-day.ts';
import type { CalendarDay } from '../types/journal.ts';

export interface CalendarCell {
  date: string;
  inRange: boolean;
  day: CalendarDay;
}

export interface CalendarWeek {
  start: string;
  cells: CalendarCell[];
}

export function calendarWeeks(
  from: string,
  to: string,
  days: readonly CalendarDay[],
  weekStart: 'monday' | 'sunday',
): CalendarWeek[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const first = dayNumber(from);
  const last = dayNumber(to);
  const weeks: CalendarWeek[] = [];
  for (let start = weekStartOf(first, weekStart); start <= last; start += 7) {
    const cells: CalendarCell[] = [];
    for (let n = start; n < start + 7; n++) {
      const date = dateOfDay(n);
      cells.push({
        date,
        inRange: n >= first && n <= last,
        day: byDate.get(date) ?? { date, distanceM: 0, runs: 0, maxPain: null, entries: 0 },
      });
    }
    weeks.push({ start: dateOfDay(start), cells });
  }
  return weeks;
}

/** The longest day's distance, to scale the bars (at least 1 m so an empty range divides safely). */
export function longestDay(days: readonly CalendarDay[]): number {
  return Math.max(1, ...days.map((d) => d.distanceM));
}
