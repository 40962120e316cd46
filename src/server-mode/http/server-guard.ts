/**
 * The server's version of the local request guard (src/http/request-guard.ts): it answers only on its
 * public host, and a write from a browser must come from its own pages (Origin equal to the public URL's,
 * never a cross-site fetch), since the session cookie would otherwise ride along.
 */
import type { MiddlewareHandler } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { REQUEST_GUARD_CODES } from '../../http/request-guard.ts';
import type { ServerSettings } from './server-env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function forbidden(code: string, message: string): KneewiseError {
  return new KneewiseError(code, message, 'input', { httpStatus: 403 });
}

export function serverGuard(settings: ServerSettings): MiddlewareHandler {
  return async (c, next) => {
    // Read per request: `serve --server --port 0` learns its public URL only once it listens.
    const publicUrl = new URL(settings.publicUrl);
    const host =
      c.req.header('x-forwarded-host') && settings.trustProxy
        ? c.req.header('x-forwarded-host')
        : c.req.header('host');
    if ((host ?? '').toLowerCase() !== publicUrl.host.toLowerCase()) {
      throw forbidden(REQUEST_GUARD_CODES.FORBIDDEN_HOST, `kneewise answers only on ${publicUrl.host}`);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const fetchSite = c.req.header('sec-fetch-site');
      if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
        throw forbidden(
          REQUEST_GUARD_CODES.FORBIDDEN_CROSS_SITE,
          'kneewise accepts changes only from its own pages',
        );
      }
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== publicUrl.origin) {
        throw forbidden(
          REQUEST_GUARD_CODES.FORBIDDEN_ORIGIN,
          `kneewise accepts changes only from its own pages (${publicUrl.origin}), not from ${origin.slice(0, 100)}`,
        );
      }
    }
    await next();
  };
}
