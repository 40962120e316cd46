/** The audit trail: an athlete reads who looked at their data; an organisation's owner reads its members' access. */
import { Hono } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { queryOf } from '../../http/validate.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import { withActorNames } from './display-names.ts';
import { auditQuery } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function auditRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>().get('/audit', async (c) => {
    const query = queryOf(c, auditQuery);
    const userId = c.get('session').user.id;
    if ('athleteId' in query) {
      if ((await deps.organisations.ownAthleteId(userId)) !== query.athleteId) throw notYours();
      const entries = await runAsUser(userId, () => deps.audit.list({ athleteId: query.athleteId }));
      return c.json({ entries: await withActorNames(deps.store.system, entries) });
    }
    if ((await deps.organisations.roleIn(query.orgId, userId)) !== 'owner') throw notYours();
    const entries = await runAsUser(userId, () => deps.audit.list({ orgId: query.orgId }));
    return c.json({ entries: await withActorNames(deps.store.system, entries) });
  });
}

function notYours(): KneewiseError {
  return new KneewiseError(
    'AUDIT_NOT_FOUND',
    'no audit trail you can read here: it is for the athlete and the organisation’s owners',
    'not-found',
  );
}
