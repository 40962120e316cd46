/**
 * The demo runner's training, day by day: a week of easy runs on Tuesday and Thursday, a long run on Sunday,
 * and, depending on the phase, an extra run on Wednesday or Saturday (3–5 runs a week), a tempo run while
 * building for the race, an occasional trail run, treadmill run or ride. Paces stay between 5:00 and
 * 6:30 per km, step rates between 160 and 178 a minute. Before the spike the long runs shrink (a busy month),
 * then two hilly weeks bring more descent and a lower step rate; after the knee starts hurting the runner
 * rides, rests and tests the knee with short easy runs.
 */
import { dayOfWeek } from '../load/calendar-day.ts';
import type { PlannedSession } from './demo-activity.builder.ts';
import type { DemoRole } from './demo-runner.types.ts';
import { type DemoPhase, type DemoTimeline, phaseOf } from './demo-timeline.ts';
import type { SeededRandom } from './seeded-random.ts';

type Range = readonly [number, number];

interface Effort {
  pace: Range;
  cadence: Range;
  heartRate: Range;
  descentPerKm: Range;
  stopped: Range;
}

/** The runner's usual numbers per kind of run (pace s/km, steps/min, bpm, m of descent per km, s standing). */
const EFFORT: Record<Exclude<DemoRole, 'ride'>, Effort> = {
  easy: {
    pace: [345, 380],
    cadence: [170, 175],
    heartRate: [138, 148],
    descentPerKm: [4, 9],
    stopped: [60, 240],
  },
  tempo: {
    pace: [305, 320],
    cadence: [175, 178],
    heartRate: [158, 165],
    descentPerKm: [4, 8],
    stopped: [60, 180],
  },
  long: {
    pace: [355, 385],
    cadence: [168, 172],
    heartRate: [144, 152],
    descentPerKm: [5, 10],
    stopped: [120, 360],
  },
  trail: {
    pace: [370, 388],
    cadence: [165, 169],
    heartRate: [148, 156],
    descentPerKm: [24, 32],
    stopped: [240, 600],
  },
  treadmill: {
    pace: [335, 355],
    cadence: [172, 176],
    heartRate: [140, 148],
    descentPerKm: [0, 0],
    stopped: [0, 30],
  },
  race: {
    pace: [302, 306],
    cadence: [176, 178],
    heartRate: [166, 171],
    descentPerKm: [3, 6],
    stopped: [10, 40],
  },
  spike: {
    pace: [384, 389],
    cadence: [160, 162],
    heartRate: [150, 155],
    descentPerKm: [34, 37],
    stopped: [1500, 2400],
  },
  comeback: {
    pace: [370, 385],
    cadence: [172, 176],
    heartRate: [134, 142],
    descentPerKm: [3, 6],
    stopped: [30, 120],
  },
};

/** In the hilly fortnight before the spike: steeper routes and a shorter, slower step. */
const HILLS: Partial<Record<Exclude<DemoRole, 'ride'>, Partial<Effort>>> = {
  easy: { cadence: [163, 166], descentPerKm: [8, 14] },
  trail: { cadence: [160, 163], descentPerKm: [38, 48] },
  long: { cadence: [160, 163], descentPerKm: [38, 46] },
};

const NAMES: Record<DemoRole, string> = {
  easy: 'Easy run',
  tempo: 'Tempo run',
  long: 'Sunday long run',
  trail: 'Trail run',
  treadmill: 'Treadmill run',
  race: 'Goal race: half marathon',
  spike: 'Long trail day with friends',
  comeback: 'Short easy run',
  ride: 'Easy ride',
};

