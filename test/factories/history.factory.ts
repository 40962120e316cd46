import type { Sport } from '../../src/domain/activity/sport.ts';
import { addDays, DAY_MS, dateOfDay, dayNumber } from '../../src/domain/load/calendar-day.ts';
import type { LoadActivity } from '../../src/domain/load/load-activity.ts';

/**
 * Synthetic, deterministic training histories for the load engine: the same options and seed always give
 * the same activities. Realistic enough to exercise every metric — 3–5 runs a week with a weekend long run,
 * weekly volume drifting between ~15 and ~60 km, rides/walks/swims as cross-training, breaks of 2–6 weeks,
 * occasional treadmill runs without GPS, trail runs with real descent, heart rate and cadence on most runs —
 * plus helpers that plant the patterns the engine must find (spike, return after a break, descent jump,
 * cadence drop). Nobody's personal data.
 */
export interface HistoryOptions {
  years?: number;
  /** Overrides `years` when given. */
  weeks?: number;
  /** Mean runs per week; each week varies by ±1. Default 4. */
  runsPerWeek?: number;
  seed?: number;
  /** First day (YYYY-MM-DD); default 2016-01-04 (a Monday). */
  startDate?: string;
  /** The runner's UTC offset in minutes (local days are computed from it). Default +60. */
  utcOffsetMin?: number;
  /** Stop after this many runs (cross-training stops with them). */
  maxRuns?: number;
  /** Probability that a given week starts a 2–6 week break. Default 0.02. */
  breakChance?: number;
  /** Share of runs on a treadmill (no GPS, no descent). Default 0.05. */
  treadmillShare?: number;
  /** Mean cross-training sessions per week. Default 1. */
  crossPerWeek?: number;
}

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTC instant of a local wall-clock time on a local date, for a fixed offset (minutes east of UTC). */
export function localStartMs(localDate: string, hour: number, utcOffsetMin = 60): number {
  return dayNumber(localDate) * DAY_MS + Math.round(hour * 3_600_000) - utcOffsetMin * 60_000;
}

export interface RunInput extends Partial<LoadActivity> {
  localDate: string;
  distanceM: number;
}

/**
 * One activity with sensible defaults: a road run at 10:00 local (UTC+1), 5:30 min/km, no HR, no cadence,
 * no descent. `hour` and `utcOffsetMin` place it in time unless `startMs` is given.
 */
export function makeRun(input: RunInput, place: { hour?: number; utcOffsetMin?: number } = {}): LoadActivity {
  const movingTimeS = input.movingTimeS ?? Math.round(input.distanceM * 0.33);
  return {
    id: input.id ?? `run-${input.localDate}-${place.hour ?? 10}`,
    startMs: input.startMs ?? localStartMs(input.localDate, place.hour ?? 10, place.utcOffsetMin ?? 60),
    localDate: input.localDate,
    sport: input.sport ?? 'run',
    distanceM: input.distanceM,
    movingTimeS,
    elapsedTimeS: input.elapsedTimeS ?? movingTimeS,
    ascentM: input.ascentM ?? null,
    descentM: input.descentM ?? null,
    downhillDistanceM: input.downhillDistanceM ?? null,
    avgHeartRate: input.avgHeartRate ?? null,
    avgCadenceSpm: input.avgCadenceSpm ?? null,
    avgStrideM: input.avgStrideM ?? null,
  };
}

const CROSS_SPORTS: readonly Sport[] = ['ride', 'walk', 'swim', 'hike'];

