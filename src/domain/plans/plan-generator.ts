/**
 * The next weeks of running, cross-training and strength work. The rules, strongest first:
 *  1. every run stays within 1.10 × the longest run (done or planned) of the 30 days before it;
 *  2. weekly running grows by at most 10 % over the last full week (or stays under 4 km), and every fourth
 *     week is about 20 % lighter;
 *  3. at least one rest day a week and no more than five runs;
 *  4. pain in the journal changes the plan (the one pain-monitoring model, pain-monitoring.ts): amber holds the
 *     load at 80 % for two weeks, red (or no running in the last 30 days) starts the walk-run return ladder.
 * The run during which the current pain began is not part of the weekly base, and in a return not part of
 * the ceiling's base either (pain-onset-run.ts).
 * The 10 % weekly figure is a convention with no protective effect on its own (Buist 2008); it is kept as a
 * brake because weekly growth over 20-30 % was linked to distance-related knee injuries.
 */
import { addDays, dateOfDay, dayNumber, weekStartOf } from '../load/calendar-day.ts';
import type { DistanceUnits } from '../units.ts';
import { crossSessionFor, describeCross } from './cross-training.catalog.ts';
import type { ProgrammeId } from './exercise.ts';
import { PAIN_MODEL, PAIN_TEXT, type PainDay, type PainStatus, painStatus } from './pain-monitoring.ts';
import { type PainOnset, painOnsetRun } from './pain-onset-run.ts';
import { type HistoryRun, planBaseline } from './plan-baseline.ts';
import * as notes from './plan-notes.ts';
import { PLAN_SOURCES } from './plan-sources.ts';
import { nextPhaseIndex, phaseAfterSessions } from './programme.ts';
import type { ProgrammeChoice } from './programme-picker.ts';
import { getProgramme } from './programmes.catalog.ts';
import {
  levelDistanceM,
  MAX_LEVEL,
  RETURN_RULES,
  type ReturnDecision,
  walkRunLevel,
} from './return-to-run.ts';
import { floorTo100, RunCeilingTracker } from './run-ceiling.ts';

export type SessionKind = 'run' | 'cross' | 'strength' | 'rest';

export interface PlanSession {
  date: string;
  kind: SessionKind;
  distanceM: number | null;
  ceilingM: number | null;
  note: string;
  title: string;
  /** Library exercise ids, for strength sessions. */
  exercises?: string[];
  /** The walk-run level, for return-to-run sessions. */
  walkRunLevel?: number;
}

export interface PlanWeek {
  /** The week's first planned day: the plan's start in a partial first week, else the runner's week start. */
  weekStart: string;
  /** The rest of the current week, from the plan's start to the runner's next first day of the week. */
  partial?: boolean;
  mode: 'return' | 'build';
  lighter: boolean;
  plannedRunM: number;
  sessions: PlanSession[];
}

export interface PlanInput {
  /** First day of the plan: today, or tomorrow when today's run is already recorded. */
  start: string;
  /**
   * Full weeks to plan. With `weekStartsOn`, weeks follow the runner's calendar: a start inside a week first
   * plans the rest of that week (a partial week), then this many full weeks.
   */
  weeks: number;
  /** The runner's first day of the week; without it, weeks are 7-day blocks from `start`. */
  weekStartsOn?: 'monday' | 'sunday';
  goalKm: number | null;
  /** Running activities only. Runs on or after `start` are ignored. */
  history: readonly HistoryRun[];
  journal: readonly PainDay[];
  /** Today's local date: the pain status is read as of today. */
  today: string;
  programme: ProgrammeChoice;
  /** Strength sessions of this programme already logged (places the runner in the right phase). */
  programmeSessionsDone: number;
  /** Where the current pain episode began, so its run is left out of the ceiling's base. */
  painOnset?: PainOnset | null;
  /** The runner's units for the notes (km when not given). */
  units?: DistanceUnits;
}

export interface Plan {
  start: string;
  programme: ProgrammeChoice & { name: string };
  pain: PainStatus;
  returnToRun: ReturnDecision | null;
  /** The units the notes are written in. */
  units: DistanceUnits;
  /** The run during which the current pain began, left out of the return's ceilings; null when none. */
  painRun: { localDate: string; distanceM: number } | null;
  weeks: PlanWeek[];
  rules: { text: string; source: string }[];
}

