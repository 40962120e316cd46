/**
 * What the demo runner generator returns: plain values (local dates, minutes after local midnight, metres,
 * seconds) that the demo service turns into stored rows. No ids and no instants: the service owns those.
 */
import type { Sport } from '../activity/sport.ts';
import type { PainLocation } from '../assessment/answer-keys.ts';

export type DemoShoeKey = 'retired' | 'worn' | 'new';

/** Why the run is in the story; the service does not store it, the tests read it. */
export type DemoRole =
  | 'easy'
  | 'tempo'
  | 'long'
  | 'trail'
  | 'treadmill'
  | 'race'
  | 'spike'
  | 'comeback'
  | 'ride';

export interface DemoActivity {
  /** Unique within one generated runner (e.g. "a0042"), so pain entries can name their run. */
  key: string;
  role: DemoRole;
  localDate: string;
  /** Local start time, minutes after midnight. */
  startMinute: number;
  sport: Sport;
  /** The sport name as a watch would write it. */
  rawSport: string;
  name: string;
  distanceM: number;
  movingTimeS: number;
  elapsedTimeS: number;
  ascentM: number;
  descentM: number;
  avgHeartRate: number;
  maxHeartRate: number;
  /** Steps per minute, both feet; null for rides (their cadence is pedal turns). */
  avgCadenceSpm: number | null;
  avgStrideM: number | null;
  calories: number;
  shoe: DemoShoeKey | null;
}

export interface DemoShoe {
  key: DemoShoeKey;
  name: string;
  brand: string;
  model: string;
  /** Distance the pair already had when the runner started logging it, metres. */
  startDistanceM: number;
  /** The local date the runner added the pair. */
  addedOn: string;
  retiredOn: string | null;
  defaultForRun: boolean;
}

export interface DemoPainEntry {
  localDate: string;
  /** HH:MM local time, or null for "when the run ended". */
  time: string | null;
  side: 'left' | 'right';
  regions: PainLocation[];
  during: number | null;
  after: number | null;
  morning: number | null;
  swelling: 'none' | 'mild';
  onset: 'gradual' | 'sudden' | null;
  /** The run the entry is about (the key of a DemoActivity). */
  activityKey: string | null;
  note: string;
}

export interface DemoAssessment {
  localDate: string;
  time: string;
  /** Raw answers as a runner gives them (spec/assessment.md); the service validates them with parseAnswers. */
  answers: Record<string, unknown>;
}

export interface DemoProgrammeSession {
  localDate: string;
  painDuring: number;
  note: string | null;
}

export interface DemoSpike {
  activityKey: string;
  localDate: string;
  distanceM: number;
  /** The longest run starting in the 30 days before it. */
  longestPrev30dM: number;
  spikePct: number;
}

export interface DemoStory {
  /** The break: days without running (a holiday, then a cold). */
  breakFrom: string;
  breakTo: string;
  goalRaceDate: string;
  spike: DemoSpike;
  /** The first day of knee pain. */
  onset: string;
}

export interface DemoRunner {
  today: string;
  seed: number;
  /** First and last activity dates. */
  from: string;
  to: string;
  activities: DemoActivity[];
  shoes: DemoShoe[];
  painEntries: DemoPainEntry[];
  assessment: DemoAssessment;
  programmeSessions: DemoProgrammeSession[];
  story: DemoStory;
}
