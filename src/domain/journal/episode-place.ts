/**
 * Where and on which side an episode hurts, for the clinician report: the journal's own words first, and the
 * knee check's answers when no journal entry said (a runner who marks the outer knee on the knee map and logs
 * only scores must not read "Where: not recorded" beside a differential built on that outer-knee answer).
 */
import { PAIN_LOCATIONS, SIDES } from '../assessment/answer-keys.ts';

export interface EpisodePlace {
  sides: string[];
  regions: string[];
}

function known(values: readonly string[], value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && values.includes(v));
}

export function episodePlace(
  episode: EpisodePlace,
  answers: Readonly<Record<string, unknown>>,
): EpisodePlace {
  return {
    sides: episode.sides.length > 0 ? episode.sides : known(SIDES, answers.side),
    regions:
      episode.regions.length > 0
        ? episode.regions
        : [...new Set(known(PAIN_LOCATIONS, answers.painLocation))],
  };
}
