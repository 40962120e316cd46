/**
 * ISO-8601 timestamps as GPX and TCX write them: `2014-10-05T13:07:53.000Z`, `2020-12-27T15:43:49.000+01:00`,
 * `2025-05-02T15:51:15.692Z`, and (old devices, some converters) no zone at all. `Date.parse` would read a
 * zone-less time as the machine's local time, which makes an import depend on where it runs; the GPX and TCX
 * schemas say times are UTC, so a missing zone means UTC here.
 *
 * Every track point carries one, so the common shape (a real calendar date and clock time, up to 15 fraction
 * digits) is read digit by digit; anything else goes through the pattern below, which also settles what the
 * unusual shapes mean (month 00, hour 24, a two-digit year). Both give the same instant for every text the
 * fast path accepts (iso-time.parser.test.ts compares them).
 */

import { daysFromCivil, daysInMonth } from '../../domain/load/calendar-day.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ParsedInstant {
  /** UTC epoch milliseconds. */
  ms: number;
  /** The offset written in the text, seconds east of UTC; null for `Z` or no zone (no local time known). */
  offsetS: number | null;
}

/** Parses one timestamp; null when the text is not an ISO-8601 date-time. */
export function parseIsoInstant(text: string): ParsedInstant | null {
  const fast = new IsoInstantReader();
  return fast.read(text) ? { ms: fast.ms, offsetS: fast.offsetS } : null;
}

/** Epoch milliseconds, or NaN when the text is not an ISO-8601 date-time. */
export function parseIsoMs(text: string): number {
  return parseIsoInstant(text)?.ms ?? Number.NaN;
}

/** The pattern reading, kept whole: the fallback of the fast path and the reference its test compares against. */
export function parseIsoInstantByPattern(text: string): ParsedInstant | null {
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

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MS_PER_DAY = 86_400_000;

/**
 * Reads timestamps into its own fields (`ms`, `offsetS`), so the reader a collector keeps costs no allocation
 * per point. `read` returns false, leaving the fields as they were, when the text is not an ISO-8601 date-time.
 */
export class IsoInstantReader {
  ms = Number.NaN;
  offsetS: number | null = null;

  read(text: string): boolean {
    if (this.readCommonShape(text)) return true;
    const slow = parseIsoInstantByPattern(text);
    if (slow === null) return false;
    this.ms = slow.ms;
    this.offsetS = slow.offsetS;
    return true;
  }

  /**
   * `YYYY-MM-DD(T|t| )hh:mm:ss(.f{1,15})?(Z|z|±hh(:)?mm)?` with year ≥ 1000, a day that exists in its month,
   * hour ≤ 23 and seconds ≤ 59. The arithmetic is the pattern reading's: `Date.UTC` of these fields is whole
   * days plus the clock, the fraction is the correctly rounded `f / 10^n` (what `Number('.f')` gives, as both
   * values are exact doubles) times 1000, then the offset is taken off. False for any other shape.
   */
  private readCommonShape(text: string): boolean {
    const n = text.length;
    if (n < 19) return false;
    const year = digits4(text, 0);
    const month = digits2(text, 5);
    const day = digits2(text, 8);
    const hour = digits2(text, 11);
    const minute = digits2(text, 14);
    const second = digits2(text, 17);
    const t = text.charCodeAt(10);
    if (
      text.charCodeAt(4) !== 0x2d ||
      text.charCodeAt(7) !== 0x2d ||
      (t !== 0x54 && t !== 0x74 && t !== 0x20) ||
      text.charCodeAt(13) !== 0x3a ||
      text.charCodeAt(16) !== 0x3a ||
      !(year >= 1000) ||
      !(month >= 1 && month <= 12) ||
      !(day >= 1 && day <= daysInMonth(year, month)) ||
      !(hour <= 23 && minute <= 59 && second <= 59)
    ) {
      return false;
    }
    let i = 19;
    let fracMs = 0;
    if (i < n && text.charCodeAt(i) === 0x2e) {
      let fraction = 0;
      let places = 0;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) break;
        fraction = fraction * 10 + d;
        places++;
      }
      if (places === 0 || places > 15) return false;
      fracMs = (fraction / (POW10[places] as number)) * 1000;
    }
    const utc =
      daysFromCivil(year, month, day) * MS_PER_DAY +
      hour * 3_600_000 +
      minute * 60_000 +
      second * 1000 +
      fracMs;
    if (i === n) {
      this.ms = utc;
      this.offsetS = null;
      return true;
    }
    const zone = text.charCodeAt(i);
    if (zone === 0x5a || zone === 0x7a) {
      if (i + 1 !== n) return false;
      this.ms = utc;
      this.offsetS = null;
      return true;
    }
    if (zone !== 0x2b && zone !== 0x2d) return false;
    const colon = n - i === 6 && text.charCodeAt(i + 3) === 0x3a;
    if (!colon && n - i !== 5) return false;
    const zoneHours = digits2(text, i + 1);
    const zoneMinutes = digits2(text, colon ? i + 4 : i + 3);
    if (!(zoneHours >= 0 && zoneMinutes >= 0)) return false;
    const offsetS = (zone === 0x2d ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
    this.ms = utc - offsetS * 1000;
    this.offsetS = offsetS;
    return true;
  }
}

/** The two decimal digits at `at` as a number; NaN when either is not a digit. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 0x30;
  const b = text.charCodeAt(at + 1) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

function digits4(text: string, at: number): number {
  return digits2(text, at) * 100 + digits2(text, at + 2);
}
