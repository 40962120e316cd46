import type { AcwrResult } from './acwr.ts';
import type { RunCadence } from './cadence.ts';
import type { RunDescent, WeekDescent } from './descent.ts';
import type { FitnessPoint } from './fitness-fatigue.ts';
import type { WEEKLY_CHANGE_EVIDENCE } from './load-flag.messages.ts';
import type { LoadFlag } from './load-flag.ts';
import type { LOAD_SCORE_META, LoadScoreMethod } from './load-score.ts';
import type { MonotonyResult } from './monotony.ts';
import type { RestDaysResult } from './rest-days.ts';
import type { SpikeCategory } from './session-spike.ts';
import type { WeekContext, WeekTotal } from './weekly-totals.ts';

/** One row of the spec's `load.runs` (../shared/spec/cli.md): exactly these fields. */
export interface LoadRun {
  activityId: string;
  localDate: string;
  distanceM: number;
  longestPrev30dM: number | null;
  spikePct: number | null;
  spikeCategory: SpikeCategory;
}

/** Everything else the engine knows about one run, aligned with `runs` by index. */
export interface RunDetail extends RunDescent, RunCadence {
  activityId: string;
  sport: string;
  /** The run the spike was measured against. */
  longestPrevActivityId: string | null;
  /** Days since the previous run started (by instant), null for the first run. */
  daysSincePreviousRun: number | null;
  loadScore: number;
  loadMethod: LoadScoreMethod;
}

export interface CeilingDetail {
  longestM: number;
  longestActivityId: string;
  longestDate: string;
  /** First and last local day of the window (asOf−29 … asOf). */
  windowStart: string;
  windowEnd: string;
  factor: number;
  source: string;
}

export interface TrainingLoadSummary {
  algorithmVersion: string;
  recurrence: string;
  loadUnit: string;
  source: string;
  note: string;
  today: FitnessPoint;
  /** The last 84 days up to asOf, oldest first. */
  series: FitnessPoint[];
}

export interface LoadReport {
  // --- the spec's `kneewise load --json` fields -------------------------------------------------------
  asOf: string;
  runs: LoadRun[];
  nextRunCeilingM: number | null;
  weeks: WeekTotal[];
  // --- extras -------------------------------------------------------------------------------------------
  algorithmVersion: string;
  /** A plain sentence when there is nothing to compute (empty history), else null. */
  message: string | null;
  duplicatesIgnored: number;
  ceiling: CeilingDetail | null;
  runDetails: RunDetail[];
  weekContext: WeekContext[];
  /** The 10 % rule and the 30 % two-week signal, with what the trials found. */
  weeklyChangeEvidence: typeof WEEKLY_CHANGE_EVIDENCE;
  weekDescent: WeekDescent[];
  /** How `runDetails[].loadScore` was computed. */
  loadScoring: typeof LOAD_SCORE_META;
  trainingLoad: TrainingLoadSummary;
  acwr: AcwrResult;
  monotony: MonotonyResult;
  restDays: RestDaysResult;
  /** Flags dated within flagWindow, most severe first, then newest first. */
  flags: LoadFlag[];
  flagWindow: { from: string; to: string };
}
