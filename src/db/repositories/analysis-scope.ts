/**
 * Which stored rows the analyses read. Imports refuse runs and journal entries dated before 1989 or after
 * tomorrow, but rows stored before that check (or written by another tool) may still hold a date like
 * 9999-06-01 or text that is no date at all; date arithmetic on them overflows the calendar and used to fail
 * every read (issue 14 #5). Analyses skip such rows and the runs the runner excluded; the activity list still
 * shows them, marked, so they can be deleted.
 *
 * The upper bound is fixed, not "tomorrow": repositories have no clock, and any real date is far below it
 * while a plan or a report adding a few months to it stays a valid date.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export const EARLIEST_READ_DATE = '1989-01-01';
export const LATEST_READ_DATE = '2999-12-31';

/** True for a `YYYY-MM-DD` text between the bounds (text order is date order for this shape). */
export function isReadableDate(localDate: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(localDate) && localDate >= EARLIEST_READ_DATE && localDate <= LATEST_READ_DATE
  );
}

/**
 * The SQL form of isReadableDate on the queried table's local_date (unqualified: for single-table queries).
 * `LIKE` keeps out text of another shape, e.g. a five-digit year.
 */
export function readableDate(): RawBuilder<SqlBool> {
  return sql<SqlBool>`(local_date >= ${EARLIEST_READ_DATE} and local_date <= ${LATEST_READ_DATE} and local_date like '____-__-__')`;
}

/** Activities the analyses count: a readable date and not excluded by the runner. */
export function countedActivity(): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${readableDate()} and excluded = 0)`;
}
