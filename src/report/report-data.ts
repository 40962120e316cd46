/**
 * The clinician report as plain values: what report.service gathers from storage and what the components and
 * charts render. Distances stay in metres here; the components convert to the runner's units at display.
 */
import type { DistanceUnits } from '../domain/units.ts';

export interface RunnerSummary {
  /** "30–39 years", from the assessment's age or the birth year in settings; null when unknown. */
  ageBand: string | null;
  sex: string | null;
  /** Plain words: how long the imported history goes back, and "novice" when the runner said so. */
  experience: string;
  /** Mean weekly running distance over `volumeWeeks` weeks before onset (or before today). */
  weeklyVolumeM: number | null;
  volumeWeeks: number;
  runsPerWeek: number | null;
}

export interface PainPoint {
  date: string;
  during: number | null;
  after: number | null;
  nextMorning: number | null;
  swelling: string | null;
  note: string | null;
}

export interface EpisodeSummary {
  onset: string;
  lastDate: string;
  sides: string[];
  regions: string[];
  onsetType: string | null;
  peakPain: number;
  entries: PainPoint[];
  /** Worst swelling logged in the episode (none < mild < severe). */
  swelling: string | null;
  /** Provoking activities, from the saved answers and the pain-start distance. */
  worseWith: string[];
}

export interface RedFlagAnswer {
  question: string;
  /** `not asked`: the questionnaire did not reach it; `not answered`: asked and left as "don't know". */
  answer: 'yes' | 'no' | 'not answered' | 'not asked';
}

export interface DifferentialItem {
  name: string;
  kind: 'must-not-miss' | 'likely';
  likelihood: number | null;
  /** Plain words: "likely", "must be checked". */
  band: string | null;
  reasons: string[];
  /** A danger only an unanswered question keeps open: left out of the table, named under "Not ruled out". */
  openQuestion: boolean;
}

export interface AssessmentSummary {
  date: string;
  urgency: string;
  headline: string | null;
  urgencyReasons: string[];
  conditions: { name: string; likelihood: number; reasons: string[] }[];
  mustNotMiss: { id: string; reason: string }[];
  /** The spec's `differential`, in its order (must-not-miss first); empty for rows saved before it existed. */
  differential: DifferentialItem[];
  redFlags: RedFlagAnswer[];
  ottawa: { applies: boolean; positive: boolean; criteriaMet: string[] };
  notRuledOut: string[];
  sources: string[];
}

export interface TrainingWeek {
  weekStart: string;
  distanceM: number;
  runs: number;
  changePct: number | null;
  descentM: number | null;
  /** The week holds a run more than 30 % longer than the longest of the 30 days before it. */
  hasSpike: boolean;
}

export interface TrainingRun {
  date: string;
  distanceM: number;
  spikePct: number | null;
  spikeCategory: string;
  descentM: number | null;
  cadenceSpm: number | null;
}

export interface TrainingSummary {
  from: string;
  to: string;
  weeks: TrainingWeek[];
  runs: TrainingRun[];
  /** Plain-language load flags dated inside the window, most severe first. */
  flags: string[];
  note: string | null;
}

export interface ShoeSummary {
  name: string;
  distanceM: number;
  runs: number;
  firstRunDate: string | null;
  lastRunDate: string | null;
  retired: boolean;
  alert: string | null;
}

export interface TriedSummary {
  since: string;
  daysSince: number;
  runs: number;
  distanceM: number;
  /** Days without a run since onset (today included). */
  daysWithoutRun: number;
  programmeSessions: { count: number; first: string | null; last: string | null; programmes: string[] };
  crossTraining: { sport: string; sessions: number; durationS: number }[];
}

export interface CauseFactorSummary {
  label: string;
  strength: string;
  summary: string;
  source: string;
}

/** `unavailable`: the cause analysis could not run (no service, or it failed); the reason is shown. */
export type CauseSummary =
  | { status: 'ok'; onset: string; factors: CauseFactorSummary[] }
  | { status: 'unavailable'; reason: string };

export interface ReportData {
  generatedOn: string;
  units: DistanceUnits;
  isDemo: boolean;
  runner: RunnerSummary;
  episode: EpisodeSummary | null;
  assessment: AssessmentSummary | null;
  training: TrainingSummary;
  shoes: ShoeSummary[];
  tried: TriedSummary | null;
  causes: CauseSummary | null;
  sources: string[];
}
