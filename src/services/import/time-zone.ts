/**
 * Resolves the offset from UTC for an activity whose file states none: the time zone at its start coordinates
 * (an offline lookup, maintained upstream with the IANA boundaries), else the runner's home zone.
 */
import tzlookup from '@photostructure/tz-lookup';
import type { OffsetResolution } from '../../domain/activity/summary.ts';
import { offsetInZone, systemTimeZone } from './zone-offset.ts';

/**
 * `homeZone` null: this computer's zone, looked up the first time a file needs it. Looking it up loads ICU's
 * date formats, about 25 ms of CPU, which an import of files that state their own offset (most watch files)
 * never needs.
 */
export function makeOffsetResolver(homeZone: string | null) {
  let zone = homeZone;
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
    zone ??= systemTimeZone();
    return { utcOffsetS: offsetInZone(zone, startMs), basis: 'user' };
  };
}
