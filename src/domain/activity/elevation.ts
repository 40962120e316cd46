/**
 * Ascent, descent and downhill distance from an altitude stream. Raw GPS/barometric altitude jitters by a metre
 * or more from sample to sample, and summing that jitter inflates climbing by 20–50 %. We smooth first (a
 * centred moving average over time), then count only changes that exceed a small hysteresis band, the common
 * approach of devices and apps when they have no barometric totals.
 */

const SMOOTHING_WINDOW_S = 15;
const HYSTERESIS_M = 2;
/** A stretch counts as downhill when it falls at least this steeply (2 % grade). */
const DOWNHILL_MIN_GRADE = 0.02;

export interface ElevationTotals {
  ascentM: number;
  descentM: number;
  /** Distance run on a falling grade, metres; null without a distance stream. */
  downhillDistanceM: number | null;
}

export function smoothAltitude(timeS: Float64Array, altitudeM: Float32Array): Float64Array {
  const n = altitudeM.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const half = SMOOTHING_WINDOW_S / 2;
  let lo = 0;
  let hi = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = timeS[i]!;
    while (hi < n && timeS[hi]! <= t + half) {
      const a = altitudeM[hi]!;
      if (Number.isFinite(a)) {
        sum += a;
        count++;
      }
      hi++;
    }
    while (lo < n && timeS[lo]! < t - half) {
      const a = altitudeM[lo]!;
      if (Number.isFinite(a)) {
        sum -= a;
        count--;
      }
      lo++;
    }
    if (count > 0 && Number.isFinite(altitudeM[i]!)) out[i] = sum / count;
  }
  return out;
}

export function elevationTotals(
  timeS: Float64Array,
  altitudeM: Float32Array,
  distanceM: Float64Array | null,
): ElevationTotals | null {
  const smooth = smoothAltitude(timeS, altitudeM);
  let ascent = 0;
  let descent = 0;
  let downhill = 0;
  let anchor = Number.NaN;
  let anchorDistance = Number.NaN;
  let seen = 0;
  for (let i = 0; i < smooth.length; i++) {
    const a = smooth[i]!;
    if (!Number.isFinite(a)) continue;
    seen++;
    const d = distanceM ? distanceM[i]! : Number.NaN;
    if (!Number.isFinite(anchor)) {
      anchor = a;
      anchorDistance = d;
      continue;
    }
    const delta = a - anchor;
    if (Math.abs(delta) < HYSTERESIS_M) continue;
    if (delta > 0) ascent += delta;
    else {
      descent -= delta;
      const run = d - anchorDistance;
      if (Number.isFinite(run) && run > 0 && -delta / run >= DOWNHILL_MIN_GRADE) downhill += run;
    }
    anchor = a;
    anchorDistance = d;
  }
  if (seen < 2) return null;
  return { ascentM: ascent, descentM: descent, downhillDistanceM: distanceM ? downhill : null };
}
