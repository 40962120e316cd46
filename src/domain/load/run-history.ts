import { isRunningSport } from '../activity/sport.ts';
import type { LoadActivity } from './load-activity.ts';

/**
 * Turns whatever the store hands over into a duplicate-free, deterministically ordered history, so every
 * later step is independent of import order.
 *
 * Duplicates: the same id twice keeps one copy chosen by content (not by position); two running activities
 * starting at the same instant are the same run imported from two files (a watch FIT and the Strava export
 * of it), so the one with the smaller id is kept.
 */
export interface NormalizedHistory {
  /** Running activities, sorted by (startMs, id). */
  runs: LoadActivity[];
  /** Walks, hikes, rides, swims, other: cross-training, sorted by (startMs, id). */
  crossTraining: LoadActivity[];
  duplicatesIgnored: number;
}

export function compareActivities(a: LoadActivity, b: LoadActivity): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A content key so that which copy of a repeated id survives does not depend on input order. */
export function contentKey(a: LoadActivity): string {
  return [
    a.startMs,
    a.sport,
    a.localDate,
    a.distanceM,
    a.movingTimeS,
    a.elapsedTimeS,
    a.descentM,
    a.avgHeartRate,
  ].join('|');
}

export function normalizeHistory(activities: readonly LoadActivity[]): NormalizedHistory {
  const byId = new Map<string, LoadActivity>();
  let duplicatesIgnored = 0;
  for (const activity of activities) {
    const existing = byId.get(activity.id);
    if (existing === undefined) {
      byId.set(activity.id, activity);
      continue;
    }
    duplicatesIgnored += 1;
    if (contentKey(activity) < contentKey(existing)) byId.set(activity.id, activity);
  }
  const sorted = [...byId.values()].sort(compareActivities);
  const runs: LoadActivity[] = [];
  const crossTraining: LoadActivity[] = [];
  for (const activity of sorted) {
    if (!isRunningSport(activity.sport)) {
      crossTraining.push(activity);
      continue;
    }
    const previous = runs[runs.length - 1];
    // Sorted by (startMs, id): the first run at a given instant has the smallest id and is the one kept.
    if (previous !== undefined && previous.startMs === activity.startMs) {
      duplicatesIgnored += 1;
      continue;
    }
    runs.push(activity);
  }
  return { runs, crossTraining, duplicatesIgnored };
}

/** Index of the first element of `sorted` whose startMs is ≥ `startMs` (binary search). */
export function lowerBoundByStart(sorted: readonly { startMs: number }[], startMs: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startMs < startMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