export const PLAN_RULES = {
  weeklyGrowth: 1.1,
  lighterEvery: 4,
  lighterFactor: 0.8,
  amberFactor: 0.8,
  amberHoldWeeks: 2,
  minRunM: 2000,
  minWeekM: 4000,
} as const;

const RULES_TEXT: { text: string; source: string }[] = [
  {
    text: 'No run more than 10 % longer than your longest run of the previous 30 days.',
    source: PLAN_SOURCES.frandsen2025,
  },
  {
    text: 'Weekly running grows by at most 10 % over the last full week; a lighter week every fourth week.',
    source: `${PLAN_SOURCES.nielsen2014}; ${PLAN_SOURCES.damsted2019}; ${PLAN_SOURCES.buist2008}; ${PLAN_SOURCES.foster1998}`,
  },
  { text: PAIN_TEXT.rule, source: PAIN_MODEL.source },
  ...RETURN_RULES.text.map((text) => ({ text, source: RETURN_RULES.source })),
];

interface DayTemplate {
  run: number[];
  /** In order of preference; a strength session may share a day with a short run. */
  strength: number[];
  rest: number;
}

const BUILD_TEMPLATES: Record<number, DayTemplate> = {
  2: { run: [2, 6], strength: [0, 4, 2], rest: 5 },
  3: { run: [1, 3, 6], strength: [0, 4, 2], rest: 5 },
  4: { run: [0, 2, 4, 6], strength: [1, 3, 0], rest: 5 },
  5: { run: [0, 1, 3, 4, 6], strength: [2, 4, 0], rest: 5 },
};
const RETURN_TEMPLATE: DayTemplate = { run: [0, 2, 4], strength: [1, 3, 5], rest: 6 };
const LONG_SHARE: Record<number, number> = { 2: 0.5, 3: 0.4, 4: 0.33, 5: 0.3 };

/** How far back the baseline looks (its pace window); the ceilings need only the last 30 days. */
const LOOKBACK_DAYS = 90;

/**
 * The first day from which a plan starting on `start` or later reads every run (relevantHistory); of the runs
 * before it, only the latest one with a distance can change the plan. A caller may read just these.
 */
export function planHistoryFrom(start: string): string {
  return addDays(start, -LOOKBACK_DAYS);
}

/**
 * The runs a plan starting on `startDay` can depend on: those of the last 90 days before it, plus the latest
 * older run with a distance (it dates the break before them). Everything older changes nothing, and a
 * ten-year history would otherwise be re-read for every plan the dashboard shows.
 */
function relevantHistory(history: readonly HistoryRun[], startDay: number): HistoryRun[] {
  const recent: HistoryRun[] = [];
  let latestOlder: HistoryRun | null = null;
  for (const run of history) {
    const day = dayNumber(run.localDate);
    if (day >= startDay) continue;
    if (day >= startDay - LOOKBACK_DAYS) recent.push(run);
    else if (run.distanceM > 0 && (latestOlder === null || run.localDate > latestOlder.localDate))
      latestOlder = run;
  }
  return latestOlder === null ? recent : [latestOlder, ...recent];
}

