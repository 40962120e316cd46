/**
 * Deterministic per-second samples of a synthetic run/walk/ride, already quantised to the resolution FIT
 * stores them in (so a decoder must give them back exactly). fit.factory.ts encodes them.
 */

export interface SyntheticRun {
  startMs: number;
  durationS: number;
  sport?: 'running' | 'walking' | 'cycling';
  subSport?: string;
  speedMps?: number;
  withGps?: boolean;
  withHr?: boolean;
  utcOffsetS?: number;
  seed?: number;
}

/** Raw FIT integers per record (what is written) plus the session summary, all deterministic. */
export interface SyntheticSamples {
  /** FIT date_time (seconds since 1989-12-31T00:00:00Z) of the first record. */
  startFit: number;
  sport: number;
  subSport: number;
  count: number;
  /** Semicircles, or null without GPS. */
  lat: Int32Array | null;
  lon: Int32Array | null;
  /** Raw FIT values: distance ×100, enhanced_altitude (m+500)×5, enhanced_speed ×1000. */
  distance: Uint32Array;
  altitude: Uint32Array;
  speed: Uint32Array;
  heartRate: Uint8Array | null;
  /** Strides/min for running and walking, rpm for cycling; fractional part in 1/128. */
  cadence: Uint8Array;
  fractionalCadence: Uint8Array;
  /** Watts, cycling only. */
  power: Uint16Array | null;
  session: {
    elapsedMs: number;
    distanceCm: number;
    ascentM: number;
    descentM: number;
    avgHr: number | null;
    maxHr: number | null;
    avgCadence: number;
    avgFractionalCadence: number;
    calories: number;
  };
}

export const FIT_EPOCH_MS = 631065600000;

const SPORT_NUMBERS = { running: 1, walking: 11, cycling: 2 } as const;
const SUB_SPORT_NUMBERS: Readonly<Record<string, number>> = {
  generic: 0,
  treadmill: 1,
  street: 2,
  trail: 3,
  track: 4,
  indoor_cycling: 6,
  road: 7,
  mountain: 8,
  indoor_running: 45,
};
const DEFAULT_SPEED = { running: 3.0, walking: 1.4, cycling: 7.5 } as const;

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function subSportNumber(name: string | undefined): number {
  if (name === undefined) return 0;
  const n = SUB_SPORT_NUMBERS[name];
  if (n === undefined) throw new Error(`fit factory: unknown subSport "${name}"`);
  return n;
}

export function generateSamples(run: SyntheticRun): SyntheticSamples {
  const sportName = run.sport ?? 'running';
  const rnd = random(run.seed ?? 1);
  const count = Math.max(2, Math.floor(run.durationS) + 1);
  const withGps = run.withGps ?? true;
  const withHr = run.withHr ?? true;
  const baseSpeed = run.speedMps ?? DEFAULT_SPEED[sportName];
  const lat = withGps ? new Int32Array(count) : null;
  const lon = withGps ? new Int32Array(count) : null;
  const distance = new Uint32Array(count);
  const altitude = new Uint32Array(count);
  const speed = new Uint32Array(count);
  const heartRate = withHr ? new Uint8Array(count) : null;
  const cadence = new Uint8Array(count);
  const fractionalCadence = new Uint8Array(count);
  const power = sportName === 'cycling' ? new Uint16Array(count) : null;

  let latDeg = 46 + rnd() * 2;
  let lonDeg = 7 + rnd() * 3;
  let heading = rnd() * 2 * Math.PI;
  let meters = 0;
  let ascent = 0;
  let descent = 0;
  let prevAlt = Number.NaN;
  let hrSum = 0;
  let hrMax = 0;
  let cadSum = 0;
  const altBase = 300 + rnd() * 600;
  const phase = rnd() * 1000;
  // Cadence target: 170–180 steps/min running, ~115 walking (stored as strides), ~85 rpm cycling.
  const cadenceTarget =
    sportName === 'running' ? 170 + rnd() * 10 : sportName === 'walking' ? 110 + rnd() * 10 : 85;
  for (let i = 0; i < count; i++) {
    const v = Math.max(0, baseSpeed * (1 + 0.08 * Math.sin((i + phase) / 97)) + (rnd() - 0.5) * 0.2);
    speed[i] = Math.round(v * 1000);
    if (i > 0) meters += (speed[i] as number) / 1000;
    distance[i] = Math.round(meters * 100);
    const alt = altBase + 25 * Math.sin((i + phase) / 300) + 6 * Math.sin((i + phase) / 53);
    altitude[i] = Math.round((alt + 500) * 5);
    const altM = (altitude[i] as number) / 5 - 500;
    if (!Number.isNaN(prevAlt)) {
      if (altM > prevAlt) ascent += altM - prevAlt;
      else descent += prevAlt - altM;
    }
    prevAlt = altM;
    if (lat && lon) {
      heading += (rnd() - 0.5) * 0.1;
      const step = (speed[i] as number) / 1000;
      latDeg += (step * Math.cos(heading)) / 111320;
      lonDeg += (step * Math.sin(heading)) / (111320 * Math.cos((latDeg * Math.PI) / 180));
      lat[i] = Math.round((latDeg * 2 ** 31) / 180);
      lon[i] = Math.round((lonDeg * 2 ** 31) / 180);
    }
    if (heartRate) {
      const hr = Math.round(100 + 50 * (1 - Math.exp(-i / 300)) + 5 * Math.sin(i / 120) + (rnd() - 0.5) * 4);
      heartRate[i] = hr;
      hrSum += hr;
      if (hr > hrMax) hrMax = hr;
    }
    const spm = cadenceTarget + (rnd() - 0.5) * 6;
    const perLeg = sportName === 'cycling' ? Math.round(spm) : spm / 2;
    cadence[i] = Math.floor(perLeg);
    fractionalCadence[i] = sportName === 'cycling' ? 0 : Math.floor((perLeg - Math.floor(perLeg)) * 128);
    cadSum += (cadence[i] as number) + (fractionalCadence[i] as number) / 128;
    if (power) power[i] = Math.round(180 + 40 * Math.sin(i / 60) + (rnd() - 0.5) * 30);
  }
  const avgCad = cadSum / count;
  return {
    startFit: Math.round((run.startMs - FIT_EPOCH_MS) / 1000),
    sport: SPORT_NUMBERS[sportName],
    subSport: subSportNumber(run.subSport),
    count,
    lat,
    lon,
    distance,
    altitude,
    speed,
    heartRate,
    cadence,
    fractionalCadence,
    power,
    session: {
      elapsedMs: (count - 1) * 1000,
      distanceCm: distance[count - 1] as number,
      ascentM: Math.round(ascent),
      descentM: Math.round(descent),
      avgHr: heartRate ? Math.round(hrSum / count) : null,
      maxHr: heartRate ? hrMax : null,
      avgCadence: Math.floor(avgCad),
      avgFractionalCadence: Math.floor((avgCad - Math.floor(avgCad)) * 128),
      calories: Math.round(((count - 1) / 60) * (sportName === 'walking' ? 5 : 11)),
    },
  };
}
