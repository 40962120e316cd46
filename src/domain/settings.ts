/**
 * The runner's settings: display units, week start, heart-rate values, the home time zone used when an
 * activity carries no offset of its own, and the distances at which shoe reminders start.
 */
import { z } from 'zod';
import { KneewiseError } from './errors.ts';
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

const int = (limits: { min: number; max: number }) =>
  z.number().int().min(limits.min).max(limits.max).nullable();
const shoeDistance = z.number().positive().max(SETTING_LIMITS.shoeDistanceM.max);

/** A partial change of the settings, as the HTTP API takes it: unknown keys are refused, not ignored. */
export const settingsPatchSchema = z.strictObject({
  units: z.enum(['km', 'mi']).optional(),
  weekStart: z.enum(['monday', 'sunday']).optional(),
  sex: z.enum(['female', 'male', 'other']).nullable().optional(),
  birthYear: int(SETTING_LIMITS.birthYear).optional(),
  restingHr: int(SETTING_LIMITS.restingHr).optional(),
  maxHr: int(SETTING_LIMITS.maxHr).optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone like "Europe/Copenhagen"')
    .nullable()
    .optional(),
  shoeNudgeM: shoeDistance.optional(),
  shoeCheckM: shoeDistance.optional(),
});

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

function badSetting(field: string, message: string): KneewiseError {
  return new KneewiseError('BAD_SETTING', `${field}: ${message}`, 'input', { field });
}

/**
 * The settings after a change, checked as a whole: the rules that tie two values together hold for the
 * result, whichever of the two was changed (a new resting HR may collide with the stored maximum).
 */
export function applySettingsPatch(current: RunnerSettings, patch: SettingsPatch): RunnerSettings {
  const next: RunnerSettings = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (next.restingHr !== null && next.maxHr !== null && next.maxHr <= next.restingHr) {
    const field = patch.maxHr !== undefined ? 'maxHr' : 'restingHr';
    throw badSetting(
      field,
      `expected the maximum heart rate (${next.maxHr}) to be above the resting heart rate (${next.restingHr})`,
    );
  }
  if (next.shoeNudgeM > next.shoeCheckM) {
    const field = patch.shoeNudgeM !== undefined ? 'shoeNudgeM' : 'shoeCheckM';
    throw badSetting(
      field,
      `expected the first shoe reminder (${next.shoeNudgeM} m) at or below the "check them" distance (${next.shoeCheckM} m)`,
    );
  }
  return next;
}
