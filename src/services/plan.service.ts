/**
 * The `plan` use case: reads the runner's runs, pain journal, latest assessment and logged programme sessions,
 * and hands them to the pure plan generator. The journal reaches the plans through one mapping
 * (journal-for-plans.ts): the pain scores, and where the current episode began.
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import { PainEntryRepository } from '../db/repositories/pain-entry.repository.ts';
import type { Database } from '../db/schema.ts';
import { RUNNING_SPORTS } from '../domain/activity/sport.ts';
import { KneewiseError } from '../domain/errors.ts';
import { currentPainOnset, toPainDays } from '../domain/journal/journal-for-plans.ts';
import type { PainEntry } from '../domain/journal/pain-entry.ts';
import { addDays, tryDayNumber } from '../domain/load/calendar-day.ts';
import type { HistoryRun } from '../domain/plans/plan-baseline.ts';
import { generatePlan, type Plan } from '../domain/plans/plan-generator.ts';
import {
  type ProgrammeChoice,
  parseAssessmentSummary,
  pickProgramme,
} from '../domain/plans/programme-picker.ts';
import { type DistanceUnits, unitsToMetres } from '../domain/units.ts';
import { toPainEntry } from './journal.service.ts';

export interface PlanRequest {
  weeks: number;
  goalKm: number | null;
  /**
   * YYYY-MM-DD, or null for today (tomorrow when today's run is already recorded), as Today's next session.
   * Either way the weeks follow the runner's first day of the week: the rest of the current one comes first.
   */
  start: string | null;
  /** Today's local date (from the injected clock). */
  today: string;
  /** The runner's units for the notes (km when not given). */
  units?: DistanceUnits;
  /** The runner's first day of the week: the plan's weeks begin on it (Monday when not given). */
  weekStart?: 'monday' | 'sunday';
}

export const MAX_PLAN_WEEKS = 16;
export const MAX_GOAL_KM = 300;

/**
 * A weekly goal as typed: "--goal-km 40", "--goal-mi 25", or "--goal 25mi" / "--goal 40km" / "--goal 25"
 * (a bare number is in the runner's own units). Returns km, the unit the plan works in.
 */
function goalInKm(
  raw: { goalKm?: string; goalMi?: string; goal?: string },
  units: DistanceUnits,
): { km: number; flag: string; typed: string } | null {
  const given = [
    raw.goalKm === undefined ? null : { flag: '--goal-km', typed: raw.goalKm, unit: 'km' as const },
    raw.goalMi === undefined ? null : { flag: '--goal-mi', typed: raw.goalMi, unit: 'mi' as const },
    raw.goal === undefined ? null : { flag: '--goal', typed: raw.goal, unit: null },
  ].filter((g) => g !== null);
  if (given.length === 0) return null;
  if (given.length > 1) {
    throw new KneewiseError(
      'PLAN_GOAL_INVALID',
      `give the weekly goal once: ${given.map((g) => g.flag).join(' and ')} were both given`,
    );
  }
  const g = given[0]!;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km|mi|miles?)?\s*$/iu.exec(g.typed);
  const unit = g.unit ?? (match?.[2] === undefined ? units : match[2].toLowerCase() === 'km' ? 'km' : 'mi');
  if (match === null || (g.unit !== null && match[2] !== undefined)) {
    throw new KneewiseError(
      'PLAN_GOAL_INVALID',
      g.unit === null
        ? `--goal must be a weekly distance like "40km", "25mi", or a bare number in your own units, got "${g.typed}"`
        : `${g.flag} must be a weekly distance in ${g.unit}, a number, got "${g.typed}"`,
    );
  }
  const km = unit === 'km' ? Number(match[1]) : unitsToMetres(Number(match[1]), 'mi') / 1000;
  return { km, flag: g.flag, typed: g.typed };
}

/** Today's calendar date in `timeZone` (the runner's home zone), or in the computer's zone when null. */
export function localDateOf(now: Date, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat('en-CA', options).format(now);
}

