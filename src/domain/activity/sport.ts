/**
 * The sport vocabulary of ../shared/spec/cli.md. Every importer maps its own sport names onto these.
 * Only the running sports count as running load; the rest is cross-training.
 */
export const SPORTS = [
  'run',
  'trail_run',
  'treadmill_run',
  'track_run',
  'walk',
  'hike',
  'ride',
  'swim',
  'other',
] as const;

export type Sport = (typeof SPORTS)[number];

export const RUNNING_SPORTS: ReadonlySet<Sport> = new Set<Sport>([
  'run',
  'trail_run',
  'treadmill_run',
  'track_run',
]);

export function isRunningSport(sport: Sport): boolean {
  return RUNNING_SPORTS.has(sport);
}

export function isSport(value: string): value is Sport {
  return (SPORTS as readonly string[]).includes(value);
}
