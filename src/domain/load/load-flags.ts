import type { AcwrResult } from './acwr.ts';
import type { WeekDescent } from './descent.ts';
import { describeFlag, FLAG_EVIDENCE, FLAG_SOURCES } from './load-flag.messages.ts';
import { compareFlags, type FlagSeverity, type LoadFlag, type LoadFlagId } from './load-flag.ts';
import type { LoadRun, RunDetail } from './load-report.ts';
import { MONOTONY_CRITICAL, MONOTONY_WARNING, type MonotonyResult } from './monotony.ts';
import { LONG_STREAK_DAYS, type RestDaysResult } from './rest-days.ts';
import { SPIKE_BINS } from './session-spike.ts';
import type { WeekTotal } from './weekly-totals.ts';

/**
 * Turns the computed numbers of the last weeks into flags. Thresholds with study support are the studies'
 * own (10 % spike, 30 % two-week progression); the others (descent +50 %, cadence −5 %, 7-day streaks,
 * monotony) are labelled in the evidence text as our heuristics or conventions.
 */
export const WEEKLY_PROGRESSION_PCT = 30;
export const TEN_PERCENT_RULE_PCT = 10;
export const DESCENT_INCREASE_PCT = 50;
/** Below this many extra metres a "+50 %" descent week is noise (20 m → 30 m). */
export const DESCENT_MIN_EXTRA_M = 100;
export const CADENCE_DROP_PCT = 5;
export const CADENCE_DROP_MODERATE_PCT = 10;
export const ACWR_QUOTED_DANGER = 1.5;
/** Flags cover the week holding asOf and the 3 weeks before it. */
export const FLAG_WEEKS = 4;

export interface FlagInput {
  fromDay: number;
  asOf: string;
  runs: readonly LoadRun[];
  details: readonly RunDetail[];
  runDays: readonly number[];
  weeks: readonly WeekTotal[];
  weekStartDays: readonly number[];
  weekDescent: readonly WeekDescent[];
  monotonyWindows: readonly MonotonyResult[];
  restDays: RestDaysResult;
  acwr: AcwrResult;
}

function flag(
  id: LoadFlagId,
  severity: FlagSeverity,
  fields: Pick<LoadFlag, 'date' | 'value' | 'threshold' | 'unit' | 'activityId' | 'measures'>,
): LoadFlag {
  const draft: LoadFlag = {
    id,
    severity,
    ...fields,
    message: '',
    evidence: FLAG_EVIDENCE[id],
    source: FLAG_SOURCES[id],
  };
  return { ...draft, message: describeFlag(draft, 'km') };
}

function runFlags(input: FlagInput, out: LoadFlag[]): void {
  const bestCadenceDropByWeek = new Map<number, LoadFlag>();
  for (let i = input.runs.length - 1; i >= 0; i -= 1) {
    const day = input.runDays[i]!;
    if (day < input.fromDay) continue;
    const run = input.runs[i]!;
    const detail = input.details[i]!;
    if (run.spikePct !== null && run.spikeCategory !== 'none' && run.longestPrev30dM !== null) {
      out.push(
        flag('session_spike', run.spikeCategory === 'large' ? 'high' : 'moderate', {
          date: run.localDate,
          value: run.spikePct,
          threshold: SPIKE_BINS.small,
          unit: '%',
          activityId: run.activityId,
          measures: { distanceM: run.distanceM, baselineM: run.longestPrev30dM },
        }),
      );
    }
    if (run.spikeCategory === 'no-baseline' && detail.daysSincePreviousRun !== null && run.distanceM > 0) {
      out.push(
        flag('return_after_break', 'moderate', {
          date: run.localDate,
          value: detail.daysSincePreviousRun,
          threshold: 30,
          unit: 'days',
          activityId: run.activityId,
          measures: { distanceM: run.distanceM },
        }),
      );
    }
    const drop = detail.cadenceDropPct;
    if (drop !== null && drop >= CADENCE_DROP_PCT && detail.cadenceSpm !== null) {
      const week = input.weekStartDays.findLast((start) => start <= day) ?? day;
      const current = bestCadenceDropByWeek.get(week);
      if (current === undefined || drop > current.value) {
        bestCadenceDropByWeek.set(
          week,
          flag('cadence_drop', drop >= CADENCE_DROP_MODERATE_PCT ? 'moderate' : 'info', {
            date: run.localDate,
            value: drop,
            threshold: CADENCE_DROP_PCT,
            unit: '%',
            activityId: run.activityId,
            measures: { cadenceSpm: detail.cadenceSpm, baselineSpm: detail.cadenceBaselineSpm },
          }),
        );
      }
    }
  }
  out.push(...bestCadenceDropByWeek.values());
}

