/**
 * Looking an organisation up by part of its name, so an athlete can share with a clinic without knowing its
 * id. The lookup tells a signed-in athlete only what they need to choose (id and name), and is held to a few
 * characters at least and a number of lookups per person and window, so nobody can list every organisation
 * on the server by trying one letter after another. Pure: the caller passes earlier lookups and the time.
 */

export interface LookupPolicy {
  /** Characters of the name (after trimming) before a lookup runs. */
  minChars: number;
  maxChars: number;
  /** Matches sent back at most: pick from a short list, or type more. */
  maxResults: number;
  windowMs: number;
  perUser: number;
}

export const ORG_LOOKUP: LookupPolicy = {
  minChars: 3,
  maxChars: 100,
  maxResults: 10,
  windowMs: 10 * 60_000,
  // The dashboard looks up as the athlete types (a pause between keys): a few names' worth per window.
  perUser: 40,
};

export type LookupVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether one more lookup is allowed after those at `earlierMs`; if not, when the oldest in the window ages out. */
export function lookupThrottle(
  earlierMs: readonly number[],
  nowMs: number,
  policy: LookupPolicy = ORG_LOOKUP,
): LookupVerdict {
  const recent = earlierMs.filter((t) => t > nowMs - policy.windowMs && t <= nowMs).sort((a, b) => a - b);
  if (recent.length < policy.perUser) return { allowed: true };
  const freeAt = recent[recent.length - policy.perUser]! + policy.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - nowMs) / 1000)) };
}

/** The name as looked up: trimmed, inner runs of spaces as one. */
export function lookupText(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** `text` for a LIKE pattern, its wildcard characters (and the escape itself) taken literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching names that contain `text`. */
export function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}

/** A LIKE pattern matching names that start with `text`. */
export function startsWithPattern(text: string): string {
  return `${likeLiteral(text)}%`;
}
