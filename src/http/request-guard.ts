/**
 * Who may talk to the server, and what a change may look like. kneewise listens on 127.0.0.1, but every web
 * page open in the runner's browser can send requests there too:
 * - a site that points its own name at 127.0.0.1 (DNS rebinding) is refused by the Host check;
 * - a page on another origin (another site, or another port of 127.0.0.1, which browsers count as the same
 *   *site*) may send a "simple" POST without a CORS preflight. Browsers always send `Origin` on such writes,
 *   so a write whose Origin is not this server's own is refused, and so is one the browser labels
 *   `Sec-Fetch-Site: cross-site`/`same-site`;
 * - a simple request can only carry text/plain, form or multipart bodies: requiring `application/json` on
 *   JSON writes (and `application/octet-stream` on uploads, in imports.routes.ts) means the browser would
 *   have to ask first, and this server never answers a CORS preflight.
 * Tools without a browser (curl, the tests) send no Origin and no Sec-Fetch-Site and are let through.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { KneewiseError } from '../domain/errors.ts';

/** The largest JSON body any route accepts: a settings change or a questionnaire is a few kilobytes. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export const REQUEST_GUARD_CODES = {
  FORBIDDEN_HOST: 'FORBIDDEN_HOST',
  FORBIDDEN_CROSS_SITE: 'FORBIDDEN_CROSS_SITE',
  FORBIDDEN_ORIGIN: 'FORBIDDEN_ORIGIN',
  BAD_URL: 'BAD_URL',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function forbidden(code: string, message: string): KneewiseError {
  return new KneewiseError(code, message, 'input', { httpStatus: 403 });
}

/** Guards against DNS rebinding: a page on another site must not reach this server by a name it controls. */
function isLocalHost(url: URL): boolean {
  // The Node adapter builds the request URL from the Host header, so this checks the name the client used.
  const name = url.hostname.replace(/^\[|\]$/g, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '::1';
}

/** The raw path or query holds a `%` not followed by two hex digits, or bytes that are not UTF-8. */
function malformedPart(url: URL): string | null {
  const parts = [url.pathname, ...url.search.slice(1).split(/[&=]/)];
  for (const part of parts) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part.length > 60 ? `${part.slice(0, 60)}…` : part;
    }
  }
  return null;
}

/** A write sent by a page of another origin, or null when it may go on. */
function crossOriginWrite(c: Context, url: URL): KneewiseError | null {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return forbidden(
      REQUEST_GUARD_CODES.FORBIDDEN_CROSS_SITE,
      'kneewise accepts changes only from its own pages',
    );
  }
  if (origin !== undefined && origin !== url.origin) {
    return forbidden(
      REQUEST_GUARD_CODES.FORBIDDEN_ORIGIN,
      `kneewise accepts changes only from its own pages (${url.origin}), not from ${origin.slice(0, 100)}`,
    );
  }
  return null;
}

/** Host, address and origin checks, before anything else runs. */
export function requestGuard(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!isLocalHost(url)) {
      throw forbidden(REQUEST_GUARD_CODES.FORBIDDEN_HOST, 'kneewise answers only on 127.0.0.1');
    }
    const bad = malformedPart(url);
    if (bad !== null) {
      throw new KneewiseError(
        REQUEST_GUARD_CODES.BAD_URL,
        `url: "${bad}" is not valid percent-encoding (a % must be followed by two hex digits, and the bytes must be UTF-8)`,
        'input',
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const refused = crossOriginWrite(c, url);
      if (refused) throw refused;
    }
    await next();
  };
}

/** Uploads stream to disk with their own, much larger limit (services/import-jobs.service.ts). */
export function isUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/imports(\/[^/]+\/files)?\/?$/.test(path);
}

/** Browsers send `Content-Length: 0` and no type on a POST without a body (the dashboard's bare POSTs). */
function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return length.trim() !== '0';
  return c.req.header('transfer-encoding') !== undefined || c.req.header('content-type') !== undefined;
}

/** The media type of the request body, lower case, without parameters ("" when none). */
export function mediaTypeOf(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export function unsupportedMediaType(type: string): KneewiseError {
  return new KneewiseError(
    REQUEST_GUARD_CODES.UNSUPPORTED_MEDIA_TYPE,
    `content-type: expected application/json, got "${type.slice(0, 100) || 'none'}"`,
    'input',
    { httpStatus: 415 },
  );
}

/**
 * Every request but an upload: a body of at most JSON_BODY_LIMIT_BYTES, counted as it arrives (never
 * buffered beyond the limit, whatever Content-Length claims), and a write with a body must be JSON.
 */
export function jsonBodyRules(limitBytes = JSON_BODY_LIMIT_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: limitBytes,
    onError: () => {
      throw new KneewiseError(
        REQUEST_GUARD_CODES.BODY_TOO_LARGE,
        `body: at most ${Math.round(limitBytes / 1024)} KB of JSON; send files to POST /api/imports`,
        'input',
        { httpStatus: 413 },
      );
    },
  });
  return async (c, next) => {
    if (isUpload(c.req.method, c.req.path)) return next();
    if (!SAFE_METHODS.has(c.req.method) && hasBody(c)) {
      const type = mediaTypeOf(c);
      if (type !== 'application/json') throw unsupportedMediaType(type);
    }
    return limit(c, next);
  };
}
