/**
 * The runner's stored history as the pure domain sees it. Shared by the load, why, plan and report services,
 * so every one of them reads the same activities the same way.
 */
import type { Kysely } from 'kysely';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import type { Database } from '../db/schema.ts';
import type { Sport } from '../domain/activity/sport.ts';
import type { LoadActivity } from '../domain/load/load-activity.ts';
import type { RunnerSettings } from '../domain/settings.ts';
import { systemTimeZone } from './import/zone-offset.ts';

/** The columns toLoadActivity reads, so a narrow query can select just these (load-snapshot.service.ts). */
export const LOAD_ACTIVITY_COLUMNS = [
  'id',
  'start_ms',
  'local_date',
  'sport',
  'distance_m',
  'moving_time_s',
  'elapsed_time_s',
  'ascent_m',
  'descent_m',
  'downhill_distance_m',
  'avg_heart_rate',
  'avg_cadence_spm',
  'avg_stride_m',
] as const;

export type LoadActivityRow = Pick<ActivityRow, (typeof LOAD_ACTIVITY_COLUMNS)[number]>;

export function toLoadActivity(row: LoadActivityRow): LoadActivity {
  return {
    id: row.id,
    startMs: row.start_ms,
    localDate: row.local_date,
    sport: row.sport as Sport,
    distanceM: row.distance_m,
    movingTimeS: row.moving_time_s,
    elapsedTimeS: row.elapsed_time_s,
    ascentM: row.ascent_m,
    descentM: row.descent_m,
    downhillDistanceM: row.downhill_distance_m,
    avgHeartRate: row.avg_heart_rate,
    avgCadenceSpm: row.avg_cadence_spm,
    avgStrideM: row.avg_stride_m,
  };
}

export async function loadHistory(db: Kysely<Database>, athleteId: string): Promise<LoadActivity[]> {
  const rows = await new ActivityRepository(db).list(athleteId);
  return rows.map(toLoadActivity);
}

export function athleteLoadSettings(settings: RunnerSettings) {
  return {
    weekStart: settings.weekStart,
    sex: settings.sex,
    restingHr: settings.restingHr,
    maxHr: settings.maxHr,
  };
}

/**
 * The runner's zone: their setting, else this computer's. Asking ICU for the computer's zone costs about as
 * much as a whole cached dashboard answer, so it is asked at most once a minute (a changed zone shows within
 * that minute).
 */
export function runnerZone(settings: { timeZone: string | null }): string {
  if (settings.timeZone !== null) return settings.timeZone;
  const now = Date.now();
  if (systemZone === null || now - systemZone.at > 60_000) systemZone = { zone: systemTimeZone(), at: now };
  return systemZone.zone;
}
let systemZone: { zone: string; at: number } | null = null;

/**
 * Today's calendar date for the runner: in their zone when they set one, else in this computer's, read from
 * Date's local calendar. Node's Date takes the computer's zone from ICU, as Intl does, so the day is the same;
 * starting ICU's date formatting costs a command about 25 ms, more than the rest of a cached `status`.
 */
export function runnerToday(now: Date, settings: { timeZone: string | null }): string {
  if (settings.timeZone !== null) return todayIn(now, settings.timeZone);
  const year = String(now.getFullYear()).padStart(4, '0');
  return `${year}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Building a formatter costs far more than using one, and every dashboard request asks for today's date. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the runner's zone. */
export function todayIn(now: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // A handful of zones at most; a bad zone throws above and is never kept.
    if (dayFormatters.size >= 32) dayFormatters.clear();
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}
