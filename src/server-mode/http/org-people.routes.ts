/**
 * An owner's management of their organisation's people: change a member's role (with the password entered in
 * the last 10 minutes: a new role can reach more athletes' data), remove a member, list the invitation links
 * still waiting and take one back. Removing and taking back only end access, so, like revoking a grant, they
 * never ask for the password. Anyone but an owner gets 404 ORG_NOT_FOUND.
 */
import { Hono } from 'hono';
import { jsonBody } from '../../http/validate.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import { memberRoleBody } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function orgPeopleRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.patch('/orgs/:orgId/members/:userId', async (c) => {
    const body = await jsonBody(c, memberRoleBody);
    requireRecentAuthentication(c, deps);
    const member = await deps.memberships.changeRole(
      c.req.param('orgId'),
      c.req.param('userId'),
      body.role,
      c.get('session').user.id,
    );
    return c.json({ member });
  });

  app.delete('/orgs/:orgId/members/:userId', async (c) => {
    await deps.memberships.remove(c.req.param('orgId'), c.req.param('userId'), c.get('session').user.id);
    return c.body(null, 204);
  });

  app.get('/orgs/:orgId/invitations', async (c) => {
    const invitations = await deps.memberships.pendingInvitations(
      c.req.param('orgId'),
      c.get('session').user.id,
    );
    return c.json({ invitations });
  });

  app.delete('/orgs/:orgId/invitations/:invitationId', async (c) => {
    await deps.memberships.revokeInvitation(
      c.req.param('orgId'),
      c.req.param('invitationId'),
      c.get('session').user.id,
    );
    return c.body(null, 204);
  });

  return app;
}
