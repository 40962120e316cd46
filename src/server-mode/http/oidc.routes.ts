/**
 * OpenID Connect sign-in over HTTP. Public: the organisations that offer it, the start (a redirect to the
 * issuer with a short-lived cookie tying the return to this browser) and the callback (a session like a
 * password login, then back to the dashboard; a refusal goes back with `#oidc-error=CODE`). Owners: set,
 * read and remove their organisation's issuer.
 */
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { KneewiseError } from '../../domain/errors.ts';
import { jsonBody } from '../../http/validate.ts';
import { OIDC_CALLBACK_PATH, OIDC_LOGIN_TTL_MS } from '../services/oidc.service.ts';
import { orgNotFound } from '../services/organisation.service.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { isBehindTls } from './session-cookie.ts';
import { signInMethods } from './sign-in-methods.ts';
import { oidcProviderBody } from './sign-in-schemas.ts';
import { signIn } from './signed-in.ts';

export const OIDC_COOKIE = 'kneewise_oidc';

export function oidcSignInRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const { oidc } = signInMethods(deps);
  return new Hono<ServerEnv>()
    .get('/auth/oidc', async (c) => c.json({ providers: await oidc.providers() }))
    .get('/auth/oidc/callback', async (c) => {
      const back = new URL(deps.settings.publicUrl);
      const cookie = getCookie(c, OIDC_COOKIE);
      try {
        const user = await oidc.finish(
          cookie && /^[A-Za-z0-9_-]{43}$/.test(cookie) ? cookie : null,
          new URL(c.req.url).searchParams,
        );
        await signIn(c, deps, user);
      } catch (error) {
        if (!(error instanceof KneewiseError)) throw error;
        // The browser arrived by a redirect: send it back to the sign-in screen with the reason's code only.
        back.hash = `oidc-error=${error.code}`;
      }
      return c.redirect(back.toString(), 303);
    })
    .get('/auth/oidc/:orgId/start', async (c) => {
      const { redirectTo, cookieToken } = await oidc.start(c.req.param('orgId'));
      // Lax: sent on the issuer's top-level redirect back; scoped to the callback; gone after ten minutes.
      setCookie(c, OIDC_COOKIE, cookieToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isBehindTls(c, deps.settings),
        path: `/${OIDC_CALLBACK_PATH}`,
        maxAge: OIDC_LOGIN_TTL_MS / 1000,
      });
      return c.redirect(redirectTo.toString(), 302);
    });
}

/** An organisation's issuer, for its owners only (anyone else: not found). */
export function oidcProviderRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const { oidc } = signInMethods(deps);
  const requireOwner = async (c: Context<ServerEnv>) => {
    const orgId = c.req.param('orgId') ?? '';
    if ((await deps.organisations.roleIn(orgId, c.get('session').user.id)) !== 'owner')
      throw orgNotFound(orgId);
    return orgId;
  };
  return new Hono<ServerEnv>()
    .get('/orgs/:orgId/oidc', async (c) => {
      const orgId = await requireOwner(c);
      return c.json({ provider: await oidc.provider(orgId), redirectUri: oidc.redirectUri() });
    })
    .put('/orgs/:orgId/oidc', async (c) => {
      const orgId = await requireOwner(c);
      const body = await jsonBody(c, oidcProviderBody);
      requireRecentAuthentication(c, deps);
      return c.json({ provider: await oidc.configure(orgId, body) });
    })
    .delete('/orgs/:orgId/oidc', async (c) => {
      const orgId = await requireOwner(c);
      requireRecentAuthentication(c, deps);
      if (!(await oidc.remove(orgId))) {
        throw new KneewiseError(
          'OIDC_NOT_CONFIGURED',
          `no sign-in issuer for organisation ${orgId}`,
          'not-found',
        );
      }
      return c.body(null, 204);
    });
}
