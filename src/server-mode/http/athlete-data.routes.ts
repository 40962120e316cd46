/**
 * The dashboard's API for one athlete, at /api/athletes/:athleteId/…: the same route modules a single runner
 * uses, behind the one access check. A request the user has no grant for gets the same 404 as an athlete
 * that does not exist, so ids cannot be probed. Allowed requests are written to the audit log before they
 * run, and run as the user on the scoped pool, where row-level security applies the same rules again.
 */
import { Hono } from 'hono';
import { toAthlete } from '../../db/repositories/athlete.repository.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { apiRoutes } from '../../http/routes/index.ts';
import type { AccessRequest } from '../domain/access.ts';
import { routeAccess } from '../domain/route-access.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import { historyUploadRoutes } from './history-upload.routes.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

function athleteNotFound(id: string): KneewiseError {
  return new KneewiseError(
    'ATHLETE_NOT_FOUND',
    `no athlete ${id.slice(0, 80)} that you can see`,
    'not-found',
  );
}

function readAsUser(userId: string, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    pull: (controller) =>
      runAsUser(userId, async () => {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      }),
    cancel: (reason) => reader.cancel(reason),
  });
}

export function athleteDataRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/athletes', async (c) => {
    const userId = c.get('session').user.id;
    const ids = await deps.access.visibleAthleteIds(userId);
    const rows =
      ids.length === 0
        ? []
        : await runAsUser(userId, () =>
            deps.store.scoped
              .selectFrom('athletes')
              .select(['id', 'name'])
              .where('id', 'in', ids)
              .orderBy('name')
              .execute(),
          );
    return c.json({ athletes: rows });
  });

  const perAthlete = new Hono<ServerEnv>();
  perAthlete.use('*', async (c, next) => {
    const athleteId = c.req.param('athleteId') ?? '';
    const below = c.req.path.slice(`/api/athletes/${encodeURIComponent(athleteId)}`.length) || '/';
    const userId = c.get('session').user.id;
    const route = routeAccess(c.req.method, below);
    if (route.kind === 'unknown') throw athleteNotFound(athleteId);
    const requests: AccessRequest[] =
      route.kind === 'categories'
        ? route.categories.map((category) => ({ athleteId, category, action: route.action }))
        : [{ athleteId, category: 'training', action: 'write' }];
    const { allowed, decisions } = await deps.access.check(userId, requests);
    const self = decisions.every((d) => d.allowed && d.via === 'self');
    if (!allowed || (route.kind === 'athlete-only' && !self)) throw athleteNotFound(athleteId);
    // Taking everything away, deleting it or putting a whole history in needs the password again.
    if (/^\/(export|data)(\/|$)/.test(below)) requireRecentAuthentication(c, deps);
    await runAsUser(userId, async () => {
      const row = await deps.store.scoped
        .selectFrom('athletes')
        .selectAll()
        .where('id', '=', athleteId)
        .executeTakeFirst();
      if (!row) throw athleteNotFound(athleteId);
      c.set('athlete', toAthlete(row));
      const purposes = new Set<string>();
      const orgIds = new Set<string>();
      for (const d of decisions) {
        if (d.allowed && d.via === 'grant') {
          for (const p of d.purposes) purposes.add(p);
          for (const o of d.orgIds) orgIds.add(o);
        }
      }
      await deps.audit.record({
        actorUserId: userId,
        athleteId,
        action: route.kind === 'categories' ? route.action : 'write',
        categories: route.kind === 'categories' ? route.categories : [],
        route: `${c.req.method} ${below}`,
        reason: self ? 'own data' : [...purposes].join('; '),
        orgIds: [...orgIds],
      });
      await next();
    });
    // A download (the export) is streamed: its pieces are read after this handler returned, over a real
    // socket outside the user's scope, where row-level security would show nothing. Read them as the user.
    const body = c.res.body;
    if (body && /^attachment/i.test(c.res.headers.get('content-disposition') ?? '')) {
      c.res = new Response(readAsUser(userId, body), c.res);
    }
  });
  // Taking a history in (the athlete's own, with a recent password: `data` is athlete-only, see above).
  perAthlete.route('/', historyUploadRoutes(deps));
  perAthlete.route('/', apiRoutes(deps.dashboard) as unknown as Hono<ServerEnv>);
  app.route('/athletes/:athleteId', perAthlete);
  return app;
}
