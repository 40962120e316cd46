/**
 * Passkeys over HTTP. Public: the sign-in options and the signed answer (a session like a password login,
 * and a recent authentication). Signed in: list, add (with a recent authentication) and remove one's own.
 * The bodies are checked by zod; the casts only drop `undefined` from optional fields (exactOptionalPropertyTypes).
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Hono } from 'hono';
import { jsonBody } from '../../http/validate.ts';
import { requireRecentAuthentication } from './recent-auth.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { clientAddress } from './session-cookie.ts';
import { signInMethods } from './sign-in-methods.ts';
import { passkeyLoginBody, passkeyRegistrationBody } from './sign-in-schemas.ts';
import { signIn, socketAddress, whoAmI } from './signed-in.ts';

export function passkeySignInRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const { passkeys } = signInMethods(deps);
  return new Hono<ServerEnv>()
    .post('/auth/passkeys/login/options', async (c) =>
      c.json({ options: await passkeys.authenticationOptions() }),
    )
    .post('/auth/passkeys/login/verify', async (c) => {
      const body = await jsonBody(c, passkeyLoginBody);
      const address = clientAddress(c, deps.settings, socketAddress(c));
      await deps.auth.refusePasskeyIfThrottled(address);
      let user: Awaited<ReturnType<typeof passkeys.authenticate>>;
      try {
        user = await passkeys.authenticate(body.response as AuthenticationResponseJSON);
      } catch (error) {
        // Counted like a wrong password, per address: answers cannot be tried without end.
        await deps.auth.recordPasskeyFailure(address);
        throw error;
      }
      await signIn(c, deps, user);
      return c.json({ user, ...(await whoAmI(deps, user.id)) });
    });
}

export function passkeyRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const { passkeys } = signInMethods(deps);
  return new Hono<ServerEnv>()
    .get('/auth/passkeys', async (c) => c.json({ passkeys: await passkeys.list(c.get('session').user.id) }))
    .post('/auth/passkeys/registration/options', async (c) => {
      requireRecentAuthentication(c, deps);
      return c.json({ options: await passkeys.registrationOptions(c.get('session').user) });
    })
    .post('/auth/passkeys/registration/verify', async (c) => {
      const body = await jsonBody(c, passkeyRegistrationBody);
      requireRecentAuthentication(c, deps);
      const passkey = await passkeys.register(
        c.get('session').user.id,
        body.name,
        body.response as RegistrationResponseJSON,
      );
      return c.json({ passkey }, 201);
    })
    .delete('/auth/passkeys/:passkeyId', async (c) => {
      await passkeys.remove(c.get('session').user.id, c.req.param('passkeyId'));
      return c.body(null, 204);
    });
}