/** Days after the onset with a short test run (km), and with a ride instead (km). */
const EPISODE_RUNS: ReadonlyMap<number, { km: number; role: 'comeback' | 'treadmill'; name: string }> =
  new Map([
    [4, { km: 4, role: 'comeback', name: 'Test run for the knee' }],
    [9, { km: 5, role: 'treadmill', name: 'Treadmill run, flat and easy' }],
    [12, { km: 5, role: 'comeback', name: 'Short easy run' }],
    [15, { km: 5.5, role: 'comeback', name: 'Short easy run' }],
    [18, { km: 6, role: 'comeback', name: 'Easy run, quicker steps' }],
    [21, { km: 6, role: 'comeback', name: 'Easy run, quicker steps' }],
    [24, { km: 7, role: 'comeback', name: 'Easy run' }],
    [27, { km: 7, role: 'comeback', name: 'Easy run' }],
  ]);
const EPISODE_RIDES: ReadonlyMap<number, number> = new Map([
  [2, 22],
  [7, 25],
  [14, 28],
]);

export function planTraining(t: DemoTimeline, rng: SeededRandom): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  // Nothing on today itself: a run later today would lie in the future for a runner opening the demo at dawn.
  for (let day = t.first; day < t.today; day++) {
    const session = sessionOn(day, phaseOf(day, t), t, rng);
    if (session) sessions.push(session);
  }
  return sessions;
}

function sessionOn(day: number, phase: DemoPhase, t: DemoTimeline, rng: SeededRandom): PlannedSession | null {
  const r = (range: Range) => rng.between(range[0], range[1]);
  switch (phase) {
    case 'break':
      return null;
    case 'race':
      return run('race', day, 21.1 + r([0.05, 0.2]), phase, rng, 540);
    case 'spike':
      return run('spike', day, r([23.2, 24.2]), phase, rng, 450);
    case 'episode':
      return episodeSession(day, t, rng);
    default:
      return weeklySession(day, phase, t, rng);
  }
}

function weeklySession(
  day: number,
  phase: DemoPhase,
  t: DemoTimeline,
  rng: SeededRandom,
): PlannedSession | null {
  const r = (range: Range) => rng.between(range[0], range[1]);
  const easyKm = (): number => {
    switch (phase) {
      case 'comeback-from-break':
        return 4 + 3 * ((day - t.breakTo) / 28) + r([0, 0.5]);
      case 'build':
        return r([7, 9.5]);
      case 'taper':
        return r([5, 6]);
      case 'recovery':
        return r([4.5, 5.5]);
      case 'busy':
        return r([5, 7]);
      case 'hills':
        return r([6, 7.5]);
      default:
        return r([6, 9]);
    }
  };
  const easy = () => run('easy', day, easyKm(), phase, rng);
  const canTreadmill = phase === 'base' || phase === 'steady' || phase === 'build' || phase === 'busy';
  switch (dayOfWeek(day)) {
    case 1:
    case 5:
      return null;
    case 2:
      if (phase === 'recovery') return null;
      if (phase === 'build' && rng.chance(0.8)) return run('tempo', day, r([8, 10]), phase, rng);
      return easy();
    case 3:
      if (phase === 'hills') return run('trail', day, r([7, 8]), phase, rng);
      if (phase === 'recovery') return easy();
      if (phase === 'build') return rng.chance(0.6) ? easy() : null;
      if (phase === 'base' || phase === 'steady') return rng.chance(0.3) ? easy() : null;
      if (phase === 'busy') return rng.chance(0.25) ? easy() : null;
      return null;
    case 4:
      if (phase === 'recovery') return null;
      if (canTreadmill && rng.chance(0.08)) return run('treadmill', day, r([6, 8]), phase, rng);
      return easy();
    case 6:
      return saturday(day, phase, rng, easy);
    default:
      return sunday(day, phase, t, rng, easy);
  }
}

