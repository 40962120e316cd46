/**
 * The audit trail: an athlete reads who looked at their data; an organisation's owner reads its members'
 * access. Paged: `limit` entries (200 when not given), then `before` = the last one's id for the next page.
 */
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
    const page = {
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.before !== undefined ? { beforeId: query.before } : {}),
    };
    let filter: { athleteId: string } | { orgId: string };
    if (query.athleteId !== undefined) {
      if ((await deps.organisations.ownAthleteId(userId)) !== query.athleteId) throw notYours();
      filter = { athleteId: query.athleteId };
    } else {
      if ((await deps.organisations.roleIn(query.orgId, userId)) !== 'owner') throw notYours();
      filter = { orgId: query.orgId };
    }
    const { entries, more } = await runAsUser(userId, () => deps.audit.list(filter, page));
    return c.json({
      entries: await withActorNames(deps.store.system, entries),
      next: more ? (entries.at(-1)?.id ?? null) : null,
    });
  });
}

function notYours(): KneewiseError {
  return new KneewiseError(
    'AUDIT_NOT_FOUND',
    'no audit trail you can read here: it is for the athlete and the organisation’s owners',
    'not-found',
  );
}
