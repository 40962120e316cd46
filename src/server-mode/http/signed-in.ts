/**
 * What every way of signing in ends with: a new session for the user who proved who they are (password,
 * passkey or their organisation's issuer), its cookie, and who they are.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { cookieMaxAgeSeconds } from '../domain/session-expiry.ts';
import type { SignedInUser } from '../services/auth.service.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { clientAddress, readSessionToken, writeSessionCookie } from './session-cookie.ts';

export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // In-process requests (tests) have no socket.
    return undefined;
  }
}

export async function whoAmI(deps: ServerDeps, userId: string) {
  const [memberships, athleteId] = await Promise.all([
    deps.organisations.memberships(userId),
    deps.organisations.ownAthleteId(userId),
  ]);
  return { memberships, athleteId };
}

/** Starts the session (replacing this browser's previous one) and sets its cookie. */
export async function signIn(c: Context<ServerEnv>, deps: ServerDeps, user: SignedInUser): Promise<void> {
  const previous = readSessionToken(c);
  if (previous) await deps.auth.logout(previous);
  const { token, session } = await deps.auth.startSession(
    user,
    clientAddress(c, deps.settings, socketAddress(c)),
  );
  writeSessionCookie(
    c,
    deps.settings,
    token,
    cookieMaxAgeSeconds(session.createdAt.getTime(), deps.now().getTime()),
  );
}
