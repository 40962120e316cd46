/** An organisation's members and invitation links (owners invite; any member sees the member list). */
import { Hono } from 'hono';
import { jsonBody } from '../../http/validate.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import { invitationBody } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function organisationRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/orgs', async (c) =>
    c.json({ organisations: await deps.organisations.memberships(c.get('session').user.id) }),
  );

  app.get('/orgs/:orgId/members', async (c) => {
    const members = await deps.organisations.members(c.req.param('orgId'), c.get('session').user.id);
    return c.json({ members });
  });

  app.post('/orgs/:orgId/invitations', async (c) => {
    const body = await jsonBody(c, invitationBody);
    requireRecentAuthentication(c, deps);
    const link = await deps.organisations.invite({
      orgId: c.req.param('orgId'),
      email: body.email,
      purpose: body.purpose,
      ...(body.purpose === 'member' ? { role: body.role } : {}),
      byUserId: c.get('session').user.id,
    });
    return c.json({ url: link.url, expiresAt: link.expiresAt.toISOString() }, 201);
  });

  return app;
}
