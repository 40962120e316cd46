/**
 * GET /api/orgs/lookup?name=…: organisations whose name contains the text (at least 3 characters), as
 * `{ orgId, orgName }` only, for an athlete choosing whom to share with. Throttled and audited
 * (org-lookup.service.ts).
 */
import { Hono } from 'hono';
import { queryOf } from '../../http/validate.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import { orgLookupQuery } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function orgLookupRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>().get('/orgs/lookup', async (c) => {
    const { name } = queryOf(c, orgLookupQuery);
    const userId = c.get('session').user.id;
    const organisations = await runAsUser(userId, () => deps.orgLookup.lookup(userId, name));
    return c.json({ organisations });
  });
}
