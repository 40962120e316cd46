import { METRES_PER_MILE } from '../units.ts';

/**
 * When kneewise mentions a shoe's distance. The common advice is to replace running shoes every 300–500 miles
 * (480–800 km): we nudge at the low end and suggest a check at the high end, and say plainly that no trial
 * shows replacing shoes at a mileage prevents injury (Cook 1985 is midsole-wear data; the number is a
 * convention). Both are configurable; Strava's own reminder defaults to 250 mi and Garmin's is user-set.
 */
export interface ShoeThresholds {
  /** First, gentle mention. Default 300 mi ≈ 480 km. */
  nudgeM: number;
  /** "Check them": look at the midsole and outsole. Default 500 mi ≈ 800 km. */
  checkM: number;
}

export const DEFAULT_SHOE_THRESHOLDS: ShoeThresholds = {
  nudgeM: Math.round(300 * METRES_PER_MILE),
  checkM: Math.round(500 * METRES_PER_MILE),
};

export type ShoeWearStatus = 'ok' | 'nudge' | 'check';

export function shoeWearStatus(
  distanceM: number,
  thresholds: ShoeThresholds = DEFAULT_SHOE_THRESHOLDS,
): ShoeWearStatus {
  if (distanceM >= thresholds.checkM) return 'check';
  if (distanceM >= thresholds.nudgeM) return 'nudge';
  return 'ok';
}

export const SHOE_EVIDENCE = {
  text:
    'The 300–500 mile (480–800 km) replacement advice comes from midsole-wear tests, not from injury trials: ' +
    'no trial shows that replacing shoes at a set mileage prevents injury. Runners who rotated several pairs ' +
    'had fewer injuries in one cohort. Treat these as reminders to look at your shoes.',
  source:
    'Cook et al., Am J Sports Med 1985;13:248 (midsole wear); Malisoux et al., Scand J Med Sci Sports ' +
    '2015;25:110 (rotation)',
} as const;

/** Checks user-given thresholds: positive, finite, the check not below the nudge. */
export function validThresholds(t: ShoeThresholds): boolean {
  return Number.isFinite(t.nudgeM) && Number.isFinite(t.checkM) && t.nudgeM > 0 && t.checkM >= t.nudgeM;
}
