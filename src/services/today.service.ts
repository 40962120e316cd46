/**
 * The dashboard's landing screen in one call: the state of the knee and the training as of a day. The
 * history is read once and the load report computed once (load-snapshot.service.ts); the status, the week
 * totals, the shoe reminders and the next planned session are all derived from them. The next run follows the
 * pain: while the journal says pain is not settling, or a walk-run level is active, the headline is that
 * level's session from the same plan as `kneewise plan`, and the 10 % ceiling is context.
 */
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import type { Assessment } from '../domain/assessment/assessment.types.ts';
import { currentPainOnset, toPainDays } from '../domain/journal/journal-for-plans.ts';
import type { PainEntry } from '../domain/journal/pain-entry.ts';
import { addDays, dateOfDay, dayNumber, weekStartOf } from '../domain/load/calendar-day.ts';
import type { LoadFlag } from '../domain/load/load-flag.ts';
import type { CeilingDetail, LoadReport, LoadRun } from '../domain/load/load-report.ts';
import type { StatusReport } from '../domain/load/status-report.ts';
import type { PainStatus } from '../domain/plans/pain-monitoring.ts';
import { generatePlan, type Plan, type PlanSession } from '../domain/plans/plan-generator.ts';
import { pickProgramme } from '../domain/plans/programme-picker.ts';
import {
  type AssessmentHeadline,
  assessmentHeadline,
  latestSavedAssessment,
} from './assessment-history.service.ts';
import { JournalService } from './journal.service.ts';
import { resolveAsOf } from './load.service.ts';
import {
  type HistoryRow,
  type LoadReportCache,
  loadSnapshot,
  loadStatusReport,
} from './load-snapshot.service.ts';
import { PlanService } from './plan.service.ts';
import { planStartAndHistory, readPlanHistoryRows } from './plan-history-rows.ts';
import { ShoeService, type ShoeView, shoeRunRefs } from './shoe.service.ts';
import { type StatusJson, statusJson } from './status-json.ts';

export interface WeekSummary {
  weekStart: string;
  distanceM: number;
  runs: number;
}

/** What sets the next run, and the figures to show for it. */
export interface NextRunLead {
  /**
   * `ceiling`: the 10 % ceiling is the headline. `pain`: the journal says pain is not settling (red), and
   * `return-to-run`: a walk-run level is active; in both the next planned run leads and the ceiling is context.
   */
  leads: 'ceiling' | 'pain' | 'return-to-run';
  /** The next planned run from the same plan as `kneewise plan` (null when none in the coming week). */
  session: {
    date: string;
    title: string;
    distanceM: number | null;
    note: string;
    walkRunLevel?: number;
  } | null;
  /** The ceiling to show: the headline when the ceiling leads, context otherwise; null without a baseline. */
  ceilingM: number | null;
  /** The run during which the pain began, when it would otherwise have set the ceiling shown. */
  painRun: { localDate: string; distanceM: number } | null;
  /** Why pain or the return leads, in the runner's terms; null when the ceiling leads. */
  reason: string | null;
}

export interface TodayLoad {
  nextRunCeilingM: number | null;
  /** The longest run behind the ceiling (1.10 × it), null without a run in the last 30 days. */
  ceiling: CeilingDetail | null;
  flags: LoadFlag[];
  message: string | null;
  lastRun: (LoadRun & { sport: string; daysAgo: number }) | null;
  thisWeek: WeekSummary;
  previousWeek: WeekSummary;
  last7Days: { distanceM: number; runs: number; restDays: number };
  /** The next run: the ceiling, or the pain's and the return's own session with the ceiling as context. */
  nextRun: NextRunLead;
}

export interface NextPlanned {
  date: string;
  kind: 'run' | 'cross' | 'strength';
  title: string;
  distanceM: number | null;
  ceilingM: number | null;
  note: string;
  exercises?: string[];
  walkRunLevel?: number;
  programme: { id: string; name: string; warning: string | null };
}

export interface TodayView {
  asOf: string;
  /** Today in the runner's zone (asOf may be another day). */
  today: string;
  status: StatusJson;
  load: TodayLoad;
  shoeAlerts: ShoeView[];
  latestPain: PainEntry | null;
  /** The pain-monitoring traffic light over the last two weeks of the journal. */
  painStatus: PainStatus;
  latestAssessment: AssessmentHeadline | null;
  nextPlanned: NextPlanned | null;
}

