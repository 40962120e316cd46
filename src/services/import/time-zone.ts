/**
 * Resolves the offset from UTC for an activity whose file states none: the time zone at its start coordinates
 * (an offline lookup, maintained upstream with the IANA boundaries), else the runner's home zone.
 */
import tzlookup from '@photostructure/tz-lookup';
import type { OffsetResolution } from '../../domain/activity/summary.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function offsetInZone(zone: string, atMs: number): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(atMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - Math.floor(atMs / 1000) * 1000) / 1000);
}

export function makeOffsetResolver(homeZone: string) {
  return (startMs: number, lat: number | null, lon: number | null): OffsetResolution => {
    if (
      lat !== null &&
      lon !== null &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      !(lat === 0 && lon === 0)
    ) {
      try {
        return { utcOffsetS: offsetInZone(tzlookup(lat, lon), startMs), basis: 'coordinates' };
      } catch {
        // Outside every zone polygon (open sea): fall through to the home zone.
      }
    }
    return { utcOffsetS: offsetInZone(homeZone, startMs), basis: 'user' };
  };
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
