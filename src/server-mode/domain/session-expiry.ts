/**
 * When a login session ends: after a stretch without use (idle) or after a fixed time whatever happens
 * (absolute), as OWASP's session management cheat sheet asks. Pure: times in, verdict out.
 */

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** Record use at most this often, so reading a page does not write a row every time. */
  touchEveryMs: number;
  /** How recent the password must be for sharing, inviting, exporting or deleting everything. */
  reauthenticateAfterMs: number;
}

/** A clinic workstation left alone for half an hour locks; nobody stays signed in past a working day. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchEveryMs: 60_000,
  reauthenticateAfterMs: 10 * 60_000,
};

export type SessionVerdict = { valid: true; touch: boolean } | { valid: false; reason: 'idle' | 'absolute' };

export function sessionVerdict(
  session: { createdAtMs: number; lastSeenAtMs: number },
  nowMs: number,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): SessionVerdict {
  if (nowMs - session.createdAtMs >= policy.absoluteMs) return { valid: false, reason: 'absolute' };
  if (nowMs - session.lastSeenAtMs >= policy.idleMs) return { valid: false, reason: 'idle' };
  return { valid: true, touch: nowMs - session.lastSeenAtMs >= policy.touchEveryMs };
}

/** The cookie's Max-Age: until the absolute end (the idle end is checked on the server). */
export function cookieMaxAgeSeconds(
  createdAtMs: number,
  nowMs: number,
  policy = DEFAULT_SESSION_POLICY,
): number {
  return Math.max(0, Math.floor((createdAtMs + policy.absoluteMs - nowMs) / 1000));
}

/**
 * Whether the password was entered recently enough for a sensitive action: someone who finds a signed-in
 * screen can read what it shows, but cannot share the athlete's data, invite people or take an export.
 */
export function recentlyAuthenticated(
  authenticatedAtMs: number,
  nowMs: number,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): boolean {
  return nowMs - authenticatedAtMs < policy.reauthenticateAfterMs;
}
