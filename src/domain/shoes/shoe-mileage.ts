import { isRunningSport, type Sport } from '../activity/sport.ts';
import { dateOfDay, dayNumber } from '../load/calendar-day.ts';
import {
  DEFAULT_SHOE_THRESHOLDS,
  type ShoeThresholds,
  type ShoeWearStatus,
  shoeWearStatus,
} from './shoe-thresholds.ts';

/**
 * Distance per shoe and rotation stats. A shoe's distance is its starting distance (a second-hand pair, or a
 * pair used before the runner's history begins) plus every running activity assigned to it; walks in the
 * same shoes are not counted, to keep the number comparable with what running-shoe advice means.
 */
export interface ShoeRecord {
  id: string;
  name: string;
  startDistanceM: number;
  retiredAt: string | null;
}

export interface ShoeRunRef {
  shoeId: string | null;
  sport: Sport;
  localDate: string;
  distanceM: number;
}

export interface ShoeMileage {
  shoeId: string;
  distanceM: number;
  runs: number;
  firstRunDate: string | null;
  lastRunDate: string | null;
  status: ShoeWearStatus;
}

export function shoeMileage(
  shoe: ShoeRecord,
  runs: readonly ShoeRunRef[],
  options: { upTo?: string; thresholds?: ShoeThresholds } = {},
): ShoeMileage {
  const upToDay = options.upTo === undefined ? null : dayNumber(options.upTo);
  let distance = Number.isFinite(shoe.startDistanceM) ? Math.max(0, shoe.startDistanceM) : 0;
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const run of runs) {
    if (run.shoeId !== shoe.id || !isRunningSport(run.sport)) continue;
    if (upToDay !== null && dayNumber(run.localDate) > upToDay) continue;
    distance += Number.isFinite(run.distanceM) && run.distanceM > 0 ? run.distanceM : 0;
    count += 1;
    if (first === null || run.localDate < first) first = run.localDate;
    if (last === null || run.localDate > last) last = run.localDate;
  }
  return {
    shoeId: shoe.id,
    distanceM: Math.round(distance * 10) / 10,
    runs: count,
    firstRunDate: first,
    lastRunDate: last,
    status: shoeWearStatus(distance, options.thresholds ?? DEFAULT_SHOE_THRESHOLDS),
  };
}

export interface RotationStats {
  /** The window the stats cover, local dates inclusive. */
  from: string;
  to: string;
  runs: number;
  runsWithShoe: number;
  /** Shoes used at least once in the window. */
  shoesUsed: number;
  /** Share of the window's running distance per shoe, largest first. */
  shares: { shoeId: string; runs: number; distanceM: number; share: number }[];
  /** True when at least two pairs each carried 20 % or more of the distance. */
  rotating: boolean;
}

/** Rotation over the `days` days ending at `to` (a local date), by distance. */
export function rotationStats(runs: readonly ShoeRunRef[], to: string, days = 90): RotationStats {
  const toDay = dayNumber(to);
  const fromDay = toDay - (days - 1);
  const perShoe = new Map<string, { runs: number; distanceM: number }>();
  let total = 0;
  let count = 0;
  let withShoe = 0;
  for (const run of runs) {
    if (!isRunningSport(run.sport)) continue;
    const day = dayNumber(run.localDate);
    if (day < fromDay || day > toDay) continue;
    count += 1;
    if (run.shoeId === null) continue;
    withShoe += 1;
    const d = Number.isFinite(run.distanceM) && run.distanceM > 0 ? run.distanceM : 0;
    total += d;
    const entry = perShoe.get(run.shoeId) ?? { runs: 0, distanceM: 0 };
    entry.runs += 1;
    entry.distanceM += d;
    perShoe.set(run.shoeId, entry);
  }
  const shares = [...perShoe.entries()]
    .map(([shoeId, v]) => ({
      shoeId,
      runs: v.runs,
      distanceM: Math.round(v.distanceM * 10) / 10,
      share: total > 0 ? Math.round((1000 * v.distanceM) / total) / 1000 : 0,
    }))
    .sort((a, b) => b.distanceM - a.distanceM || (a.shoeId < b.shoeId ? -1 : 1));
  return {
    from: dateOfDay(fromDay),
    to,
    runs: count,
    runsWithShoe: withShoe,
    shoesUsed: shares.length,
    shares,
    rotating: shares.filter((s) => s.share >= 0.2).length >= 2,
  };
}
