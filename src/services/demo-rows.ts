/**
 * From the pure demo runner (local dates and minutes) to what the store holds: UTC instants in the runner's
 * time zone, activity rows marked as demo, and the ingredients of the journal and programme rows.
 */
import { newId } from '../db/ids.ts';
import type { ActivityRow } from '../db/repositories/activity.repository.ts';
import { SUMMARY_VERSION } from '../domain/activity/summary.ts';
import type { DemoActivity } from '../domain/demo/demo-runner.types.ts';
import { DAY_MS, dayNumber } from '../domain/load/calendar-day.ts';
import { offsetInZone } from './import/zone-offset.ts';

/** Where demo activities say they came from, in `activities --json` and on the dashboard. */
export const DEMO_SOURCE = 'kneewise demo runner';

/** The UTC instant of a local wall-clock time in `zone`, right across daylight-saving changes. */
export function zonedInstantMs(localDate: string, minuteOfDay: number, zone: string): number {
  const wall = dayNumber(localDate) * DAY_MS + minuteOfDay * 60_000;
  // Two passes: the offset at the guessed instant, then at the corrected one.
  const first = wall - offsetInZone(zone, wall) * 1000;
  return wall - offsetInZone(zone, first) * 1000;
}

export function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function demoActivityRow(
  a: DemoActivity,
  context: { athleteId: string; zone: string; importedAt: string; shoeId: string | null },
): ActivityRow {
  const startMs = zonedInstantMs(a.localDate, a.startMinute, context.zone);
  const wall = dayNumber(a.localDate) * DAY_MS + a.startMinute * 60_000;
  return {
    id: newId(startMs),
    athlete_id: context.athleteId,
    source: DEMO_SOURCE,
    format: 'demo',
    external_id: null,
    sport: a.sport,
    raw_sport: a.rawSport,
    start_at: new Date(startMs).toISOString(),
    start_ms: startMs,
    local_date: a.localDate,
    utc_offset_s: Math.round((wall - startMs) / 1000),
    local_date_basis: 'user',
    distance_m: a.distanceM,
    moving_time_s: a.movingTimeS,
    elapsed_time_s: a.elapsedTimeS,
    timer_time_s: a.movingTimeS,
    ascent_m: a.ascentM,
    descent_m: a.descentM,
    downhill_distance_m: null,
    avg_heart_rate: a.avgHeartRate,
    max_heart_rate: a.maxHeartRate,
    avg_cadence_spm: a.avgCadenceSpm,
    avg_stride_m: a.avgStrideM,
    calories: a.calories,
    device: null,
    name: a.name,
    description: null,
    gear_name: null,
    shoe_id: context.shoeId,
    sample_count: 0,
    richness: 0,
    summary_version: SUMMARY_VERSION,
    imported_at: context.importedAt,
    is_demo: 1,
    excluded: 0,
  };
}
