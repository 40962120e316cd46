import type { Sport } from '../activity/sport.ts';
import { median } from '../load/cadence.ts';
import { activeSeconds } from '../load/load-activity.ts';
import {
  type DistanceUnits,
  elevationUnitsToMetres,
  formatElevation,
  formatElevationPerDistance,
  metresToElevationUnits,
} from '../units.ts';
import {
  type CauseRun,
  type CauseWindows,
  type FactorFinding,
  noFinding,
  pct,
  runsBetween,
  stepMagnitude,
  totalDistance,
} from './cause-input.ts';
import { pace, percent } from './cause-text.ts';

/**
 * Where and how the runner ran: descent, pace, step rate and surface, each against the runner's own eight
 * weeks before. Missing values (a GPS run without altitude, a phone without cadence) are left out of both
 * sides rather than read as zero.
 */

/** The baseline holds four two-week blocks (eight weeks). */
const BLOCKS_IN_BASELINE = 4;
/** Below this absolute change a descent "jump" is noise (GPS altitude alone moves tens of metres). */
const DESCENT_MIN_CHANGE_M = 100;

function knownDescent(r: CauseRun): r is CauseRun & { descentM: number } {
  return r.descentM !== null && Number.isFinite(r.descentM) && r.descentM >= 0;
}

export function descentIncrease(
  runs: readonly CauseRun[],
  w: CauseWindows,
  units: DistanceUnits = 'km',
): FactorFinding {
  const recent = runsBetween(runs, w.recentFrom, w.onsetDay).filter(knownDescent);
  const baseline = runsBetween(runs, w.baselineFrom, w.baselineTo).filter(knownDescent);
  const recentKm = totalDistance(recent) / 1000;
  const baselineKm = totalDistance(baseline) / 1000;
  if (recent.length === 0 || baseline.length < 3 || recentKm <= 0 || baselineKm <= 0) {
    return noFinding(
      'descent_increase',
      'Not enough runs with elevation data to compare your descent with before.',
    );
  }
  // Descent per km separates hillier routes from simply running more (which weekly_progression covers).
  const recentM = recent.reduce((s, r) => s + r.descentM, 0);
  const perKm = recentM / recentKm;
  const usualPerKm = baseline.reduce((s, r) => s + r.descentM, 0) / baselineKm;
  const expectedM = usualPerKm * recentKm;
  const biggest = recent.reduce((a, b) => (b.descentM > a.descentM ? b : a));
  const usualBiggest = Math.max(...baseline.map((r) => r.descentM));
  const change = usualPerKm > 0 ? pct(perKm, usualPerKm) : null;
  const usualWeeklyM = baseline.reduce((s, r) => s + r.descentM, 0) / (BLOCKS_IN_BASELINE * 2);
  const numbers = {
    descentRecent14dM: Math.round(recentM),
    descentPerKmM: Math.round(perKm * 10) / 10,
    usualDescentPerKmM: Math.round(usualPerKm * 10) / 10,
    changePct: change,
    biggestRunDescentM: Math.round(biggest.descentM),
    biggestRunDate: biggest.localDate,
    usualBiggestRunDescentM: Math.round(usualBiggest),
  };
  const text =
    `${formatElevation(recentM, units)} of descent in the two weeks up to the onset, ` +
    `${formatElevationPerDistance(perKm / 1000, units)} against your usual ` +
    `${formatElevationPerDistance(usualPerKm / 1000, units)}` +
    (change === null ? '' : ` (${change >= 0 ? '+' : ''}${percent(change)})`) +
    `; your most downhill run was ${biggest.localDate} with ${formatElevation(biggest.descentM, units)} ` +
    `(before: at most ${formatElevation(usualBiggest, units)}).`;
  let magnitude =
    change === null
      ? recentM >= 2 * DESCENT_MIN_CHANGE_M
        ? 1
        : 0
      : stepMagnitude(change, [
          [25, 0.4],
          [50, 0.7],
          [100, 1],
        ]);
  if (recentM - expectedM < DESCENT_MIN_CHANGE_M) magnitude = 0;
  if (magnitude === 0) return { ...noFinding('descent_increase', text), numbers };
  // A round cap in the runner's own unit: 300 m, or 1,000 ft.
  const capStep = units === 'mi' ? 50 : 10;
  const weeklyCap = elevationUnitsToMetres(
    Math.max(
      units === 'mi' ? 150 : 50,
      Math.round(metresToElevationUnits(usualWeeklyM, units) / capStep) * capStep,
    ),
    units,
  );
  return {
    id: 'descent_increase',
    magnitude,
    summary: text,
    advice:
      `Keep descent under about ${formatElevation(weeklyCap, units)} a week (your usual) for the next two weeks: pick flatter routes, ` +
      'shorten your steps or walk the steep downhills, and add hills back gradually.',
    numbers,
  };
}

function speedOf(runs: readonly CauseRun[]): { speed: number; n: number } | null {
  let distance = 0;
  let seconds = 0;
  let n = 0;
  for (const r of runs) {
    const s = activeSeconds(r);
    if (!(r.distanceM > 0) || !(s > 0)) continue;
    const v = r.distanceM / s;
    if (v < 1 || v > 7) continue; // slower than a walk or faster than a world record: a broken file
    distance += r.distanceM;
    seconds += s;
    n += 1;
  }
  return n === 0 ? null : { speed: distance / seconds, n };
}