export class TodayService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
    private readonly cache: LoadReportCache,
  ) {}

  async today(options: { asOf?: string } = {}): Promise<TodayView> {
    const today = resolveAsOf(undefined, this.now(), this.athlete);
    const asOf = resolveAsOf(options.asOf, this.now(), this.athlete);
    const { rows, report, known, assessment } = await this.inputs(asOf);
    const [shoes, planned] = await Promise.all([
      new ShoeService(this.db, this.athlete, this.now).list({
        includeRetired: false,
        runs: shoeRunRefs(rows),
      }),
      this.nextPlanned(rows, known, assessment?.result ?? null, asOf),
    ]);
    const nextRun = nextRunLead(report, planned.plan);
    return {
      asOf,
      today,
      status: statusJson(report, { units: this.athlete.settings.units, today, nextRun }),
      load: { ...this.loadSummary(report, rows, asOf), nextRun },
      shoeAlerts: shoes.shoes.filter((s) => s.alert !== null),
      latestPain: known[known.length - 1] ?? null,
      painStatus: planned.pain,
      latestAssessment: assessment === null ? null : assessmentHeadline(assessment),
      nextPlanned: planned.next,
    };
  }

  /**
   * Only what sets the next run, with the load report it was built on (`kneewise status`): the same
   * inputs as `today`, without the shoes and the rest of the page.
   */
  async nextRun(asOf: string): Promise<{ report: StatusReport; nextRun: NextRunLead }> {
    // Only the runs the plan reads, and the report's status part (read back when the database keeps it): a
    // command that runs once need not read a ten-year history for either.
    const [report, runs, { known, assessment }] = await Promise.all([
      loadStatusReport(this.db, this.athlete, asOf, this.cache),
      readPlanHistoryRows(this.db, this.athlete.id, asOf),
      this.journalAndKneeCheck(asOf),
    ]);
    const planned = await this.nextPlanned(runs, known, assessment?.result ?? null, asOf);
    return { report, nextRun: nextRunLead(report, planned.plan) };
  }

  /** The history, its load report, the journal up to `asOf` and the latest knee check. */
  private async inputs(asOf: string) {
    const [{ rows, report }, { known, assessment }] = await Promise.all([
      loadSnapshot(this.db, this.athlete, asOf, this.cache),
      this.journalAndKneeCheck(asOf),
    ]);
    return { rows, report, known, assessment };
  }

  /** The pain entries known on `asOf` and the latest saved knee check: what the plan reads besides the runs. */
  private async journalAndKneeCheck(asOf: string) {
    const [entries, assessment] = await Promise.all([
      new JournalService(this.db, this.athlete, this.now).all(),
      latestSavedAssessment(this.db, this.athlete.id),
    ]);
    return { known: entries.filter((e) => e.localDate <= asOf), assessment };
  }

  private loadSummary(
    report: LoadReport,
    rows: readonly HistoryRow[],
    asOf: string,
  ): Omit<TodayLoad, 'nextRun'> {
    const weekStart = this.athlete.settings.weekStart;
    const thisWeek = dateOfDay(weekStartOf(dayNumber(asOf), weekStart));
    const previousWeek = addDays(thisWeek, -7);
    const week = (start: string): WeekSummary => {
      const w = report.weeks.find((x) => x.weekStart === start);
      return { weekStart: start, distanceM: w?.distanceM ?? 0, runs: w?.runs ?? 0 };
    };
    const last = report.runs[report.runs.length - 1];
    const lastSport = last === undefined ? null : rows.find((r) => r.id === last.activityId)?.sport;
    const weekAgo = dayNumber(asOf) - 7;
    return {
      nextRunCeilingM: report.nextRunCeilingM,
      ceiling: report.ceiling,
      flags: report.flags,
      message: report.message,
      lastRun:
        last === undefined
          ? null
          : { ...last, sport: lastSport ?? 'run', daysAgo: dayNumber(asOf) - dayNumber(last.localDate) },
      thisWeek: week(thisWeek),
      previousWeek: week(previousWeek),
      last7Days: {
        distanceM: report.acwr.acute7dM,
        runs: report.runs.filter((r) => dayNumber(r.localDate) > weekAgo).length,
        restDays: report.restDays.restDaysLast7,
      },
    };
  }

  /**
   * The first session that is not a rest day in the plan from `asOf` (from the next day when a run is
   * already recorded that day), built from the same inputs as `kneewise plan`. `rows`: the history, or at
   * least the runs the plan reads (readPlanHistoryRows).
   */
  private async nextPlanned(
    rows: readonly HistoryRow[],
    entries: readonly PainEntry[],
    assessment: Assessment | null,
    asOf: string,
  ): Promise<{ next: NextPlanned | null; pain: PainStatus; plan: Plan }> {
    const { start, history } = planStartAndHistory(rows, asOf);
    const programme = pickProgramme(
      assessment === null
        ? null
        : {
            urgency: assessment.urgency,
            conditions: assessment.conditions,
            differential: assessment.differential ?? [],
          },
    );
    const done = await new PlanService(this.db).programmeSessionsDone(this.athlete.id, programme.programmeId);
    const plan = generatePlan({
      start,
      // The rest of this week and the next, in the runner's weeks as `kneewise plan` lays them out: the next
      // session is then the plan's own first one, even on the last day of a week.
      weeks: 1,
      weekStartsOn: this.athlete.settings.weekStart,
      goalKm: null,
      history,
      journal: toPainDays(entries),
      painOnset: currentPainOnset(entries),
      today: asOf,
      programme,
      programmeSessionsDone: done,
      units: this.athlete.settings.units,
    });
    const session = plan.weeks[0]?.sessions.find((s) => s.kind !== 'rest' && s.date >= start);
    if (session === undefined || session.kind === 'rest') return { next: null, pain: plan.pain, plan };
    return {
      plan,
      pain: plan.pain,
      next: {
        date: session.date,
        kind: session.kind,
        title: session.title,
        distanceM: session.distanceM,
        ceilingM: session.ceilingM,
        note: session.note,
        ...(session.exercises ? { exercises: session.exercises } : {}),
        ...(session.walkRunLevel !== undefined ? { walkRunLevel: session.walkRunLevel } : {}),
        programme: {
          id: plan.programme.programmeId,
          name: plan.programme.name,
          warning: plan.programme.warning,
        },
      },
    };
  }
}

