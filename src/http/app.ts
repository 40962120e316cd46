/**
 * The HTTP app: JSON API under /api (translation only: validate, call a service, return its JSON) and the
 * built dashboard for everything else. Local-first: it answers only requests addressed to this machine.
 */
import { Hono } from 'hono';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { AppEnv, HttpDeps } from './app-env.ts';
import { errorResponse } from './http-error.ts';
import { apiRoutes } from './routes/index.ts';
import { serveWeb } from './static-files.ts';

export interface AppOptions {
  /** The built dashboard folder; null serves the API only (route tests). */
  webRoot: string | null;
  /** The API routes to mount (default: all of them). Route tests mount just the module under test. */
  routes?: (deps: HttpDeps) => Hono<AppEnv>;
}

/**
 * Nothing the page loads may come from elsewhere: scripts, styles, images, fonts and fetches are all
 * same-origin (data:/blob: for generated charts, downloads and the routine's sound cue).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Guards against DNS rebinding: a page on another site must not reach this server by a name it controls. */
function isLocalHost(requestUrl: string): boolean {
  // The Node adapter builds the request URL from the Host header, so this checks the name the client used.
  const name = new URL(requestUrl).hostname.replace(/^\[|\]$/g, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '::1';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Another web page open in the same browser can send a simple POST to 127.0.0.1 without a CORS preflight.
 * Browsers label such requests `Sec-Fetch-Site: cross-site`; refusing them keeps other sites from changing
 * the runner's data (seeding demo rows, deleting entries).
 */
export function createHttpApp(deps: HttpDeps, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const athletes = new AthleteRepository(deps.store.db);

  app.onError((error, c) => errorResponse(c, error));
  app.use('*', async (c, next) => {
    if (!isLocalHost(c.req.url)) {
      return c.json(
        { error: { code: 'FORBIDDEN_HOST', message: 'kneewise answers only on 127.0.0.1' } },
        403,
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('sec-fetch-site') === 'cross-site') {
      return c.json(
        {
          error: {
            code: 'FORBIDDEN_CROSS_SITE',
            message: 'kneewise accepts changes only from its own pages',
          },
        },
        403,
      );
    }
    await next();
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });
  app.use('/api/*', async (c, next) => {
    c.set('athlete', await athletes.getOrCreateLocal(deps.now().toISOString()));
    await next();
  });
  app.route('/api', (options.routes ?? apiRoutes)(deps));
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'API_NOT_FOUND', message: `No API route ${c.req.method} ${c.req.path}` } }, 404),
  );
  if (options.webRoot) app.use('*', serveWeb(options.webRoot));
  return app;
}
