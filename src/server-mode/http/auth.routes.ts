/** Signing in and out, who am I, joining by an invitation link, and choosing a new password from a reset link. */
import { Hono } from 'hono';
import { jsonBody } from '../../http/validate.ts';
import { cookieMaxAgeSeconds } from '../domain/session-expiry.ts';
import { oidcProviderRoutes, oidcSignInRoutes } from './oidc.routes.ts';
import { passkeyRoutes, passkeySignInRoutes } from './passkey.routes.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import { deleteAccountBody, joinBody, loginBody, reauthenticateBody, resetBody } from './schemas.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { clearSessionCookie, clientAddress, readSessionToken, writeSessionCookie } from './session-cookie.ts';
import { socketAddress, whoAmI } from './signed-in.ts';

export function authRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/auth/login', async (c) => {
    const body = await jsonBody(c, loginBody);
    const address = clientAddress(c, deps.settings, socketAddress(c));
    const { token, session } = await deps.auth.login(body.email, body.password, address);
    const now = deps.now().getTime();
    writeSessionCookie(c, deps.settings, token, cookieMaxAgeSeconds(session.createdAt.getTime(), now));
    return c.json({ user: session.user, ...(await whoAmI(deps, session.user.id)) });
  });

  app.post('/auth/logout', async (c) => {
    const token = readSessionToken(c);
    if (token) await deps.auth.logout(token);
    clearSessionCookie(c, deps.settings);
    return c.body(null, 204);
  });

  app.post('/auth/reset-password', async (c) => {
    const body = await jsonBody(c, resetBody);
    await deps.organisations.resetPassword(body.token, body.password);
    return c.body(null, 204);
  });

  // A signed-in user joins as themselves; anyone else creates their account with the link.
  app.post('/join', async (c) => {
    const body = await jsonBody(c, joinBody);
    const token = readSessionToken(c);
    const session = token ? await deps.auth.authenticate(token) : null;
    if (session) {
      const joined = await deps.organisations.acceptInvitation(body.token, { userId: session.user.id });
      return c.json(joined, 201);
    }
    if (!body.displayName || !body.password) {
      const missing = body.displayName ? 'password' : 'displayName';
      return c.json(
        { error: { code: 'INVALID_REQUEST', message: `body.${missing}: required to create your account` } },
        400,
      );
    }
    const joined = await deps.organisations.acceptInvitation(body.token, {
      displayName: body.displayName,
      password: body.password,
    });
    return c.json(joined, 201);
  });

  // Passwordless sign-in: passkeys and the organisation's OpenID Connect issuer.
  app.route('/', passkeySignInRoutes(deps));
  app.route('/', oidcSignInRoutes(deps));
  return app;
}

/** Routes for a signed-in user only (the session middleware runs before them). */
export function meRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>()
    .get('/auth/me', async (c) => {
      const { user } = c.get('session');
      return c.json({ user, ...(await whoAmI(deps, user.id)) });
    })
    .post('/auth/reauthenticate', async (c) => {
      const body = await jsonBody(c, reauthenticateBody);
      const address = clientAddress(c, deps.settings, socketAddress(c));
      const at = await deps.auth.reauthenticate(
        c.get('sessionToken'),
        c.get('session'),
        body.password,
        address,
      );
      return c.json({ authenticatedAt: at.toISOString() });
    })
    .delete('/auth/account', async (c) => {
      await jsonBody(c, deleteAccountBody);
      requireRecentAuthentication(c, deps);
      const result = await deps.accounts.deleteAccount(c.get('session').user.id);
      clearSessionCookie(c, deps.settings);
      return c.json({ deleted: { account: true, athleteData: result.athleteDeleted } });
    })
    .route('/', passkeyRoutes(deps))
    .route('/', oidcProviderRoutes(deps));
}
