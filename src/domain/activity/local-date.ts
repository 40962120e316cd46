/**
 * The calendar day an activity belongs to, in the activity's own time zone: a run at 23:30 in Sydney is that
 * Sydney day, whatever zone the computer is in. The offset comes from the file, else from the time zone at the
 * start coordinates, else the user's zone (resolved at the edge and passed in here as an offset).
 */

export type LocalDateBasis = 'file' | 'coordinates' | 'user';

export function localDateAt(startMs: number, utcOffsetS: number): string {
  return new Date(startMs + utcOffsetS * 1000).toISOString().slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` calendar date. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (b − a) between two `YYYY-MM-DD` dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
