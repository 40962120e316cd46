/**
 * GET /api/today (src/services/today.service.ts → TodayView). Re-declared here because the dashboard may not
 * import from src/services; the pure domain types are imported as types only.
 */
import type { Urgency } from '../../../src/domain/assessment/urgency.types.ts';
import type { PainEntry } from '../../../src/domain/journal/pain-entry.ts';
import type { LoadFlag } from '../../../src/domain/load/load-flag.ts';
import type { CeilingDetail, LoadRun } from '../../../src/domain/load/load-report.ts';
import type { PainStatus } from '../../../src/domain/plans/pain-monitoring.ts';
import type { ShoeWearStatus } from '../../../src/domain/shoes/shoe-thresholds.ts';

export type { Urgency } from '../../../src/domain/assessment/urgency.types.ts';
export type { PainEntry } from '../../../src/domain/journal/pain-entry.ts';
export type { LoadFlag } from '../../../src/domain/load/load-flag.ts';
export type { PainStatus } from '../../../src/domain/plans/pain-monitoring.ts';

/** `kneewise status --json`. */
export interface StatusJson {
  asOf: string;
  nextRunCeilingM: number | null;
  flags: LoadFlag[];
  message: string | null;
  summary: string;
}

export interface WeekSummary {
  weekStart: string;
  distanceM: number;
  runs: number;
}

export interface TodayLoad {
  nextRunCeilingM: number | null;
  /** The longest run behind the ceiling (ceiling = 1.10 × it); null without a run in the last 30 days. */
  ceiling: CeilingDetail | null;
  flags: LoadFlag[];
  message: string | null;
  lastRun: (LoadRun & { sport: string; daysAgo: number }) | null;
  thisWeek: WeekSummary;
  previousWeek: WeekSummary;
  last7Days: { distanceM: number; runs: number; restDays: number };
  /** What sets the next run (src/services/today.service.ts NextRunLead). */
  nextRun: NextRunLead;
}

/** The ceiling leads, or — while pain is not settling or a walk-run level is active — that level's session. */
export interface NextRunLead {
  leads: 'ceiling' | 'pain' | 'return-to-run';
  session: {
    date: string;
    title: string;
    distanceM: number | null;
    note: string;
    walkRunLevel?: number;
  } | null;
  ceilingM: number | null;
  painRun: { localDate: string; distanceM: number } | null;
  reason: string | null;
}

/** The parts of a ShoeView the Today screen reads (shoes with a reminder only). */
export interface TodayShoeAlert {
  id: string;
  name: string;
  distanceM: number;
  status: ShoeWearStatus;
  alert: string | null;
}

export interface TopCondition {
  id: string;
  name: string;
  likelihood: number;
}

export interface LatestAssessment {
  id: string;
  createdAt: string;
  urgency: Urgency;
  headline: string;
  topConditions: TopCondition[];
}

export interface NextPlanned {
  date: string;
  kind: 'run' | 'cross' | 'strength';
  title: string;
  distanceM: number | null;
  ceilingM: number | null;
  note: string;
  programme: { id: string; name: string; warning: string | null };
}

export interface TodayResponse {
  asOf: string;
  /** Today in the runner's zone (asOf may be another day). */
  today: string;
  status: StatusJson;
  load: TodayLoad;
  shoeAlerts: TodayShoeAlert[];
  latestPain: PainEntry | null;
  /** The pain-monitoring traffic light over the last two weeks of the journal. */
  painStatus: PainStatus;
  latestAssessment: LatestAssessment | null;
  nextPlanned: NextPlanned | null;
}
