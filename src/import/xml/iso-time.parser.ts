/**
 * ISO-8601 timestamps as GPX and TCX write them: `2014-10-05T13:07:53.000Z`, `2020-12-27T15:43:49.000+01:00`,
 * `2025-05-02T15:51:15.692Z`, and (old devices, some converters) no zone at all. `Date.parse` would read a
 * zone-less time as the machine's local time, which makes an import depend on where it runs; the GPX and TCX
 * schemas say times are UTC, so a missing zone means UTC here.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ParsedInstant {
  /** UTC epoch milliseconds. */
  ms: number;
  /** The offset written in the text, seconds east of UTC; null for `Z` or no zone (no local time known). */
  offsetS: number | null;
}

/** Parses one timestamp; null when the text is not an ISO-8601 date-time. */
export function parseIsoInstant(text: string): ParsedInstant | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const fracMs = frac === undefined ? 0 : Number(frac) * 1000;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + fracMs;
  if (!Number.isFinite(utc) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 24 || Number(mi) > 59)
    return null;
  if (zone === undefined || zone === 'Z' || zone === 'z') return { ms: utc, offsetS: null };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetS = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
  return { ms: utc - offsetS * 1000, offsetS };
}

/** Epoch milliseconds, or NaN when the text is not an ISO-8601 date-time. */
export function parseIsoMs(text: string): number {
  return parseIsoInstant(text)?.ms ?? Number.NaN;
}
