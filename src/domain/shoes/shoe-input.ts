import { isSport, SPORTS, type Sport } from '../activity/sport.ts';
import { KneewiseError } from '../errors.ts';
import { tryDayNumber } from '../load/calendar-day.ts';
import { type DistanceUnits, formatDistance, unitsToMetres } from '../units.ts';
import type { ShoeThresholds, ShoeWearStatus } from './shoe-thresholds.ts';

/**
 * Validation of what a runner types about shoes, and the wording of shoe reminders. Every error names the
 * flag and what it expected; codes are stable for tests and the HTTP layer.
 */
export const SHOE_CODES = {
  SHOE_INVALID: 'SHOE_INVALID',
  SHOE_NOT_FOUND: 'SHOE_NOT_FOUND',
  SHOE_NAME_TAKEN: 'SHOE_NAME_TAKEN',
} as const;

const MAX_NAME = 80;

function invalid(field: string, expected: string, got: unknown): KneewiseError {
  return new KneewiseError(
    SHOE_CODES.SHOE_INVALID,
    `${field}: expected ${expected}, got ${JSON.stringify(got)}`,
    'input',
    {
      field,
    },
  );
}

export function parseShoeName(value: string, field = 'NAME'): string {
  const name = value.trim();
  if (name === '' || name.length > MAX_NAME)
    throw invalid(field, `a shoe name of 1–${MAX_NAME} characters`, value);
  return name;
}

/** A distance typed in the runner's units (km or mi), returned in metres. */
export function parseDistanceInUnits(value: string, units: DistanceUnits, field: string): number {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100_000)
    throw invalid(field, `a distance in ${units} from 0 to 100000`, value);
  return unitsToMetres(n, units);
}

export function parseSport(value: string, field = '--sport'): Sport {
  const v = value.trim().toLowerCase();
  if (!isSport(v)) throw invalid(field, `one of ${SPORTS.join(', ')}`, value);
  return v;
}

export function parseShoeDate(value: string, field: string): string {
  const v = value.trim();
  if (tryDayNumber(v) === null) throw invalid(field, 'a calendar date as YYYY-MM-DD', value);
  return v;
}

/** One line for a shoe past a threshold; null when it is under both. */
export function shoeAlert(
  name: string,
  distanceM: number,
  status: ShoeWearStatus,
  thresholds: ShoeThresholds,
  units: DistanceUnits,
): string | null {
  const has = formatDistance(distanceM, units);
  if (status === 'check') {
    return (
      `"${name}" has ${has}: check them (creased or flattened midsole, worn outsole, uneven wear); past ` +
      `${formatDistance(thresholds.checkM, units)}, the upper end of the common advice.`
    );
  }
  if (status === 'nudge') {
    return `"${name}" has ${has}: past ${formatDistance(thresholds.nudgeM, units)}, a good time to start looking at them.`;
  }
  return null;
}
