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
import { runAsUser, UserScope } from '../repositories/request-scope.ts';
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

/** A download nobody reads for this long gives its connection back to the pool. */
const STALLED_DOWNLOAD_MS = 60_000;

/**
 * A download read as the user: its pieces are pulled after the handler returned, over the socket, so each
 * read runs in the request's scope, and the scope's transaction ends (and its connection goes back) only
 * when the last piece was read, the reader gave up or stalled, or reading failed (then nothing of the
 * request stays).
 */
function readInScope(scope: UserScope, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  scope.streaming = true;
  const reader = body.getReader();
  let stalled: NodeJS.Timeout | undefined;
  const watch = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearTimeout(stalled);
    stalled = setTimeout(() => {
      reader.cancel().catch(() => {});
      scope.end(true).catch(() => {});
      controller.error(new Error('download stalled: nothing was read for 60 s'));
    }, STALLED_DOWNLOAD_MS);
    stalled.unref();
  };
  return new ReadableStream<Uint8Array>({
    pull: (controller) => {
      clearTimeout(stalled);
      return scope
        .run(() => reader.read())
        .then(
          async (next) => {
            if (next.done) {
              await scope.end(true);
              controller.close();
              return;
            }
            controller.enqueue(next.value);
            watch(controller);
          },
          async (error: unknown) => {
            await scope.end(false).catch(() => {});
            throw error;
          },
        );
    },
    cancel: async (reason) => {
      clearTimeout(stalled);
      // A download the reader gave up on was still asked for: its audit row stays.
      await reader.cancel(reason).catch(() => {});
      await scope.end(true);
    },
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
    // The audit row first, in its own transaction: an access that was granted is on record even when the
    // request then fails and everything it did is rolled back (HIPAA 164.312(b) logs attempts, not successes).
    const purposes = new Set<string>();
    const orgIds = new Set<string>();
    for (const d of decisions) {
      if (d.allowed && d.via === 'grant') {
        for (const p of d.purposes) purposes.add(p);
        for (const o of d.orgIds) orgIds.add(o);
      }
    }
    await runAsUser(userId, () =>
      deps.audit.record({
        actorUserId: userId,
        athleteId,
        action: route.kind === 'categories' ? route.action : 'write',
        categories: route.kind === 'categories' ? route.categories : [],
        route: `${c.req.method} ${below}`,
        reason: self ? 'own data' : [...purposes].join('; '),
        orgIds: [...orgIds],
      }),
    );
    // The rest of the request — the athlete and the route's own statements — is one transaction.
    const scope = new UserScope(userId);
    try {
      await scope.run(async () => {
        const row = await deps.store.scoped
          .selectFrom('athletes')
          .selectAll()
          .where('id', '=', athleteId)
          .executeTakeFirst();
        if (!row) throw athleteNotFound(athleteId);
        c.set('athlete', toAthlete(row));
        await next();
      });
    } catch (error) {
      await scope.end(false).catch(() => {});
      throw error;
    }
    // A route that failed answered with its error (Hono's handler): nothing it did may stay.
    if (c.error !== undefined || c.res.status >= 500) {
      await scope.end(false);
      return;
    }
    const body = c.res.body;
    if (body && /^attachment/i.test(c.res.headers.get('content-disposition') ?? '')) {
      c.res = new Response(readInScope(scope, body), c.res);
    } else {
      await scope.end(true);
    }
  });
  // Taking a history in (the athlete's own, with a recent password: `data` is athlete-only, see above).
  perAthlete.route('/', historyUploadRoutes(deps));
  perAthlete.route('/', apiRoutes(deps.dashboard) as unknown as Hono<ServerEnv>);
  app.route('/athletes/:athleteId', perAthlete);
  return app;
}
