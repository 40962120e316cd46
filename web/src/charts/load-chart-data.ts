/**
 * Cuts a LoadReport (`load --json`) down to one time range and into the data each training chart draws, in
 * the runner's units. Only the selected range reaches the charts, and only it travels: the screen asks the
 * server for the report cut to the range (GET /api/load/range), and for the whole one only when "All" is
 * chosen; either gives the same figures. One pass per array, no sorting: the report is already in date order.
 */
import { dayNumber } from '../../../src/domain/load/calendar-day.ts';
import {
  CADENCE_DROP_PCT,
  DESCENT_INCREASE_PCT,
  DESCENT_MIN_EXTRA_M,
} from '../../../src/domain/load/load-flags.ts';
import { rangeStart } from '../../../src/domain/load/load-range.ts';
import { type DistanceUnits, metresToUnits } from '../../../src/domain/units.ts';
import type { FitnessPoint, LoadRangeInfo, LoadReport, RangedLoadReport } from '../types/load.ts';
import type { CadenceDatum } from './cadence.plot.ts';
import type { DescentDatum } from './descent.plot.ts';
import { elevationValue } from './elevation.ts';
import { DAY_MS, dayDate } from './plot-basics.ts';
import type { SpikeDatum } from './spike-timeline.svg.ts';
import { TRAINING_RANGES, type TrainingRangeId } from './training-ranges.ts';
import type { WeekDistanceDatum } from './weekly-distance.plot.ts';

export { TRAINING_RANGES, type TrainingRangeId } from './training-ranges.ts';

export interface LoadChartData {
  /** First day shown: the start of the week holding the range's first day. */
  from: string;
  to: string;
  xDomain: [Date, Date];
  weeks: WeekDistanceDatum[];
  spikeWeeks: number;
  runs: SpikeDatum[];
  descent: DescentDatum[];
  /** Runs with a cadence. */
  cadence: CadenceDatum[];
  fitness: FitnessPoint[];
}

const SPIKING = new Set(['small', 'moderate', 'large']);

/** How a report was cut (GET /api/load/range), or null for the whole report (GET /api/load). */
export function cutOf(report: LoadReport | RangedLoadReport): LoadRangeInfo | null {
  return (report as Partial<RangedLoadReport>).range ?? null;
}

/** True when `report` holds all of `range`: the whole report, or one cut for exactly that range. */
export function reportCovers(report: LoadReport | RangedLoadReport, range: TrainingRangeId): boolean {
  const cut = cutOf(report);
  return cut === null || cut.days === (TRAINING_RANGES.find((r) => r.id === range)?.days ?? null);
}

/** Runs in the whole history, however the report was cut. */
export function totalRunsOf(report: LoadReport | RangedLoadReport): number {
  return cutOf(report)?.totalRuns ?? report.runs.length;
}

export function loadChartData(
  report: LoadReport | RangedLoadReport,
  range: TrainingRangeId,
  units: DistanceUnits,
): LoadChartData {
  const to = report.asOf;
  const days = TRAINING_RANGES.find((r) => r.id === range)?.days ?? null;
  const firstWeek = report.weeks[0]?.weekStart ?? null;
  // A report cut for this range (GET /api/load/range) says where the range begins; the whole report is cut here.
  const cut = cutOf(report);
  const from =
    cut !== null && cut.days === days
      ? cut.from
      : rangeStart(to, firstWeek, report.runs[0]?.localDate ?? null, days);
  const fromDay = dayNumber(from);
  const lastWeek = report.weeks[report.weeks.length - 1]?.weekStart ?? null;
  const end = Math.max(
    dayDate(to).getTime() + DAY_MS,
    lastWeek === null ? 0 : dayDate(lastWeek).getTime() + 7 * DAY_MS,
  );

  const runs: SpikeDatum[] = [];
  const cadence: CadenceDatum[] = [];
  const spikeWeekStarts = new Set<number>();
  const w0 = firstWeek === null ? null : dayNumber(firstWeek);
  for (let i = 0; i < report.runs.length; i += 1) {
    const run = report.runs[i]!;
    if (run.localDate < from || run.localDate > to) continue;
    runs.push({
      activityId: run.activityId,
      localDate: run.localDate,
      distance: metresToUnits(run.distanceM, units),
      baseline: run.longestPrev30dM === null ? null : metresToUnits(run.longestPrev30dM, units),
      spikePct: run.spikePct,
      category: run.spikeCategory,
    });
    if (w0 !== null && SPIKING.has(run.spikeCategory)) {
      spikeWeekStarts.add(w0 + Math.floor((dayNumber(run.localDate) - w0) / 7) * 7);
    }
    const detail = report.runDetails[i];
    if (detail && detail.cadenceSpm !== null) {
      cadence.push({
        localDate: run.localDate,
        cadenceSpm: detail.cadenceSpm,
        baselineSpm: detail.cadenceBaselineSpm,
        dropPct: detail.cadenceDropPct,
        dropped: detail.cadenceDropPct !== null && detail.cadenceDropPct >= CADENCE_DROP_PCT,
      });
    }
  }

  const weeks: WeekDistanceDatum[] = [];
  const descent: DescentDatum[] = [];
  for (let i = 0; i < report.weeks.length; i += 1) {
    const week = report.weeks[i]!;
    const start = dayNumber(week.weekStart);
    if (start < fromDay) continue;
    weeks.push({
      weekStart: week.weekStart,
      distance: metresToUnits(week.distanceM, units),
      runs: week.runs,
      changePct: week.changePct,
      spike: spikeWeekStarts.has(start),
      complete: report.weekContext[i]?.complete ?? true,
    });
    const d = report.weekDescent[i];
    if (d) {
      descent.push({
        weekStart: d.weekStart,
        descent: d.descentM === null ? null : elevationValue(d.descentM, units),
        baseline: d.baselineM === null ? null : elevationValue(d.baselineM, units),
        changePct: d.changePct,
        jump:
          d.descentM !== null &&
          d.baselineM !== null &&
          d.changePct !== null &&
          d.changePct > DESCENT_INCREASE_PCT &&
          d.descentM - d.baselineM >= DESCENT_MIN_EXTRA_M,
      });
    }
  }

  return {
    from,
    to,
    xDomain: [dayDate(from), new Date(end)],
    weeks,
    spikeWeeks: spikeWeekStarts.size === 0 ? 0 : weeks.filter((w) => w.spike).length,
    runs,
    descent,
    cadence,
    fitness: report.trainingLoad.series.filter((p) => p.date >= from && p.date <= to),
  };
}
