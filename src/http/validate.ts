/**
 * Validation at the HTTP edge: every body and query goes through a zod schema, and a failure becomes a 400
 * with code INVALID_REQUEST naming the field (see http-error.ts).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { KneewiseError } from '../domain/errors.ts';
import { zodToKneewise } from './http-error.ts';
import { mediaTypeOf, unsupportedMediaType } from './request-guard.ts';

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  // JSON is parsed only from JSON: a text/plain body is what another page can send without asking.
  const type = mediaTypeOf(c);
  if (type !== 'application/json') throw unsupportedMediaType(type);
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new KneewiseError('INVALID_JSON', 'body: expected a JSON document', 'input');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodToKneewise(parsed.error, 'body');
  return parsed.data;
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw zodToKneewise(parsed.error, 'query');
  return parsed.data;
}
