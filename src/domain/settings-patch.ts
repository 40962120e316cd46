/**
 * A change of the runner's settings (settings.ts): the schema the HTTP API, the command line and a restore
 * check it with, and the rules that tie two settings together, checked on the result.
 */
import { z } from 'zod';
import { KneewiseError } from './errors.ts';
import { isTimeZone, type RunnerSettings, SETTING_LIMITS } from './settings.ts';

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

/** The knee check assesses from age 5 (ANSWER_KEYS.age): a later year of birth is a typo, or the future. */
const YOUNGEST_AGE = 5;

/**
 * The settings after a change, checked as a whole: the rules that tie two values together hold for the
 * result, whichever of the two was changed (a new resting HR may collide with the stored maximum).
 * `thisYear`, from the caller's clock, bounds a new year of birth (a restore of kneewise's own export, which
 * has no clock, passes none: the year was checked when it was first set).
 */
export function applySettingsPatch(
  current: RunnerSettings,
  patch: SettingsPatch,
  thisYear?: number,
): RunnerSettings {
  if (thisYear !== undefined && patch.birthYear != null && patch.birthYear > thisYear - YOUNGEST_AGE) {
    throw badSetting(
      'birthYear',
      `expected a year of birth up to ${thisYear - YOUNGEST_AGE} (the knee check is for ages ${YOUNGEST_AGE} and up), got ${patch.birthYear}`,
    );
  }
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
