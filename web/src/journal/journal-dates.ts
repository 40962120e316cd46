/**
 * Local days (YYYY-MM-DD) in words, e.g. "Tue 3 Jun". A local date is a calendar day, not an instant, so it
 * is formatted in UTC: no time zone may move it to the day before.
 */
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

/** "Tue 3 Jun" (commas some engines add are removed). */
export function shortDay(date: string): string {
  return SHORT.format(asUtc(date)).replace(',', '');
}

/** "Tuesday 3 June 2025" */
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
