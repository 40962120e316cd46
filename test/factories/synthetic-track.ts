/**
 * The deterministic path both XML factories write: a straight line due north at constant speed, with gentle
 * heart-rate, cadence and elevation waves, so a parser's output can be checked against closed-form numbers
 * (distance = speed × moving time; cadence doubled from strides).
 */

export const DEFAULT_START_MS = Date.UTC(2024, 2, 4, 7, 0, 0);
const METRES_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180;

export interface SyntheticPoint {
  timeMs: number;
  latDeg: number;
  lonDeg: number;
  altitudeM: number;
  /** Cumulative metres along the path. */
  distanceM: number;
  heartRateBpm: number;
  /** Strides per minute (one foot), as Garmin writes running cadence. */
  cadenceStrides: number;
}

export interface SyntheticTrackOptions {
  startMs: number;
  /** Moving time per segment is durationS / segments. */
  durationS: number;
  intervalS: number;
  speedMps: number;
  segments: number;
  /** Stopped time between segments (the clock runs, the position does not). */
  pauseS: number;
  originLat: number;
  originLon: number;
}

/** Points grouped by segment. */
export function syntheticTrack(o: SyntheticTrackOptions): SyntheticPoint[][] {
  const segments: SyntheticPoint[][] = [];
  const perSegmentS = o.durationS / o.segments;
  let movingS = 0;
  let clockS = 0;
  let index = 0;
  for (let s = 0; s < o.segments; s++) {
    const points: SyntheticPoint[] = [];
    for (let t = 0; t <= perSegmentS + 1e-9; t += o.intervalS) {
      const moved = movingS + t;
      const distanceM = moved * o.speedMps;
      points.push({
        timeMs: o.startMs + Math.round((clockS + t) * 1000),
        latDeg: o.originLat + distanceM / METRES_PER_DEGREE_LAT,
        lonDeg: o.originLon,
        altitudeM: Math.round((100 + 5 * Math.sin(index / 50)) * 10) / 10,
        distanceM,
        heartRateBpm: Math.round(140 + 10 * Math.sin(index / 60)),
        cadenceStrides: 85 + (index % 3),
      });
      index++;
    }
    segments.push(points);
    movingS += perSegmentS;
    clockS += perSegmentS + o.pauseS;
  }
  return segments;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Escapes text for an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
