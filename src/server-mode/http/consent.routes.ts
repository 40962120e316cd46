/** The consent ledger over HTTP: list, offer or request, accept, decline, revoke. */
import { Hono } from 'hono';
import { z } from 'zod';
import { jsonBody, queryOf } from '../../http/validate.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import { withGranteeNames } from './display-names.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import { consentListQuery, grantBody } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

const consentAction = z.enum(['accept', 'decline', 'revoke']);
const EVENT_OF = { accept: 'accepted', decline: 'declined', revoke: 'revoked' } as const;

export function consentRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/consents', async (c) => {
    const query = queryOf(c, consentListQuery);
    const userId = c.get('session').user.id;
    const grants = await runAsUser(userId, () =>
      deps.consent.list(query.athleteId ? { athleteId: query.athleteId } : {}),
    );
    return c.json({ grants: await withGranteeNames(deps.store.system, grants) });
  });

  app.post('/consents', async (c) => {
    const body = await jsonBody(c, grantBody);
    requireRecentAuthentication(c, deps);
    const userId = c.get('session').user.id;
    const grant = await runAsUser(userId, () =>
      deps.consent.create(userId, {
        athleteId: body.athleteId,
        grantee: body.grantee,
        ...(body.categories ? { categories: body.categories } : {}),
        access: body.access,
        purpose: body.purpose,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      }),
    );
    return c.json({ grant }, 201);
  });

  app.post('/consents/:grantId/:action', async (c) => {
    const parsed = consentAction.safeParse(c.req.param('action'));
    if (!parsed.success) {
      return c.json(
        {
          error: { code: 'API_NOT_FOUND', message: 'expected /consents/:grantId/accept, decline or revoke' },
        },
        404,
      );
    }
    // Accepting shares data: it needs a recent password. Declining and revoking never do.
    if (parsed.data === 'accept') requireRecentAuthentication(c, deps);
    const userId = c.get('session').user.id;
    const grant = await runAsUser(userId, () =>
      deps.consent.act(userId, c.req.param('grantId'), EVENT_OF[parsed.data]),
    );
    return c.json({ grant });
  });

  return app;
}
