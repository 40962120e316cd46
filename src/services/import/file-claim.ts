/**
 * What an export's metadata says about one file's activities when it is known before the file is decoded:
 * Strava's activities.csv names the file of each row. Plain data, so the thread that prepares the file (a
 * worker, preparation-pool.ts) lays it over the decoded activities before checking and summarising them: each
 * activity is summarised once, and its samples never travel back to the importing thread for a second pass.
 */
import type { ParsedActivity } from '../../domain/activity/activity.ts';
import type { Sport } from '../../domain/activity/sport.ts';

export interface FileClaim {
  /** The sport the export gives the activity (the runner's own label, e.g. a trail run). */
  sport: Sport;
  name: ParsedActivity['name'];
  description: ParsedActivity['description'];
  gearName: ParsedActivity['gearName'];
  externalId: ParsedActivity['externalId'];
}

/** The file's activities with the export's metadata laid over them. */
export function applyFileClaim(activities: readonly ParsedActivity[], claim: FileClaim): ParsedActivity[] {
  return activities.map((a) => ({
    ...a,
    // The runner's own label in Strava (a trail run, a treadmill run) beats a device's generic sport.
    sport:
      a.sport === 'other' || a.sport === 'run' ? (claim.sport === 'other' ? a.sport : claim.sport) : a.sport,
    name: claim.name ?? a.name,
    description: claim.description ?? a.description,
    gearName: claim.gearName ?? a.gearName,
    // The row has an "Activity Gear" cell: empty means no shoe, not "the default pair".
    gearStated: true,
    externalId: claim.externalId ?? a.externalId,
  }));
}
