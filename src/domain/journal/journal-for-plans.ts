/**
 * The journal as the plans read it: the pain scores of each entry (the one pain-monitoring model judges them)
 * and where the current episode began (its run is left out of the ceiling's base). One mapping, used by the
 * plan, Today and the dashboard's plan, so they cannot read the journal differently.
 */
import type { PainDay } from '../plans/pain-monitoring.ts';
import type { PainOnset } from '../plans/pain-onset-run.ts';
import type { PainEntry } from './pain-entry.ts';
import { latestEpisode } from './pain-episodes.ts';

export function toPainDays(entries: readonly PainEntry[]): PainDay[] {
  return entries.map((e) => ({
    localDate: e.localDate,
    painDuring: e.painDuring,
    painAfter: e.painAfter,
    painNextMorning: e.painNextMorning,
  }));
}

/** The onset of the latest pain episode, or null with no painful entry. */
export function currentPainOnset(entries: readonly PainEntry[]): PainOnset | null {
  const episode = latestEpisode(entries);
  return episode === null ? null : { onset: episode.onset, onsetActivityId: episode.onsetActivityId };
}
