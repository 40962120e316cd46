/**
 * Cuts a LoadReport (`load --json`) down to one time range and into the data each training chart draws, in
 * the runner's units. Only the selected range reaches the charts, so ten years of runs cost nothing until
 * "All" is chosen. One pass per array, no sorting: the report is already in date order.
 */
import { addDays, dayNumber } from '../../../src/domain/load/calendar-day.ts';
import {
  CADENCE_DROP_PCT,
  DESCENT_INCREASE_PCT,
  DESCENT_MIN_EXTRA_M,
} from '../../../src/domain/load/load-flags.ts';
import { type DistanceUnits, metresToUnits } from '../../../src/domain/units.ts';
import type { FitnessPoint, LoadReport } from '../types/load.ts';
import type { CadenceDatum } from './cadence.plot.ts';
import type { DescentDatum } from './descent.plot.ts';
import { elevationValue } from './elevation.ts';
import { DAY_MS, dayDate } from './plot-basics.ts';
import type { SpikeDatum } from './spike-timeline.plot.ts';
import type { WeekDistanceDatum } from './weekly-distance.plot.ts';

export type TrainingRangeId = '12w' | '6m' | '1y' | 'all';

export const TRAINING_RANGES: readonly { id: TrainingRangeId; label: string; days: number | null }[] = [
  { id: '12w', label: '12 weeks', days: 84 },
  { id: '6m', label: '6 months', days: 183 },
  { id: '1y', label: '1 year', days: 365 },
  { id: 'all', label: 'All', days: null },
];

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

export function loadChartData(
  report: LoadReport,
  range: TrainingRangeId,
  units: DistanceUnits,
): LoadChartData {
  const to = report.asOf;
  const days = TRAINING_RANGES.find((r) => r.id === range)?.days ?? null;
  const firstWeek = report.weeks[0]?.weekStart ?? null;
  const firstRun = report.runs[0]?.localDate ?? null;
  const origin = firstWeek ?? firstRun ?? to;
  let from = days === null ? origin : addDays(to, -(days - 1));
  if (firstWeek !== null) {
    // Snap to the start of the week holding `from`, so the first bar is whole; never before the first week.
    const w0 = dayNumber(firstWeek);
    const offset = Math.max(0, Math.floor((dayNumber(from) - w0) / 7) * 7);
    from = addDays(firstWeek, offset);
  }
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