function saturday(
  day: number,
  phase: DemoPhase,
  rng: SeededRandom,
  easy: () => PlannedSession,
): PlannedSession | null {
  switch (phase) {
    case 'hills':
      return run('trail', day, rng.between(8, 9.5), phase, rng);
    case 'recovery':
    case 'taper':
      return easy();
    case 'build':
      return rng.chance(0.45) ? easy() : null;
    case 'busy':
      return rng.chance(0.3) ? easy() : null;
    case 'comeback-from-break':
      return rng.chance(0.4) ? easy() : null;
    default:
      if (rng.chance(0.35))
        return rng.chance(0.45) ? run('trail', day, rng.between(7, 10), phase, rng) : easy();
      return rng.chance(0.1) ? ride(day, rng.between(25, 40), rng) : null;
  }
}

function sunday(
  day: number,
  phase: DemoPhase,
  t: DemoTimeline,
  rng: SeededRandom,
  easy: () => PlannedSession,
): PlannedSession | null {
  const r = (range: Range) => rng.between(range[0], range[1]);
  switch (phase) {
    case 'recovery':
      return easy();
    case 'comeback-from-break':
      return run('long', day, 6 + 4 * ((day - t.breakTo) / 28), phase, rng);
    case 'build': {
      // Up about half a kilometre a week, with an easier week every fourth.
      const week = Math.floor((day - t.buildFrom) / 7);
      const km = 12 + (7 * week) / 14 + r([-0.3, 0.3]);
      return run('long', day, week % 4 === 3 ? km * 0.8 : km, phase, rng);
    }
    case 'taper':
      return run('long', day, 12, phase, rng);
    case 'busy':
      return run('long', day, r([9, 10.3]), phase, rng);
    case 'hills':
      return { ...run('long', day, r([9.4, 10.3]), phase, rng), name: 'Hilly long run' };
    case 'steady':
      return run('long', day, r([12, 14]), phase, rng);
    default:
      return run('long', day, r([10, 13]), phase, rng);
  }
}

function episodeSession(day: number, t: DemoTimeline, rng: SeededRandom): PlannedSession | null {
  const k = day - t.onset;
  const planned = EPISODE_RUNS.get(k);
  if (planned) {
    return { ...run(planned.role, day, planned.km, 'episode', rng), name: planned.name };
  }
  const rideKm = EPISODE_RIDES.get(k);
  return rideKm === undefined ? null : ride(day, rideKm, rng);
}

function startMinute(day: number, rng: SeededRandom): number {
  const dow = dayOfWeek(day);
  if (dow === 0 || dow === 6) return Math.round(rng.between(480, 570));
  return Math.round(rng.chance(0.35) ? rng.between(1080, 1130) : rng.between(380, 430));
}

function run(
  role: Exclude<DemoRole, 'ride'>,
  day: number,
  km: number,
  phase: DemoPhase,
  rng: SeededRandom,
  fixedStart?: number,
): PlannedSession {
  const base = EFFORT[role];
  const effort: Effort = { ...base, ...(phase === 'hills' ? HILLS[role] : {}) };
  const r = (range: Range) => rng.between(range[0], range[1]);
  const start = fixedStart ?? startMinute(day, rng);
  const name =
    role === 'easy' && phase !== 'comeback-from-break'
      ? start >= 1020
        ? 'Evening run'
        : 'Morning run'
      : NAMES[role];
  return {
    role,
    day,
    startMinute: start,
    distanceM: km * 1000,
    paceSPerKm: r(effort.pace),
    descentPerKm: r(effort.descentPerKm),
    avgHeartRate: r(effort.heartRate),
    cadenceSpm: r(effort.cadence),
    stoppedS: r(effort.stopped),
    name,
  };
}

function ride(day: number, km: number, rng: SeededRandom): PlannedSession {
  return {
    role: 'ride',
    day,
    startMinute: startMinute(day, rng),
    distanceM: km * 1000,
    speedKmh: rng.between(22, 26),
    descentPerKm: rng.between(5, 9),
    avgHeartRate: rng.between(120, 132),
    cadenceSpm: null,
    stoppedS: rng.between(120, 600),
    name: NAMES.ride,
  };
}
