/**
 * Position checks and distance for tracks read from XML. GPX states no distance at all and some TCX files
 * (Fitbit, converters) carry positions without per-point distance, so both need distance from positions;
 * both also meet placeholder positions (0,0) and wild jumps that would add hundreds of kilometres to a run.
 */

const EARTH_RADIUS_M = 6_371_008.8; // mean Earth radius (IUGG); the error against WGS-84 is < 0.5 %.
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two positions in degrees (haversine). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Faster than anything a person covers under their own power or in a car on a road; a GPS fix implying more
 * between two points is a glitch, not movement.
 */
const MAX_PLAUSIBLE_SPEED_MPS = 100;
/** Jumps shorter than this are GPS noise at worst, whatever the time step (several fixes per second). */
const JUMP_TOLERANCE_M = 200;
/** After this many rejected fixes in a row the earlier anchor, not the new fixes, is the likely outlier. */
const MAX_REJECTED_IN_A_ROW = 5;

/**
 * Sets implausible positions to NaN in place and returns how many it dropped:
 * - out of range (|lat| > 90, |lon| > 180);
 * - an exact 0 in either coordinate: devices write 0 for "no fix" (Fitbit TCX writes 0,0); a real fix lands
 *   on the equator or the prime meridian to the last written decimal about once in ten million points;
 * - a jump from the last accepted fix that implies more than 100 m/s.
 */
export function dropImplausiblePositions(timeMs: Float64Array, lat: Float64Array, lon: Float64Array): number {
  let dropped = 0;
  let anchor = -1;
  let rejectedInARow = 0;
  for (let i = 0; i < lat.length; i++) {
    const la = lat[i] as number;
    const lo = lon[i] as number;
    if (Number.isNaN(la) || Number.isNaN(lo)) {
      // Half a position is no position.
      if (!(Number.isNaN(la) && Number.isNaN(lo))) {
        lat[i] = Number.NaN;
        lon[i] = Number.NaN;
        dropped++;
      }
      continue;
    }
    if (Math.abs(la) > 90 || Math.abs(lo) > 180 || la === 0 || lo === 0) {
      lat[i] = Number.NaN;
      lon[i] = Number.NaN;
      dropped++;
      continue;
    }
    if (anchor >= 0 && rejectedInARow < MAX_REJECTED_IN_A_ROW) {
      const metres = haversineM(lat[anchor] as number, lon[anchor] as number, la, lo);
      const seconds = Math.max(1, ((timeMs[i] as number) - (timeMs[anchor] as number)) / 1000);
      if (metres > JUMP_TOLERANCE_M && metres / seconds > MAX_PLAUSIBLE_SPEED_MPS) {
        lat[i] = Number.NaN;
        lon[i] = Number.NaN;
        dropped++;
        rejectedInARow++;
        continue;
      }
    }
    anchor = i;
    rejectedInARow = 0;
  }
  return dropped;
}

/**
 * Fills `distance` with cumulative metres along the positions. Samples without a position repeat the last
 * distance. At each index in `segmentStarts` (ascending) the track restarts (a new GPX segment): the gap
 * between the end of one segment and the start of the next is not counted, because nothing was recorded
 * across it (the device was paused or had stopped).
 */
export function fillDistanceFromPositions(
  lat: Float64Array,
  lon: Float64Array,
  distance: Float64Array,
  segmentStarts: readonly number[] = [],
): void {
  let total = 0;
  let prev = -1;
  let nextBreak = 0;
  for (let i = 0; i < lat.length; i++) {
    while (segmentStarts[nextBreak] === i) {
      prev = -1;
      nextBreak++;
    }
    const la = lat[i] as number;
    const lo = lon[i] as number;
    if (!Number.isNaN(la) && !Number.isNaN(lo)) {
      if (prev >= 0) total += haversineM(lat[prev] as number, lon[prev] as number, la, lo);
      prev = i;
    }
    distance[i] = total;
  }
}