export function paceIncrease(
  runs: readonly CauseRun[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  const recent = speedOf(runsBetween(runs, w.recentFrom, w.onsetDay));
  const usual = speedOf(runsBetween(runs, w.baselineFrom, w.baselineTo));
  if (recent === null || usual === null || usual.n < 3) {
    return noFinding('pace_increase', 'Not enough timed runs to compare your pace with before.');
  }
  const change = pct(recent.speed, usual.speed);
  const numbers = {
    recentSpeedMps: Math.round(recent.speed * 1000) / 1000,
    usualSpeedMps: Math.round(usual.speed * 1000) / 1000,
    speedChangePct: change,
  };
  const text =
    `Your average pace in the two weeks up to the onset was ${pace(recent.speed, units)} against ` +
    `${pace(usual.speed, units)} before (${change >= 0 ? `${percent(change)} faster` : `${percent(-change)} slower`}).`;
  const magnitude = stepMagnitude(change, [
    [5, 0.4],
    [10, 0.7],
    [15, 1],
  ]);
  if (magnitude === 0) return { ...noFinding('pace_increase', text), numbers };
  return {
    id: 'pace_increase',
    magnitude,
    summary: text,
    advice:
      `Run most sessions at your usual easy pace (around ${pace(usual.speed, units)}) for two weeks and bring ` +
      'speed back one session a week at a time.',
    numbers,
  };
}

/** Step rates outside this range are a mis-mapped file (strides counted as steps, or the reverse). */
const CADENCE_RANGE = [100, 260] as const;

function cadences(runs: readonly CauseRun[]): number[] {
  return runs
    .map((r) => r.avgCadenceSpm)
    .filter(
      (c): c is number => c !== null && Number.isFinite(c) && c >= CADENCE_RANGE[0] && c <= CADENCE_RANGE[1],
    );
}

export function cadenceDrop(runs: readonly CauseRun[], w: CauseWindows): FactorFinding {
  const recent = median(cadences(runsBetween(runs, w.recentFrom, w.onsetDay)));
  const usualValues = cadences(runsBetween(runs, w.baselineFrom, w.baselineTo));
  const usual = usualValues.length >= 3 ? median(usualValues) : null;
  if (recent === null || usual === null) {
    return noFinding('cadence_drop', 'Not enough runs with cadence to compare your step rate with before.');
  }
  const dropPct = Math.round(1000 * (1 - recent / usual)) / 10;
  const numbers = { recentCadenceSpm: Math.round(recent), usualCadenceSpm: Math.round(usual), dropPct };
  const text =
    `Your step rate in the two weeks up to the onset was ${Math.round(recent)} steps/min against ` +
    `${Math.round(usual)} before` +
    (dropPct > 0 ? ` (${percent(dropPct)} lower).` : dropPct < 0 ? ` (${percent(-dropPct)} higher).` : '.');
  const magnitude = stepMagnitude(dropPct, [
    [3, 0.4],
    [5, 0.7],
    [8, 1],
  ]);
  if (magnitude === 0) return { ...noFinding('cadence_drop', text), numbers };
  return {
    id: 'cadence_drop',
    magnitude,
    summary: text,
    advice:
      `Bring your step rate back to about ${Math.round(usual)} steps/min: shorter, quicker steps at the same ` +
      'pace (a metronome app helps); a 5–10 % rise lowers knee load, though the calves work a little more.',
    numbers,
  };
}

const SURFACE_OF: Record<string, string> = {
  run: 'road',
  trail_run: 'trail',
  treadmill_run: 'treadmill',
  track_run: 'track',
};

function surfaceShares(runs: readonly CauseRun[]): Map<string, number> {
  const total = totalDistance(runs);
  const shares = new Map<string, number>();
  if (total <= 0) return shares;
  for (const r of runs) {
    const surface = SURFACE_OF[r.sport as Sport] ?? 'road';
    shares.set(surface, (shares.get(surface) ?? 0) + Math.max(0, r.distanceM) / total);
  }
  return shares;
}

export function surfaceChange(runs: readonly CauseRun[], w: CauseWindows): FactorFinding {
  const recentRuns = runsBetween(runs, w.recentFrom, w.onsetDay);
  const baselineRuns = runsBetween(runs, w.baselineFrom, w.baselineTo);
  if (recentRuns.length === 0 || baselineRuns.length < 3) {
    return noFinding('surface_change', 'Too few runs to compare where you ran with before.');
  }
  const recent = surfaceShares(recentRuns);
  const usual = surfaceShares(baselineRuns);
  let tvd = 0;
  let grew: { surface: string; now: number; before: number } | null = null;
  for (const surface of new Set([...recent.keys(), ...usual.keys()])) {
    const now = recent.get(surface) ?? 0;
    const before = usual.get(surface) ?? 0;
    tvd += Math.abs(now - before) / 2;
    if (grew === null || now - before > grew.now - grew.before) grew = { surface, now, before };
  }
  const numbers = {
    shiftShare: Math.round(tvd * 1000) / 1000,
    surface: grew?.surface ?? null,
    recentShare: grew ? Math.round(grew.now * 1000) / 1000 : null,
    usualShare: grew ? Math.round(grew.before * 1000) / 1000 : null,
  };
  const magnitude = stepMagnitude(tvd, [
    [0.2, 0.4],
    [0.35, 0.7],
    [0.5, 1],
  ]);
  if (magnitude === 0 || grew === null) {
    return {
      ...noFinding('surface_change', 'Where you ran (road, trail, track, treadmill) stayed much as before.'),
      numbers,
    };
  }
  return {
    id: 'surface_change',
    magnitude,
    summary:
      `${percent(100 * grew.now)} of your running in the two weeks up to the onset was ${grew.surface} running ` +
      `(before: ${percent(100 * grew.before)}).`,
    advice: `Mix your usual surfaces back in and build ${grew.surface} running up over a few weeks.`,
    numbers,
  };
}