function weekFlags(input: FlagInput, out: LoadFlag[]): void {
  for (let w = 0; w < input.weeks.length; w += 1) {
    if (input.weekStartDays[w]! < input.fromDay) continue;
    const week = input.weeks[w]!;
    const previous = input.weeks[w - 1];
    const change = week.changePct;
    if (change !== null && previous !== undefined && change > TEN_PERCENT_RULE_PCT) {
      const progression = change > WEEKLY_PROGRESSION_PCT;
      out.push(
        flag(progression ? 'weekly_progression' : 'ten_percent_rule', progression ? 'moderate' : 'info', {
          date: week.weekStart,
          value: change,
          threshold: progression ? WEEKLY_PROGRESSION_PCT : TEN_PERCENT_RULE_PCT,
          unit: '%',
          activityId: null,
          measures: { distanceM: week.distanceM, previousM: previous.distanceM },
        }),
      );
    }
    const descent = input.weekDescent[w];
    if (
      descent?.changePct != null &&
      descent.descentM !== null &&
      descent.baselineM !== null &&
      descent.changePct > DESCENT_INCREASE_PCT &&
      descent.descentM - descent.baselineM >= DESCENT_MIN_EXTRA_M
    ) {
      out.push(
        flag('descent_increase', 'moderate', {
          date: descent.weekStart,
          value: descent.changePct,
          threshold: DESCENT_INCREASE_PCT,
          unit: '%',
          activityId: null,
          measures: {
            descentM: descent.descentM,
            baselineM: descent.baselineM,
            downhillDistanceM: descent.downhillDistanceM,
          },
        }),
      );
    }
  }
}

function contextFlags(input: FlagInput, out: LoadFlag[]): void {
  let worst: MonotonyResult | null = null;
  for (const window of input.monotonyWindows) {
    if (
      window.monotony !== null &&
      window.monotony >= MONOTONY_WARNING &&
      (worst === null || window.monotony > worst.monotony!)
    ) {
      worst = window;
    }
  }
  if (worst !== null && worst.monotony !== null) {
    out.push(
      flag('monotony', 'info', {
        date: worst.date,
        value: worst.monotony,
        threshold: worst.monotony >= MONOTONY_CRITICAL ? MONOTONY_CRITICAL : MONOTONY_WARNING,
        unit: 'ratio',
        activityId: null,
        measures: { weekLoad: worst.weekLoad, strain: worst.strain },
      }),
    );
  }
  const streak = input.restDays.longestStreakLast28;
  if (streak.days >= LONG_STREAK_DAYS && streak.endDate !== null) {
    out.push(
      flag('few_rest_days', 'info', {
        date: streak.endDate,
        value: streak.days,
        threshold: LONG_STREAK_DAYS,
        unit: 'days',
        activityId: null,
        measures: {
          restDaysLast7: input.restDays.restDaysLast7,
          restDaysLast28: input.restDays.restDaysLast28,
        },
      }),
    );
  }
  if (input.acwr.uncoupled !== null) {
    out.push(
      flag('acwr', 'context', {
        date: input.asOf,
        value: input.acwr.uncoupled,
        threshold: ACWR_QUOTED_DANGER,
        unit: 'ratio',
        activityId: null,
        measures: { acute7dM: input.acwr.acute7dM, chronicWeeklyM: input.acwr.chronicWeeklyUncoupledM },
      }),
    );
  }
}

export function buildFlags(input: FlagInput): LoadFlag[] {
  const out: LoadFlag[] = [];
  runFlags(input, out);
  weekFlags(input, out);
  contextFlags(input, out);
  return out.sort(compareFlags);
}

export function flagWindowStart(asOfWeekStartDay: number): number {
  return asOfWeekStartDay - 7 * (FLAG_WEEKS - 1);
}
