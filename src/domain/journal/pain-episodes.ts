import { dayNumber } from '../load/calendar-day.ts';
import { type PainEntry, peakPain } from './pain-entry.ts';

/**
 * Groups journal entries into episodes. An episode starts with the first painful entry (any score of 1 or
 * more) and goes on while painful entries follow within 14 days of each other; a longer pain-free stretch
 * starts a new episode. Fourteen days mirrors the two-week window `why` looks at: pain that went away for
 * longer than that is a new question. Pain-free entries inside an episode stay in it (they show recovery).
 */
export const EPISODE_GAP_DAYS = 14;
export const PAINFUL_FROM = 1;

export interface PainEpisode {
  /** The local date of the first painful entry: what `why` explains. */
  onset: string;
  lastDate: string;
  entryIds: string[];
  peakPain: number;
  sides: string[];
  regions: string[];
  /** From the first painful entry, when the runner said. */
  onsetType: string | null;
  onsetActivityId: string | null;
}

export function groupEpisodes(entries: readonly PainEntry[]): PainEpisode[] {
  const sorted = [...entries].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const episodes: PainEpisode[] = [];
  let current: PainEpisode | null = null;
  let lastPainfulDay = 0;
  for (const entry of sorted) {
    const day = dayNumber(entry.localDate);
    const painful = peakPain(entry) >= PAINFUL_FROM;
    if (current !== null && day - lastPainfulDay > EPISODE_GAP_DAYS) current = null;
    if (current === null) {
      if (!painful) continue;
      current = {
        onset: entry.localDate,
        lastDate: entry.localDate,
        entryIds: [],
        peakPain: 0,
        sides: [],
        regions: [],
        onsetType: entry.onset,
        onsetActivityId: entry.activityId,
      };
      episodes.push(current);
    }
    current.entryIds.push(entry.id);
    current.lastDate = entry.localDate;
    current.peakPain = Math.max(current.peakPain, peakPain(entry));
    if (entry.side !== null && !current.sides.includes(entry.side)) current.sides.push(entry.side);
    for (const r of entry.regions) if (!current.regions.includes(r)) current.regions.push(r);
    if (painful) lastPainfulDay = day;
  }
  return episodes;
}

/** The episode whose onset is the latest, or null with no painful entry at all. */
export function latestEpisode(entries: readonly PainEntry[]): PainEpisode | null {
  const episodes = groupEpisodes(entries);
  return episodes[episodes.length - 1] ?? null;
}
