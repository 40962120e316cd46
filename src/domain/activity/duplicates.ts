/**
 * The same run from two sources (the watch's FIT and Strava's copy of it) is one run. Two activities are the
 * same when they start within two minutes of each other, are of the same kind (running vs not), and, when both
 * state a distance, agree within 10 % (GPS vs foot-pod distances differ a little; different runs differ more).
 */
import { isRunningSport, type Sport } from './sport.ts';

export const SAME_START_TOLERANCE_MS = 120_000;
const DISTANCE_TOLERANCE = 0.1;

export interface DuplicateCandidate {
  startMs: number;
  sport: Sport;
  distanceM: number;
}

export function isSameActivity(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  if (Math.abs(a.startMs - b.startMs) > SAME_START_TOLERANCE_MS) return false;
  if (isRunningSport(a.sport) !== isRunningSport(b.sport)) return false;
  if (!isRunningSport(a.sport) && a.sport !== b.sport && a.sport !== 'other' && b.sport !== 'other')
    return false;
  if (a.distanceM > 0 && b.distanceM > 0) {
    const larger = Math.max(a.distanceM, b.distanceM);
    return Math.abs(a.distanceM - b.distanceM) / larger <= DISTANCE_TOLERANCE;
  }
  return true;
}
