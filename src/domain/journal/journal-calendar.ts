/**
 * The journal calendar: one cell per local day with the running done that day and the worst pain written
 * down for it, so a runner sees at a glance whether pain followed the long or the hilly days. Pure: the
 * caller passes the runs (running sports only) and the entries of the range.
 */
import { addDays, dayNumber } from '../load/calendar-day.ts';
import { type PainEntry, peakPain } from './pain-entry.ts';

export interface CalendarDay {
  date: string;
  distanceM: number;
  runs: number;
  /** The highest score of the day's entries (during, after or next morning); null without an entry. */
  maxPain: number | null;
  entries: number;
}

export interface CalendarRun {
  localDate: string;
  distanceM: number;
}

/** Longest range one request may ask for: two years of cells. */
export const MAX_CALENDAR_DAYS = 731;
/** Default range: the current week and the eleven before it. */
export const DEFAULT_CALENDAR_WEEKS = 12;

export function calendarDays(
  from: string,
  to: string,
  runs: readonly CalendarRun[],
  entries: readonly Pick<PainEntry, 'localDate' | 'painDuring' | 'painAfter' | 'painNextMorning'>[],
): CalendarDay[] {
  const first = dayNumber(from);
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    days.push({ date, distanceM: 0, runs: 0, maxPain: null, entries: 0 });
  }
  const cell = (date: string) => days[dayNumber(date) - first];
  for (const run of runs) {
    const day = cell(run.localDate);
    if (day === undefined) continue;
    day.distanceM += Number.isFinite(run.distanceM) && run.distanceM > 0 ? run.distanceM : 0;
    day.runs += 1;
  }
  for (const entry of entries) {
    const day = cell(entry.localDate);
    if (day === undefined) continue;
    day.entries += 1;
    day.maxPain = Math.max(day.maxPain ?? 0, peakPain(entry));
  }
  for (const day of days) day.distanceM = Math.round(day.distanceM * 10) / 10;
  return days;
}