export function buildHistory(options: HistoryOptions = {}): LoadActivity[] {
  const random = seededRandom(options.seed ?? 1);
  const weeks = options.weeks ?? Math.round((options.years ?? 1) * 52.18);
  const start = dayNumber(options.startDate ?? '2016-01-04');
  const offset = options.utcOffsetMin ?? 60;
  const runsPerWeek = options.runsPerWeek ?? 4;
  const breakChance = options.breakChance ?? 0.02;
  const treadmillShare = options.treadmillShare ?? 0.05;
  const crossPerWeek = options.crossPerWeek ?? 1;
  const maxRuns = options.maxRuns ?? Number.POSITIVE_INFINITY;
  const out: LoadActivity[] = [];
  let weeklyKm = 20 + random() * 20;
  let breakWeeksLeft = 0;
  let runCount = 0;
  let sequence = 0;
  const cadenceBase = 158 + random() * 14;

  for (let week = 0; week < weeks && runCount < maxRuns; week += 1) {
    const weekStart = start + week * 7;
    if (breakWeeksLeft > 0) {
      breakWeeksLeft -= 1;
      continue;
    }
    if (week > 4 && random() < breakChance) {
      breakWeeksLeft = 1 + Math.floor(random() * 5);
      continue;
    }
    weeklyKm = Math.min(60, Math.max(15, weeklyKm * (0.9 + random() * 0.22)));
    const n = Math.min(7, Math.max(1, Math.round(runsPerWeek + (random() * 2 - 1))));
    // Long run on the last day of the week, the others spread over the earlier days.
    const days = new Set<number>([6]);
    while (days.size < n) days.add(Math.floor(random() * 6));
    const shares = [...days]
      .sort((a, b) => a - b)
      .map((d) => (d === 6 && n > 1 ? 1.8 : 0.85 + random() * 0.3));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    [...days]
      .sort((a, b) => a - b)
      .forEach((dow, i) => {
        if (runCount >= maxRuns) return;
        const localDate = dateOfDay(weekStart + dow);
        const distanceM = Math.round(((weeklyKm * 1000 * shares[i]!) / shareSum) * (0.95 + random() * 0.1));
        const treadmill = random() < treadmillShare;
        const trail = !treadmill && random() < 0.1;
        const speed = (dow === 6 ? 2.7 : 2.9) + random() * 0.5;
        const movingTimeS = Math.round(distanceM / speed);
        const hasHr = random() < 0.75;
        const hasCadence = random() < 0.8;
        const cadence = Math.round((cadenceBase + random() * 6 - 3) * 10) / 10;
        const descent = treadmill
          ? null
          : Math.round((trail ? 25 : 6) * (distanceM / 1000) * (0.6 + random() * 0.8));
        sequence += 1;
        runCount += 1;
        out.push({
          id: `hist-${options.seed ?? 1}-${String(sequence).padStart(5, '0')}`,
          startMs: localStartMs(localDate, 6 + random() * 13, offset),
          localDate,
          sport: treadmill ? 'treadmill_run' : trail ? 'trail_run' : 'run',
          distanceM,
          movingTimeS,
          elapsedTimeS: movingTimeS + Math.round(random() * 120),
          ascentM: descent,
          descentM: descent,
          downhillDistanceM: descent === null ? null : Math.round(distanceM * (trail ? 0.35 : 0.15)),
          avgHeartRate: hasHr ? Math.round(135 + random() * 25) : null,
          avgCadenceSpm: hasCadence ? cadence : null,
          avgStrideM: hasCadence ? Math.round((speed * 60 * 100) / cadence) / 100 : null,
        });
      });
    // floor(mean + U) has exactly the requested mean.
    const crossSessions = Math.floor(crossPerWeek + random());
    for (let c = 0; c < crossSessions; c += 1) {
      const localDate = dateOfDay(weekStart + Math.floor(random() * 7));
      const sport = CROSS_SPORTS[Math.floor(random() * CROSS_SPORTS.length)]!;
      const movingTimeS = Math.round(1800 + random() * 3600);
      sequence += 1;
      out.push({
        id: `hist-${options.seed ?? 1}-${String(sequence).padStart(5, '0')}`,
        startMs: localStartMs(localDate, 17 + random() * 3, offset),
        localDate,
        sport,
        distanceM: Math.round(movingTimeS * (sport === 'ride' ? 7 : sport === 'swim' ? 0.6 : 1.4)),
        movingTimeS,
        elapsedTimeS: movingTimeS,
        ascentM: null,
        descentM: null,
        downhillDistanceM: null,
        avgHeartRate: null,
        avgCadenceSpm: null,
        avgStrideM: null,
      });
    }
  }
  return out;
}

