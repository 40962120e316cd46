/**
 * Turns a planned session (distance, pace, step rate, effort, terrain) into a complete demo activity with the
 * numbers a watch would have recorded: moving and elapsed time, climb and descent, heart rate, stride length
 * and calories, rounded the way exports round them.
 */
import { dateOfDay } from '../load/calendar-day.ts';
import type { DemoActivity, DemoRole } from './demo-runner.types.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface PlannedSession {
  role: DemoRole;
  day: number;
  startMinute: number;
  distanceM: number;
  /** Seconds per km for runs; rides give speedKmh instead. */
  paceSPerKm?: number;
  speedKmh?: number;
  /** Metres of descent per km; the climb is about the same (most routes end where they start). */
  descentPerKm: number;
  avgHeartRate: number;
  /** Steps per minute; null for rides. */
  cadenceSpm: number | null;
  /** Standing time (lights, a gate, a photo), seconds. */
  stoppedS: number;
  name: string;
}

const SPORT_OF: Record<DemoRole, { sport: DemoActivity['sport']; rawSport: string }> = {
  easy: { sport: 'run', rawSport: 'running' },
  tempo: { sport: 'run', rawSport: 'running' },
  long: { sport: 'run', rawSport: 'running' },
  race: { sport: 'run', rawSport: 'running' },
  comeback: { sport: 'run', rawSport: 'running' },
  trail: { sport: 'trail_run', rawSport: 'running/trail' },
  spike: { sport: 'trail_run', rawSport: 'running/trail' },
  treadmill: { sport: 'treadmill_run', rawSport: 'running/treadmill' },
  ride: { sport: 'ride', rawSport: 'cycling' },
};

/** kcal per km per kg is close to 1 for running; the demo runner weighs about 62 kg. Rides cost about a third. */
const KCAL_PER_KM = { run: 62, ride: 21 } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function buildDemoActivity(key: string, plan: PlannedSession, rng: SeededRandom): DemoActivity {
  const { sport, rawSport } = SPORT_OF[plan.role];
  const km = plan.distanceM / 1000;
  const isRide = sport === 'ride';
  const movingTimeS = Math.round(
    isRide ? (km / (plan.speedKmh ?? 25)) * 3600 : km * (plan.paceSPerKm ?? 360),
  );
  const descentM = Math.round(km * plan.descentPerKm);
  // Loops end where they start: the climb matches the descent within a few per cent.
  const ascentM = Math.round(descentM * rng.between(0.95, 1.05));
  const speedMps = plan.distanceM / movingTimeS;
  const avgStrideM = plan.cadenceSpm === null ? null : round2(speedMps / (plan.cadenceSpm / 60));
  return {
    key,
    role: plan.role,
    localDate: dateOfDay(plan.day),
    startMinute: plan.startMinute,
    sport,
    rawSport,
    name: plan.name,
    distanceM: round1(plan.distanceM),
    movingTimeS,
    elapsedTimeS: movingTimeS + Math.round(plan.stoppedS),
    ascentM,
    descentM,
    avgHeartRate: Math.round(plan.avgHeartRate),
    maxHeartRate: Math.round(plan.avgHeartRate + rng.between(12, 22)),
    avgCadenceSpm: plan.cadenceSpm === null ? null : round1(plan.cadenceSpm),
    avgStrideM,
    calories: Math.round(km * KCAL_PER_KM[isRide ? 'ride' : 'run'] * rng.between(0.95, 1.05)),
    shoe: null,
  };
}
