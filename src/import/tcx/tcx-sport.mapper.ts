import type { Sport } from '../../domain/activity/sport.ts';

/**
 * TCX names only three sports in `<Activity Sport="…">`: Running, Biking, Other. Walks, hikes, swims and skiing
 * all arrive as "Other" (Garmin vivoactive exports), so they stay 'other' rather than being guessed.
 */
export function tcxSport(sportAttribute: string): Sport {
  switch (sportAttribute.trim().toLowerCase()) {
    case 'running':
      return 'run';
    case 'biking':
      return 'ride';
    default:
      return 'other';
  }
}

/**
 * Whether plain `<Cadence>` counts strides (one foot) and must be doubled to steps/min. For Running it does
 * (Garmin writes the watch's stride cadence there); for Biking it is crank rpm and stays as written.
 * `<RunCadence>` / `<AvgRunCadence>` (ActivityExtension v2) are always strides/min, whatever the sport.
 */
export function plainCadenceIsStrides(sport: Sport): boolean {
  return sport === 'run';
}