function firstRun(plan: Plan): PlanSession | null {
  return plan.weeks.flatMap((w) => w.sessions).find((s) => s.kind === 'run') ?? null;
}

/**
 * What leads the next run. The plan already steps back when pain is red (walk-run from the protect day on),
 * holds the load when it is amber, builds back gently while it settles, and keeps a runner on the ladder, so
 * while the journal holds knee pain from the last two weeks, or a return is on, its first run leads and the
 * ceiling shown as context is that session's, without the run during which the pain began (a ceiling in large
 * type over the run that hurt the knee would invite it again). Otherwise the ceiling leads with the same
 * figure as `status`.
 */
export function nextRunLead(
  report: Pick<LoadReport, 'ceiling' | 'nextRunCeilingM'>,
  plan: Plan,
): NextRunLead {
  const run = firstRun(plan);
  const leads: NextRunLead['leads'] =
    plan.pain.signal === 'red'
      ? 'pain'
      : plan.weeks[0]?.mode === 'return'
        ? 'return-to-run'
        : plan.pain.trend !== 'none'
          ? 'pain'
          : 'ceiling';
  const longest = report.ceiling;
  // Named only when it is what the `status` figure is built on, so the runner sees why the two differ.
  const painRunSetsCeiling =
    leads !== 'ceiling' &&
    plan.painRun !== null &&
    longest !== null &&
    plan.painRun.localDate === longest.longestDate &&
    Math.abs(plan.painRun.distanceM - longest.longestM) < 1;
  const ceilingM = leads !== 'ceiling' ? (run?.ceilingM ?? null) : report.nextRunCeilingM;
  const reason =
    leads === 'pain'
      ? plan.pain.trend === 'too-much'
        ? plan.pain.reason // it already says the pain went above the limit
        : `${plan.pain.headline}. ${plan.pain.reason}`
      : leads === 'return-to-run'
        ? (plan.returnToRun?.reason ?? null)
        : null;
  return {
    leads,
    session:
      run === null
        ? null
        : {
            date: run.date,
            title: run.title,
            distanceM: run.distanceM,
            note: run.note,
            ...(run.walkRunLevel !== undefined ? { walkRunLevel: run.walkRunLevel } : {}),
          },
    ceilingM,
    painRun: painRunSetsCeiling ? plan.painRun : null,
    reason,
  };
}
