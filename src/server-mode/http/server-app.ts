/**
 * The clinic/team server's HTTP app. Public: health, login, joining by link, password reset. Everything else
 * needs a session cookie. Athlete data lives under /api/athletes/:athleteId/… (athlete-data.routes.ts).
 */
import { Hono } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { errorResponse } from '../../http/http-error.ts';
import { jsonBodyRules } from '../../http/request-guard.ts';
import { securityHeaders } from '../../http/security-headers.ts';
import { athleteAccessRoutes } from './athlete-access.routes.ts';
import { athleteDataRoutes } from './athlete-data.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes, meRoutes } from './auth.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import { HISTORY_UPLOAD } from './history-upload.routes.ts';
import { orgLookupRoutes } from './org-lookup.routes.ts';
import { orgPeopleRoutes } from './org-people.routes.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { rosterRoutes } from './roster.routes.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { serverGuard } from './server-guard.ts';
import { serveServerWeb } from './server-page.ts';
import { readSessionToken } from './session-cookie.ts';

/** An athlete's uploads stream with their own limit (the import routes), not the JSON one. */
const ATHLETE_UPLOAD = /^\/api\/athletes\/[^/]+\/imports(\/[^/]+\/files)?\/?$/;

export function createServerApp(deps: ServerDeps, options: { webRoot: string | null }): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const bodyRules = jsonBodyRules();

  app.onError((error, c) => {
    const response = errorResponse(c, error);
    const retry = error instanceof KneewiseError ? error.details.retryAfterSeconds : undefined;
    if (typeof retry === 'number') response.headers.set('Retry-After', String(retry));
    return response;
  });
  app.use('*', securityHeaders());
  app.use('*', serverGuard(deps.settings));
  // A whole history (POST …/data, a kneewise export) is checked by its own route, with its own limit.
  app.use('*', (c, next) =>
    c.req.method === 'POST' && (ATHLETE_UPLOAD.test(c.req.path) || HISTORY_UPLOAD.test(c.req.path))
      ? next()
      : bodyRules(c, next),
  );

  app.get('/api/health', (c) => c.json({ ok: true, mode: 'server' }));
  app.route('/api', authRoutes(deps));

  app.use('/api/*', async (c, next) => {
    const token = readSessionToken(c);
    const session = token ? await deps.auth.authenticate(token) : null;
    if (!session || !token) {
      throw new KneewiseError('NOT_SIGNED_IN', 'sign in first (POST /api/auth/login)', 'input', {
        httpStatus: 401,
      });
    }
    c.set('session', session);
    c.set('sessionToken', token);
    await next();
  });
  app.route('/api', meRoutes(deps));
  app.route('/api', orgLookupRoutes(deps));
  app.route('/api', organisationRoutes(deps));
  app.route('/api', orgPeopleRoutes(deps));
  app.route('/api', consentRoutes(deps));
  app.route('/api', auditRoutes(deps));
  app.route('/api', rosterRoutes(deps));
  // Before the athlete's data routes: this one reads no athlete data, only what the consent allows.
  app.route('/api', athleteAccessRoutes(deps));
  app.route('/api', athleteDataRoutes(deps));
  app.all('/api/*', (c) =>
    c.json(
      {
        error: { code: 'API_NOT_FOUND', message: `No API route ${c.req.method} ${c.req.path.slice(0, 200)}` },
      },
      404,
    ),
  );
  if (options.webRoot) app.use('*', serveServerWeb(options.webRoot));
  return app;
}
