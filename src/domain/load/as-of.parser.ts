import { KneewiseError } from '../errors.ts';
import { tryDayNumber } from './calendar-day.ts';

/**
 * Validates the `--as-of` flag of `kneewise load` / `status`. Returns the date unchanged when it is a real
 * calendar day; anything else (wrong shape, 2025-02-30, surrounding spaces) is a usage error (exit 2).
 */
export function parseAsOf(value: string): string {
  if (typeof value === 'string' && tryDayNumber(value) !== null) return value;
  throw new KneewiseError(
    'BAD_AS_OF',
    `Expected --as-of as YYYY-MM-DD (a real calendar date, e.g. 2025-06-30), got "${String(value)}"`,
    'input',
    { field: 'as-of', value: String(value), expected: 'YYYY-MM-DD' },
  );
}
