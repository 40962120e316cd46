/**
 * The runner's settings: display units, week start, heart-rate values, the home time zone used when an
 * activity carries no offset of its own, and the distances at which shoe reminders start. How a change is
 * checked and applied lives in settings-patch.ts, so reading the settings loads no validation library.
 */
import { DEFAULT_SHOE_THRESHOLDS, type ShoeThresholds } from './shoes/shoe-thresholds.ts';

export interface RunnerSettings {
  units: 'km' | 'mi';
  weekStart: 'monday' | 'sunday';
  sex: 'female' | 'male' | 'other' | null;
  birthYear: number | null;
  restingHr: number | null;
  maxHr: number | null;
  /** IANA zone, e.g. "Europe/Copenhagen"; null = the computer's zone. */
  timeZone: string | null;
  /** First, gentle shoe reminder, metres (default 300 mi). */
  shoeNudgeM: number;
  /** "Check them" shoe reminder, metres (default 500 mi); never below the nudge. */
  shoeCheckM: number;
}

export const DEFAULT_SETTINGS: RunnerSettings = {
  units: 'km',
  weekStart: 'monday',
  sex: null,
  birthYear: null,
  restingHr: null,
  maxHr: null,
  timeZone: null,
  shoeNudgeM: DEFAULT_SHOE_THRESHOLDS.nudgeM,
  shoeCheckM: DEFAULT_SHOE_THRESHOLDS.checkM,
};

export const SETTING_LIMITS = {
  birthYear: { min: 1900, max: 2100 },
  restingHr: { min: 25, max: 120 },
  maxHr: { min: 100, max: 240 },
  /** Shoe reminders: above 0 and at most 10 000 km. */
  shoeDistanceM: { max: 10_000_000 },
} as const;

export function shoeThresholdsOf(settings: RunnerSettings): ShoeThresholds {
  return { nudgeM: settings.shoeNudgeM, checkM: settings.shoeCheckM };
}

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Copenhagen", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
