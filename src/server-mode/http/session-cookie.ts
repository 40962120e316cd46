/**
 * The session cookie: a random token (never the session's id in the database, which is its hash), HttpOnly
 * so page scripts cannot read it, SameSite=Lax so other sites cannot send it with their writes, Secure
 * whenever the site is reached over TLS (the public URL is https, or a trusted proxy says so).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ServerSettings } from './server-env.ts';

export const SESSION_COOKIE = 'kneewise_session';

export function isBehindTls(c: Context, settings: ServerSettings): boolean {
  if (new URL(settings.publicUrl).protocol === 'https:') return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return settings.trustProxy && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}

export function readSessionToken(c: Context): string | null {
  const token = getCookie(c, SESSION_COOKIE);
  // 32 random bytes in base64url are 43 characters; anything else is not ours.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function writeSessionCookie(
  c: Context,
  settings: ServerSettings,
  token: string,
  maxAgeSeconds: number,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isBehindTls(c, settings),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, settings: ServerSettings): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: isBehindTls(c, settings),
    httpOnly: true,
    sameSite: 'Lax',
  });
}

/** The client's address for login throttling: the socket's, or the first forwarded one behind a trusted proxy. */
export function clientAddress(
  c: Context,
  settings: ServerSettings,
  socketAddress: string | undefined,
): string {
  if (settings.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  return socketAddress ?? 'unknown';
}
