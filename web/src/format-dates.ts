/**
 * Local days (YYYY-MM-DD, already the runner's calendar day) in words, the same on every screen. A local day
 * is not an instant, so its weekday comes from the date alone: the browser's own time zone never moves it to
 * the day before.
 *
 * The words are British English spelled out here rather than built by Intl.DateTimeFormat: creating the first
 * formatter loads the locale data and took 25-45 ms of a fresh page's first screen, before any date showed.
 * They are what Intl's en-GB formats print ('Sun 6 Sept', 'Sunday 6 September 2026', without the weekday's
 * comma); format-dates.test.ts holds them to Intl's output for every day of several years.
 */
import { dayNumber } from '../../src/domain/load/calendar-day.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
// en-GB abbreviates September to four letters.
const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The day's parts: day of the month, month index (0-11), year and weekday (0 = Sunday). */
function partsOf(date: string): { day: number; month: number; year: number; weekday: number } {
  const at = new Date(`${date}T00:00:00Z`);
  return {
    day: at.getUTCDate(),
    month: at.getUTCMonth(),
    year: at.getUTCFullYear(),
    weekday: at.getUTCDay(),
  };
}

/** "Sun 15 Jun" */
export function shortDay(date: string): string {
  const { day, month, weekday } = partsOf(date);
  return `${WEEKDAYS_SHORT[weekday]} ${day} ${MONTHS_SHORT[month]}`;
}

/** "Sunday 29 June 2025" */
export function longDay(date: string): string {
  const { day, month, year, weekday } = partsOf(date);
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month]} ${year}`;
}

/** "3 Jun" */
export function dayMonth(date: string): string {
  const { day, month } = partsOf(date);
  return `${day} ${MONTHS_SHORT[month]}`;
}

/** "14 Feb 2026" */
export function dayMonthYear(date: string): string {
  const { day, month, year } = partsOf(date);
  return `${day} ${MONTHS_SHORT[month]} ${year}`;
}

/** "Tue" */
export function weekdayName(date: string): string {
  return WEEKDAYS_SHORT[partsOf(date).weekday]!;
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
