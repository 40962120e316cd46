/**
 * Resolves the offset from UTC for an activity whose file states none: the time zone at its start coordinates
 * (an offline lookup, maintained upstream with the IANA boundaries), else the runner's home zone.
 */
import tzlookup from '@photostructure/tz-lookup';
import type { OffsetResolution } from '../../domain/activity/summary.ts';
import { offsetInZone } from './zone-offset.ts';

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
