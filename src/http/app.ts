/**
 * The HTTP app: JSON API under /api (translation only: validate, call a service, return its JSON) and the
 * built dashboard for everything else. Local-first: it answers only requests addressed to this machine, and
 * changes only from its own pages (request-guard.ts); every answer carries the security headers.
 */
import { Hono } from 'hono';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { AppEnv, HttpDeps } from './app-env.ts';
import { errorResponse } from './http-error.ts';
import { jsonBodyRules, requestGuard } from './request-guard.ts';
import { apiRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWeb } from './static-files.ts';

export interface AppOptions {
  /** The built dashboard folder; null serves the API only (route tests). */
  webRoot: string | null;
  /** The API routes to mount (default: all of them). Route tests mount just the module under test. */
  routes?: (deps: HttpDeps) => Hono<AppEnv>;
}

export function createHttpApp(deps: HttpDeps, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const athletes = new AthleteRepository(deps.store.db);

  app.onError((error, c) => errorResponse(c, error));
  // Outermost, so every answer gets them, refusals and errors included.
  app.use('*', securityHeaders());
  app.use('*', requestGuard());
  app.use('*', jsonBodyRules());
  app.use('/api/*', async (c, next) => {
    c.set('athlete', await athletes.getOrCreateLocal(deps.now().toISOString()));
    await next();
  });
  app.route('/api', (options.routes ?? apiRoutes)(deps));
  app.all('/api/*', (c) =>
    c.json(
      {
        error: { code: 'API_NOT_FOUND', message: `No API route ${c.req.method} ${c.req.path.slice(0, 200)}` },
      },
      404,
    ),
  );
  if (options.webRoot) app.use('*', serveWeb(options.webRoot));
  return app;
}
