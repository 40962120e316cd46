/**
 * Zod pieces the route modules share for query strings and bodies, so every route words the same mistake
 * the same way ("query.from: expected a calendar date as YYYY-MM-DD").
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { tryDayNumber } from '../../domain/load/calendar-day.ts';
import { zodToKneewise } from '../http-error.ts';
import { jsonBody } from '../validate.ts';

/**
 * The days a date in a request may name. Far wider than any runner's history, and narrow enough that
 * everything computed from it (a plan's weeks, a calendar's range, "the week after") stays a valid date:
 * 9999-12-31 passed the format and then failed as a 500 a few days later.
 */
export const EARLIEST_REQUEST_DATE = '1900-01-01';
export const LATEST_REQUEST_DATE = '2199-12-31';

/** A real calendar day as YYYY-MM-DD (2025-02-30 is refused), from 1900 to 2199. */
export const localDate = z
  .string()
  .refine((v) => tryDayNumber(v) !== null, 'expected a calendar date as YYYY-MM-DD')
  .refine(
    (v) => tryDayNumber(v) === null || (v >= EARLIEST_REQUEST_DATE && v <= LATEST_REQUEST_DATE),
    `expected a date from ${EARLIEST_REQUEST_DATE} to ${LATEST_REQUEST_DATE}`,
  );

/** A whole number in a query string, within [min, max]. */
export function wholeNumber(min: number, max: number) {
  return z
    .string()
    .refine(
      (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max,
      `expected a whole number from ${min} to ${max}`,
    )
    .transform(Number);
}

/** A positive number in a query string, at most `max`. */
export function positiveNumber(max: number) {
  return z
    .string()
    .refine((v) => {
      const n = v.trim() === '' ? Number.NaN : Number(v);
      return Number.isFinite(n) && n > 0 && n <= max;
    }, `expected a number above 0 and at most ${max}`)
    .transform(Number);
}

/** `true` or `false` in a query string. */
export const booleanFlag = z
  .enum(['true', 'false'], { message: 'expected true or false' })
  .transform((v) => v === 'true');

/** A JSON body that may be left out entirely (a bare POST), checked like `{}` then. */
export async function optionalJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  if (text.trim() !== '') return jsonBody(c, schema);
  const parsed = schema.safeParse({});
  if (!parsed.success) throw zodToKneewise(parsed.error, 'body');
  return parsed.data;
}
