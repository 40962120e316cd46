/**
 * Sensitive actions (sharing an athlete's data, accepting a request, inviting people, exporting everything,
 * deleting everything) need the password entered on this session within the last ten minutes
 * (POST /api/auth/reauthenticate), so a signed-in screen left open is not enough to give data away.
 */
import type { Context } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { recentlyAuthenticated } from '../domain/session-expiry.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function requireRecentAuthentication(c: Context<ServerEnv>, deps: ServerDeps): void {
  const session = c.get('session');
  if (!recentlyAuthenticated(session.authenticatedAt.getTime(), deps.now().getTime())) {
    throw new KneewiseError(
      'REAUTHENTICATION_REQUIRED',
      'enter your password again first (POST /api/auth/reauthenticate): sharing, inviting, exporting and ' +
        'deleting need it within the last 10 minutes',
      'input',
      { httpStatus: 403 },
    );
  }
}
