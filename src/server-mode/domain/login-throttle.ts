/**
 * How many failed logins are tolerated before an account or an address has to wait: slows password guessing
 * against one account (per account) and spraying one password across many (per address). Pure: the caller
 * passes recent failures and the time.
 */

export interface ThrottlePolicy {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/** OWASP's authentication cheat sheet asks for a lockout threshold and window; these are ours. */
export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 30,
};

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; scope: 'account' | 'address'; retryAfterSeconds: number };

function verdictFor(
  failuresMs: readonly number[],
  limit: number,
  nowMs: number,
  windowMs: number,
): number | null {
  const recent = failuresMs.filter((t) => t > nowMs - windowMs && t <= nowMs).sort((a, b) => a - b);
  if (recent.length < limit) return null;
  // Free again when enough of the window's failures have aged out to go below the limit.
  const freeAt = recent[recent.length - limit]! + windowMs;
  return Math.max(1, Math.ceil((freeAt - nowMs) / 1000));
}

export function loginThrottle(
  failures: { accountMs: readonly number[]; addressMs: readonly number[] },
  nowMs: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): ThrottleVerdict {
  const account = verdictFor(failures.accountMs, policy.perAccount, nowMs, policy.windowMs);
  if (account !== null) return { allowed: false, scope: 'account', retryAfterSeconds: account };
  const address = verdictFor(failures.addressMs, policy.perAddress, nowMs, policy.windowMs);
  if (address !== null) return { allowed: false, scope: 'address', retryAfterSeconds: address };
  return { allowed: true };
}