/** Flag values as strings from the command line, checked with messages that name the flag. */
export function parsePlanFlags(
  raw: { weeks?: string; goalKm?: string; goalMi?: string; goal?: string; start?: string },
  today: string,
  units: DistanceUnits = 'km',
): PlanRequest {
  const weeks = Number(raw.weeks ?? '4');
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_PLAN_WEEKS) {
    throw new KneewiseError(
      'PLAN_WEEKS_INVALID',
      `--weeks must be a whole number from 1 to ${MAX_PLAN_WEEKS}, got "${raw.weeks}"`,
    );
  }
  const goal = goalInKm(raw, units);
  const goalKm = goal === null ? null : goal.km;
  if (goal !== null && (!Number.isFinite(goal.km) || goal.km <= 0 || goal.km > MAX_GOAL_KM)) {
    throw new KneewiseError(
      'PLAN_GOAL_INVALID',
      `${goal.flag} must be a weekly distance above 0 and at most ${MAX_GOAL_KM} km (${Math.floor(MAX_GOAL_KM / 1.609344)} mi), got "${goal.typed}"`,
    );
  }
  let start: string | null = null;
  if (raw.start !== undefined) {
    if (tryDayNumber(raw.start) === null) {
      throw new KneewiseError(
        'PLAN_START_INVALID',
        `--start must be a calendar date as YYYY-MM-DD, got "${raw.start}"`,
      );
    }
    start = raw.start;
  }
  return { weeks, goalKm, start, today };
}

export interface PlanContext {
  plan: Plan;
  choice: ProgrammeChoice;
}

export class PlanService {
  constructor(private readonly db: Kysely<Database>) {}

  async latestProgrammeChoice(athleteId: string): Promise<ProgrammeChoice> {
    const latest = await this.db
      .selectFrom('assessments')
      .select(['result_json'])
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return pickProgramme(latest ? parseAssessmentSummary(latest.result_json) : null);
  }

  async runs(athleteId: string, before: string): Promise<HistoryRun[]> {
    const rows = await this.db
      .selectFrom('activities')
      .select(['id', 'local_date', 'distance_m', 'moving_time_s'])
      .where('athlete_id', '=', athleteId)
      .where('sport', 'in', [...RUNNING_SPORTS])
      .where('local_date', '<', before)
      .where(countedActivity())
      .orderBy('start_ms')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      localDate: r.local_date,
      distanceM: Number(r.distance_m),
      movingTimeS: Number(r.moving_time_s),
    }));
  }

  async journal(athleteId: string): Promise<PainEntry[]> {
    return (await new PainEntryRepository(this.db).list(athleteId)).map(toPainEntry);
  }

  async programmeSessionsDone(athleteId: string, programmeId: string): Promise<number> {
    const row = await this.db
      .selectFrom('programme_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('athlete_id', '=', athleteId)
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async plan(athleteId: string, request: PlanRequest): Promise<PlanContext> {
    const choice = await this.latestProgrammeChoice(athleteId);
    const tomorrow = addDays(request.today, 1);
    const [known, entries, done] = await Promise.all([
      this.runs(athleteId, request.start ?? tomorrow),
      this.journal(athleteId),
      this.programmeSessionsDone(athleteId, choice.programmeId),
    ]);
    // The day Today's next session is on: today, or tomorrow once today's run is in (planStartAndHistory).
    const start =
      request.start ?? (known.some((r) => r.localDate === request.today) ? tomorrow : request.today);
    const history = known.filter((r) => r.localDate < start);
    const plan = generatePlan({
      start,
      weeks: request.weeks,
      weekStartsOn: request.weekStart ?? 'monday',
      goalKm: request.goalKm,
      history,
      journal: toPainDays(entries),
      painOnset: currentPainOnset(entries.filter((e) => e.localDate <= request.today)),
      today: request.today,
      programme: choice,
      programmeSessionsDone: done,
      ...(request.units ? { units: request.units } : {}),
    });
    return { plan, choice };
  }
}