function isRun(a: LoadActivity): boolean {
  return (
    a.sport === 'run' || a.sport === 'trail_run' || a.sport === 'treadmill_run' || a.sport === 'track_run'
  );
}

/** Longest run starting in the 30 days before `startMs` (0 when none). */
function longestBefore(history: readonly LoadActivity[], startMs: number): number {
  let longest = 0;
  for (const a of history) {
    if (isRun(a) && a.startMs < startMs && a.startMs >= startMs - 30 * DAY_MS)
      longest = Math.max(longest, a.distanceM);
  }
  return longest;
}

/**
 * Adds a run on `date` at 12:00 local that is `factor` × the longest run of the 30 days before it
 * (e.g. 1.5 → a +50 % "moderate" spike). Returns a new array; the planted run's id is `planted-spike-DATE`.
 */
export function plantSpike(
  history: readonly LoadActivity[],
  spike: { date: string; factor: number; utcOffsetMin?: number },
): LoadActivity[] {
  const startMs = localStartMs(spike.date, 12, spike.utcOffsetMin ?? 60);
  const longest = longestBefore(history, startMs);
  if (longest <= 0) throw new Error(`plantSpike: no run in the 30 days before ${spike.date}`);
  return [
    ...history,
    makeRun({
      id: `planted-spike-${spike.date}`,
      localDate: spike.date,
      startMs,
      distanceM: Math.round(longest * spike.factor),
    }),
  ];
}

/**
 * Removes every activity in the `breakDays` local days before `returnDate` and on that day itself, then adds
 * a first run of `firstRunM` on `returnDate` (id `planted-return-DATE`).
 */
export function plantReturnAfterBreak(
  history: readonly LoadActivity[],
  plan: { returnDate: string; breakDays: number; firstRunM: number; utcOffsetMin?: number },
): LoadActivity[] {
  const from = addDays(plan.returnDate, -plan.breakDays);
  const kept = history.filter((a) => a.localDate < from || a.localDate > plan.returnDate);
  const startMs = localStartMs(plan.returnDate, 12, plan.utcOffsetMin ?? 60);
  return [
    ...kept,
    makeRun({
      id: `planted-return-${plan.returnDate}`,
      localDate: plan.returnDate,
      startMs,
      distanceM: plan.firstRunM,
    }),
  ];
}

/** Multiplies descent and downhill distance of the runs in the 7 days from `weekStart` by `factor`. */
export function plantDescentJump(
  history: readonly LoadActivity[],
  jump: { weekStart: string; factor: number },
): LoadActivity[] {
  const end = addDays(jump.weekStart, 6);
  return history.map((a) =>
    isRun(a) && a.localDate >= jump.weekStart && a.localDate <= end
      ? {
          ...a,
          descentM: Math.round((a.descentM ?? 50) * jump.factor),
          downhillDistanceM: Math.round((a.downhillDistanceM ?? a.distanceM * 0.15) * jump.factor),
        }
      : a,
  );
}

/** Lowers the cadence of runs on the local days [from, from + days) by `dropSpm` (stride follows the speed). */
export function plantCadenceDrop(
  history: readonly LoadActivity[],
  drop: { from: string; days: number; dropSpm: number },
): LoadActivity[] {
  const end = addDays(drop.from, drop.days - 1);
  return history.map((a) => {
    if (!isRun(a) || a.localDate < drop.from || a.localDate > end || a.avgCadenceSpm === null) return a;
    const cadence = a.avgCadenceSpm - drop.dropSpm;
    const speed = a.movingTimeS > 0 ? a.distanceM / a.movingTimeS : 3;
    return { ...a, avgCadenceSpm: cadence, avgStrideM: Math.round((speed * 60 * 100) / cadence) / 100 };
  });
}
