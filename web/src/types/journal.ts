/**
 * What the journal screen exchanges with the API (src/http/API.md): pain entries (`pain list --json`), the
 * calendar of distance and pain per day, and the recent runs an entry can belong to.
 */
import type { PainEntry } from '../../../src/domain/journal/pain-entry.ts';
import type { PainEpisode } from '../../../src/domain/journal/pain-episodes.ts';

export type { PainEntry, PainEpisode };

/** GET /api/pain */
export interface PainList {
  entries: PainEntry[];
  episodes?: PainEpisode[];
}

/** The body of POST /api/pain and PATCH /api/pain/:id (RawPainFields, with numbers as numbers). */
export interface PainBody {
  date?: string;
  side?: string;
  regions?: string[];
  during?: number;
  after?: number;
  morning?: number;
  swelling?: string;
  /** A run's id, or '' to unlink the entry from any run. */
  run?: string;
  /** '' clears the note. */
  note?: string;
}

export interface CalendarDay {
  date: string;
  distanceM: number;
  runs: number;
  maxPain: number | null;
  entries: number;
}

/** GET /api/journal/calendar */
export interface JournalCalendar {
  from: string;
  to: string;
  days: CalendarDay[];
}

/** One run of GET /api/activities (`activities --json`): the fields the journal uses. */
export interface RunSummary {
  id: string;
  start: string;
  localDate: string;
  sport: string;
  distanceM: number;
  movingTimeS: number;
  name: string | null;
}

export interface ActivityList {
  activities: RunSummary[];
}
