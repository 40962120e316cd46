/**
 * The JSON the Plans screen reads and writes (src/http/API.md rows /plan, /routines, /programme,
 * /programme-sessions, /advice). Shapes follow the CLI's `--json` output (src/services/plan/plan-json.ts,
 * `routine --json`, `advice --json`); types that live in the pure domain are imported from there.
 */

import type { AdviceTopic } from '../../../src/domain/plans/advice.catalog.ts';
import type { Dose } from '../../../src/domain/plans/exercise.ts';
import type { SessionKind } from '../../../src/domain/plans/plan-generator.ts';
import type { ReturnDecision } from '../../../src/domain/plans/return-to-run.ts';
import type { Routine } from '../../../src/domain/plans/routine.ts';

export type { Routine, RoutineStep } from '../../../src/domain/plans/routine.ts';
export type { SessionKind };

export interface SourcedText {
  text: string;
  source: string;
}

/** GET /api/plan (= `plan --json`). */
export interface PlanJson {
  start: string;
  programme: { id: string; name: string; reason: string; warning: string | null };
  pain: { signal: 'green' | 'amber' | 'red'; reason: string; source: string };
  returnToRun: ReturnDecision | null;
  /** The run during which the current pain began, left out of the ceilings while the knee hurts. */
  painRun: { localDate: string; distanceM: number } | null;
  rules: SourcedText[];
  weeks: PlanWeekJson[];
}

export interface PlanWeekJson {
  weekStart: string;
  /** The rest of the current week: the plan opened on a day inside it. */
  partial?: boolean;
  mode: 'return' | 'build';
  lighter: boolean;
  plannedRunM: number;
  sessions: PlanSessionJson[];
}

export interface PlanSessionJson {
  date: string;
  kind: SessionKind;
  distanceM: number | null;
  ceilingM: number | null;
  note: string;
  title: string;
  exercises?: string[];
  walkRunLevel?: number;
}

/** GET /api/routines */
export interface RoutineList {
  routines: { name: string; title: string; durationS: number }[];
}

/** GET /api/routines/:name (= `routine --json`). */
export type RoutineJson = Routine;

/** GET /api/advice (= `advice --json`); return-to-run arrives as one more topic. */
export interface AdviceJson {
  topics: { id: AdviceTopic['id'] | 'return-to-run' | (string & {}); title: string; points: SourcedText[] }[];
}

/** POST /api/programme-sessions body. */
export interface ProgrammeSessionBody {
  programmeId: string;
  date?: string;
  phaseIndex?: number;
  painDuring?: number;
  note?: string;
}

/** One logged programme session (POST /api/programme-sessions answers `{ session }`). */
export interface ProgrammeSessionJson {
  id: string;
  date: string;
  programmeId: string;
  phaseIndex: number | null;
  label: string;
  painDuring: number | null;
  note: string | null;
  createdAt: string;
}

/** One phase of the programme as GET /api/programme sends it (src/services/programme.service.ts). */
export interface ProgrammePhaseJson {
  index: number;
  name: string;
  weeks: number;
  sessionsPerWeek: number;
  goal: string;
  advanceWhen: string;
  exercises: { id: string; name: string; dose: Dose; doseText: string }[];
}

/** GET /api/programme: the programme picked from the latest assessment and where the runner stands in it. */
export interface ProgrammeJson {
  programme: {
    id: string;
    name: string;
    summary: string;
    phases: ProgrammePhaseJson[];
    runningAdvice: string[];
    source: string;
  };
  choice: { reason: string; warning: string | null };
  sessionsDone: number;
  /** 0-based phase the runner stands in if every week so far stayed green. */
  currentPhaseIndex: number;
  sessions: ProgrammeSessionJson[];
}