export function generatePlan(input: PlanInput): Plan {
  const startDay = dayNumber(input.start);
  const done = relevantHistory(input.history, startDay);
  // The run during which the pain began is not volume the knee has taken: the weekly base leaves it out.
  const onsetRun = painOnsetRun(input.painOnset ?? null, done);
  const baseline = planBaseline(
    done.filter((r) => r !== onsetRun),
    input.journal,
    input.start,
  );
  const pain = painStatus(input.journal, input.today);
  const units = input.units ?? 'km';
  const returning = baseline.returnToRun !== null || pain.signal === 'red';
  // While the knee still hurts (pain in the journal's last two weeks) or returns, the plan builds from what the
  // knee has taken, not from the run that hurt it: a 10 % ceiling over that run would allow it again. Once two
  // weeks pass without pain the ceiling is the plain 10 % rule again, the figure `status` and Today show.
  const painRun = returning || pain.trend !== 'none' ? onsetRun : null;
  const tracker = new RunCeilingTracker(done.filter((r) => r !== painRun));
  const programme = getProgramme(input.programme.programmeId as ProgrammeId);

  let phase = phaseAfterSessions(programme, input.programmeSessionsDone);
  if (pain.signal === 'red') phase = Math.max(0, phase - 1);
  let weeksInPhase = 0;
  let maintenance = false;

  let mode: 'return' | 'build' = returning ? 'return' : 'build';
  let level = baseline.returnToRun?.level ?? (mode === 'return' ? 3 : 1);
  let greenAtLevel = baseline.returnToRun?.greenAtLevel ?? 0;
  let runsPerWeek = baseline.runsPerWeek;
  let reference = baseline.weeklyAvgM;
  let target = pain.signal === 'amber' ? reference * PLAN_RULES.amberFactor : reference;
  let holdWeeks = pain.signal === 'amber' ? PLAN_RULES.amberHoldWeeks : 0;
  let buildWeek = 0;
  let crossIndex = 0;
  const goalM = input.goalKm === null ? null : input.goalKm * 1000;
  const weeks: PlanWeek[] = [];
  // The plan follows the runner's weeks, so its weekly totals are the ones Training shows and its first day
  // is the one Today shows: a start inside a week plans the rest of it first.
  const firstWeek =
    input.weekStartsOn === undefined ? input.start : dateOfDay(weekStartOf(startDay, input.weekStartsOn));
  const partialFirst = firstWeek !== input.start;
  let firstRunPlanned = false;

  for (let w = 0; w < input.weeks + (partialFirst ? 1 : 0); w += 1) {
    const calendarWeek = addDays(firstWeek, 7 * w);
    const partial = partialFirst && w === 0;
    const weekStart = partial ? input.start : calendarWeek;
    /** The template's days of this week that the plan covers (none before its start). */
    const planned = (day: number) => !partial || addDays(calendarWeek, day) >= input.start;
    const sessions: PlanSession[] = [];
    const phaseObj = programme.phases[phase]!;
    const strengthSession = (date: string): PlanSession => ({
      date,
      kind: 'strength',
      distanceM: null,
      ceilingM: null,
      title: notes.strengthTitle(programme, phaseObj, maintenance),
      note: notes.strengthNote(programme, phaseObj, maintenance),
      exercises: phaseObj.items.map((i) => i.exerciseId),
    });
    const crossSession = (date: string, optional: boolean): PlanSession => {
      const c = crossSessionFor(crossIndex++);
      return {
        date,
        kind: 'cross',
        distanceM: null,
        ceilingM: null,
        title: c.name,
        note: `${optional ? 'Optional: ' : ''}${describeCross(c)}`,
      };
    };
    let plannedRunM = 0;
    let lighter = false;
    const thisMode = mode;

    if (mode === 'return') {
      const t = RETURN_TEMPLATE;
      let graduated = false;
      for (let day = 0; day < 7; day += 1) {
        if (!planned(day)) continue;
        const date = addDays(calendarWeek, day);
        if (t.run.includes(day)) {
          const first = !firstRunPlanned;
          firstRunPlanned = true;
          if (first && pain.signal === 'red') {
            sessions.push({
              ...crossSession(date, false),
              note: `${notes.protectNote()} ${describeCross(crossSessionFor(crossIndex - 1))}`,
            });
            continue;
          }
          const l = walkRunLevel(level);
          const { ceilingM, capM } = tracker.ceilingFor(date);
          const desired = levelDistanceM(level, baseline.easyMPerMin);
          const distanceM = capM === null ? desired : Math.min(desired, floorTo100(capM));
          tracker.add(date, distanceM);
          plannedRunM += distanceM;
          sessions.push({
            date,
            kind: 'run',
            distanceM,
            ceilingM,
            title: `Walk-run level ${l.level}`,
            note: notes.walkRunNote(l, distanceM, units),
            walkRunLevel: l.level,
          });
          greenAtLevel += 1;
          if (greenAtLevel >= RETURN_RULES.sessionsToProgress) {
            greenAtLevel = 0;
            if (level >= MAX_LEVEL) graduated = true;
            else level += 1;
          }
        } else if (t.strength.slice(0, phaseObj.sessionsPerWeek).includes(day)) {
          sessions.push(strengthSession(date));
        } else if (day === t.rest) {
          sessions.push({
            date,
            kind: 'rest',
            distanceM: null,
            ceilingM: null,
            title: 'Rest',
            note: notes.restNote(),
          });
        } else {
          sessions.push(crossSession(date, false));
        }
      }
      if (graduated) {
        mode = 'build';
        runsPerWeek = 3;
        reference = plannedRunM;
        target = plannedRunM;
        holdWeeks = 0;
      }
    } else {
      lighter = buildWeek > 0 && (buildWeek + 1) % PLAN_RULES.lighterEvery === 0;
      if (!lighter && buildWeek > 0) {
        if (holdWeeks > 0) holdWeeks -= 1;
        else if (goalM !== null)
          target = goalM > target ? Math.min(goalM, target * PLAN_RULES.weeklyGrowth) : goalM;
      } else if (buildWeek === 0 && holdWeeks > 0 && !partial) {
        holdWeeks -= 1;
      }
      if (buildWeek === 0 && goalM !== null && goalM < target) target = goalM;
      const limit = Math.max(PLAN_RULES.minWeekM, reference * PLAN_RULES.weeklyGrowth);
      const weekTarget = lighter ? reference * PLAN_RULES.lighterFactor : Math.min(target, limit);
      // As many runs as the runner is used to, but never so many that the short runs fall under 2 km.
      let n = Math.max(2, Math.min(5, runsPerWeek));
      while (n > 2 && (weekTarget * (1 - LONG_SHARE[n]!)) / (n - 1) < PLAN_RULES.minRunM) n -= 1;
      const t = BUILD_TEMPLATES[n]!;
      const longM = weekTarget * LONG_SHARE[n]!;
      const shortM = (weekTarget - longM) / (n - 1);
      const longDay = t.run[t.run.length - 1]!;
      const strengthDays = t.strength.slice(0, phaseObj.sessionsPerWeek);
      for (let day = 0; day < 7; day += 1) {
        if (!planned(day)) continue;
        const date = addDays(calendarWeek, day);
        if (t.run.includes(day)) {
          const isLong = day === longDay;
          const desired = floorTo100(Math.max(PLAN_RULES.minRunM, isLong ? longM : shortM));
          const { ceilingM, capM } = tracker.ceilingFor(date);
          const distanceM =
            capM === null ? Math.min(desired, PLAN_RULES.minRunM) : Math.min(desired, floorTo100(capM));
          if (distanceM > 0) {
            tracker.add(date, distanceM);
            plannedRunM += distanceM;
            sessions.push({
              date,
              kind: 'run',
              distanceM,
              ceilingM,
              title: isLong ? 'Long easy run' : 'Easy run',
              note: notes.easyRunNote(distanceM, ceilingM, isLong, units),
            });
          }
        }
        if (strengthDays.includes(day)) sessions.push(strengthSession(date));
        else if (day === t.rest)
          sessions.push({
            date,
            kind: 'rest',
            distanceM: null,
            ceilingM: null,
            title: 'Rest',
            note: notes.restNote(),
          });
        else if (!t.run.includes(day)) sessions.push(crossSession(date, pain.signal === 'green'));
      }
      if (lighter) sessions[0] = { ...sessions[0]!, note: `${notes.lighterWeekNote()} ${sessions[0]!.note}` };
      // The rest of a week is not a week's running: it neither sets the next week's base nor counts as a
      // build week, so the first full week holds at the runner's usual load as it always did.
      if (!partial) {
        if (!lighter && plannedRunM > 0) reference = plannedRunM;
        buildWeek += 1;
      }
    }

    weeks.push({
      weekStart,
      ...(partial ? { partial } : {}),
      mode: thisMode,
      lighter,
      plannedRunM,
      sessions,
    });
    if (partial) continue;
    weeksInPhase += 1;
    const next = nextPhaseIndex(programme, phase, weeksInPhase, 'green');
    if (next !== phase) {
      phase = next;
      weeksInPhase = 0;
    } else if (phase === programme.phases.length - 1 && weeksInPhase >= programme.phases[phase]!.weeks) {
      maintenance = true;
    }
  }

  return {
    start: input.start,
    programme: { ...input.programme, name: programme.name },
    pain,
    returnToRun: weeks.some((w) => w.mode === 'return')
      ? (baseline.returnToRun ?? {
          level: 3,
          action: 'step-back',
          reason: pain.reason,
          greenAtLevel: 0,
          source: RETURN_RULES.source,
        })
      : null,
    units,
    painRun: painRun === null ? null : { localDate: painRun.localDate, distanceM: painRun.distanceM },
    weeks,
    rules: RULES_TEXT,
  };
}
