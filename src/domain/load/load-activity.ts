import type { Sport } from '../activity/sport.ts';

/**
 * What the load engine needs from one stored activity. The lead's service maps stored rows onto this; the
 * engine never sees streams, only per-activity summaries, so a full recompute over years stays cheap.
 */
export interface LoadActivity {
  id: string;
  /** UTC epoch ms of the start instant. Used for the "previous 30 days" windows (instants, not days). */
  startMs: number;
  /** YYYY-MM-DD in the activity's own zone. Used for days, weeks, rest days and the next-run ceiling. */
  localDate: string;
  sport: Sport;
  distanceM: number;
  movingTimeS: number;
  elapsedTimeS: number;
  ascentM: number | null;
  descentM: number | null;
  /** Distance run on a descending grade, from streams when available. */
  downhillDistanceM: number | null;
  avgHeartRate: number | null;
  /** Steps per minute, both feet. */
  avgCadenceSpm: number | null;
  /** Metres per step. */
  avgStrideM: number | null;
}

export interface AthleteSettings {
  weekStart: 'monday' | 'sunday';
  sex: 'female' | 'male' | 'other' | null;
  restingHr: number | null;
  maxHr: number | null;
}

/** Weeks start on Monday unless the user says otherwise (DESIGN.md, Data). */
export const DEFAULT_ATHLETE_SETTINGS: AthleteSettings = {
  weekStart: 'monday',
  sex: null,
  restingHr: null,
  maxHr: null,
};

/**
 * The time the runner was actually moving. Some sources (treadmill files, manual entries) state 0 moving
 * time; then the elapsed time is the best we have.
 */
export function activeSeconds(activity: LoadActivity): number {
  const moving = Number.isFinite(activity.movingTimeS) && activity.movingTimeS > 0 ? activity.movingTimeS : 0;
  if (moving > 0) return moving;
  return Number.isFinite(activity.elapsedTimeS) && activity.elapsedTimeS > 0 ? activity.elapsedTimeS : 0;
}

/** Distances are never negative in the engine's output, whatever a broken file said. */
export function safeDistance(activity: LoadActivity): number {
  return Number.isFinite(activity.distanceM) && activity.distanceM > 0 ? activity.distanceM : 0;
}
