import type { Sport } from '../../domain/activity/sport.ts';

/**
 * GPX has no sport field in the standard; exporters put one in `<trk><type>` (Garmin Connect: "running",
 * "trail_running", "cycling"…; Strava: a number, "1" for a ride and "9" for a run; OpenTracks: free text) and
 * apps name tracks after it ("Morning Run", "Afternoon Ride"). The rule, first match wins:
 *   1. `<type>`: a known Strava number, else keywords (below);
 *   2. the track name: the same keywords as whole words;
 *   3. the file's `creator`: only apps that record nothing but runs (Nike+ Run Club);
 *   4. otherwise 'other'. Defaulting to 'run' would count hikes, rides and car trips (an eTrex log) as running
 *      load, which inflates exactly the number this app warns about; 'other' keeps them out until the user
 *      re-labels them.
 */

/** Strava's numeric `<type>` in its GPX exports. Only the two we have seen in real files are mapped. */
const STRAVA_TYPES: Readonly<Record<string, Sport>> = { '1': 'ride', '9': 'run' };

/** Keyword rules on lower-cased text, most specific first. */
const KEYWORDS: readonly [RegExp, Sport][] = [
  [/treadmill/, 'treadmill_run'],
  [/track[\s_-]?run/, 'track_run'],
  [/trail[\s_-]?run/, 'trail_run'],
  [/\b(run|running|jog|jogging)\b|_running\b|^running/, 'run'],
  [/\b(hike|hiking)\b/, 'hike'],
  [/\b(walk|walking)\b|_walking\b/, 'walk'],
  [/\b(ride|riding|cycling|biking|bike|mtb)\b|_biking\b|_cycling\b/, 'ride'],
  [/\b(swim|swimming)\b|_swimming\b/, 'swim'],
];

function byKeyword(text: string): Sport | null {
  const lower = text.toLowerCase();
  for (const [pattern, sport] of KEYWORDS) if (pattern.test(lower)) return sport;
  return null;
}

export function gpxSport(type: string | null, trackName: string | null, creator: string | null): Sport {
  if (type !== null && type.length > 0) {
    const strava = STRAVA_TYPES[type.trim()];
    if (strava !== undefined) return strava;
    // A bare "trail" type means trail running (the brief's apps); in a track NAME it is too vague.
    if (type.trim().toLowerCase() === 'trail') return 'trail_run';
    const fromType = byKeyword(type);
    if (fromType !== null) return fromType;
  }
  if (trackName !== null) {
    const fromName = byKeyword(trackName);
    if (fromName !== null) return fromName;
  }
  if (creator !== null && /nike/i.test(creator)) return 'run';
  return 'other';
}

/** Sports whose GPX cadence (Garmin TrackPointExtension `cad`) is strides per minute: doubled to steps. */
export function cadenceIsStrides(sport: Sport): boolean {
  return (
    sport === 'run' ||
    sport === 'trail_run' ||
    sport === 'treadmill_run' ||
    sport === 'track_run' ||
    sport === 'walk' ||
    sport === 'hike'
  );
}
