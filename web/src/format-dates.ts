/**
 * Local days (YYYY-MM-DD, already the runner's calendar day) in words, the same on every screen. A local day
 * is not an instant, so it is formatted in UTC: the browser's own time zone never moves it to the day before.
 */
import { dayNumber } from '../../src/domain/load/calendar-day.ts';

const SHORT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const LONG = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

function asUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "Sun 15 Jun" (the comma some engines put after the weekday is removed). */
export function shortDay(date: string): string {
  return SHORT.format(asUtc(date)).replace(',', '');
}

/** "Sunday 29 June 2025" (likewise without the weekday's comma). */
export function longDay(date: string): string {
  return LONG.format(asUtc(date)).replace(',', '');
}

/** "3 Jun" */
export function dayMonth(date: string): string {
  return DAY_MONTH.format(asUtc(date));
}

/** "Tue" */
export function weekdayName(date: string): string {
  return WEEKDAY.format(asUtc(date));
}

/** "today", "yesterday", "tomorrow", "in 3 days", "5 days ago", else the short day. */
export function relativeDay(date: string, today: string): string {
  const diff = dayNumber(date) - dayNumber(today);
  if (diff === 0) return 'today';
  if (diff === -1) return 'yesterday';
  if (diff === 1) return 'tomorrow';
  if (diff > 1 && diff < 7) return `in ${diff} days`;
  if (diff < -1 && diff > -7) return `${-diff} days ago`;
  return shortDay(date);
}

/** "Sun 15 Jun (yesterday)" or just "Sun 15 Jun" when the relative form adds nothing. */
export function dayWithRelative(date: string, today: string): string {
  const relative = relativeDay(date, today);
  const short = shortDay(date);
  return relative === short ? short : `${short} (${relative})`;
}
