/**
 * A stored activity row for database tests: a plain run on `date` at 06:00 UTC, 3 m/s, with the fields tests
 * usually do not care about filled in. `extra` overrides anything.
 */
import type { ActivityRow } from '../../src/db/repositories/activity.repository.ts';
import { dayNumber } from '../../src/domain/load/calendar-day.ts';

export function storedActivityRow(
  athleteId: string,
  n: number,
  date: string,
  distanceM: number,
  importedAt: Date,
  extra: Partial<ActivityRow> = {},
): ActivityRow {
  const startMs = dayNumber(date) * 86_400_000 + 6 * 3_600_000;
  return {
    id: `act-${String(n).padStart(4, '0')}`,
    athlete_id: athleteId,
    source: `synthetic/${n}.fit`,
    format: 'fit',
    external_id: `ext-${n}`,
    sport: 'run',
    raw_sport: 'running',
    start_at: new Date(startMs).toISOString(),
    start_ms: startMs,
    local_date: date,
    utc_offset_s: 0,
    local_date_basis: 'file',
    distance_m: distanceM,
    moving_time_s: distanceM / 3,
    elapsed_time_s: distanceM / 3 + 60,
    timer_time_s: null,
    ascent_m: 60,
    descent_m: 60,
    downhill_distance_m: null,
    avg_heart_rate: 140,
    max_heart_rate: 170,
    avg_cadence_spm: 170,
    avg_stride_m: null,
    calories: null,
    device: null,
    name: null,
    description: null,
    gear_name: null,
    shoe_id: null,
    sample_count: 0,
    richness: 1,
    summary_version: 'test',
    imported_at: importedAt.toISOString(),
    is_demo: 0,
    excluded: 0,
    ...extra,
  };
}
