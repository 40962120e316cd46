/**
 * Errors as JSON with stable codes: `{ "error": { "code", "message", "details"? } }`. The status follows the
 * error's kind: bad input 400, missing 404, our fault 500. Zod failures at the edge name the field.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { KneewiseError } from '../domain/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function statusFor(error: KneewiseError): ContentfulStatusCode {
  if (error.kind === 'not-found') return 404;
  if (error.kind === 'internal') return 500;
  const explicit = error.details.httpStatus;
  return typeof explicit === 'number' ? (explicit as ContentfulStatusCode) : 400;
}

/** `where` names what was being validated: "body", "query" or a path parameter. */
export function zodToKneewise(error: ZodError, where: string): KneewiseError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? `${where}.${issue.path.join('.')}` : where;
  return new KneewiseError('INVALID_REQUEST', `${field}: ${issue?.message ?? 'invalid value'}`, 'input', {
    field,
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof ZodError) error = zodToKneewise(error, 'request');
  if (error instanceof KneewiseError) {
    const { httpStatus: _omit, ...details } = error.details;
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (Object.keys(details).length > 0) body.error.details = details;
    return c.json(body, statusFor(error));
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error('kneewise: unexpected error', error);
  return c.json({ error: { code: 'INTERNAL', message } } satisfies ErrorBody, 500);
}
