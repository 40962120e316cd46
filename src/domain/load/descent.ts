import { DAY_MS, dateOfDay } from './calendar-day.ts';
import { type DailySeries, sumDays } from './daily-series.ts';
import type { LoadActivity } from './load-activity.ts';
import { PCT_DECIMALS, roundTo } from './number-rounding.ts';

/**
 * Descent (metres down) and downhill distance per run and per week, against the runner's own 4-week norm.
 * Downhill running raises impact and braking forces (about +54 % and +73 % at −9°, Gottschall & Kram 2005)
 * and the knee strain linked to ITB and patellofemoral pain, so a jump in descent is a knee-relevant change.
 * Unknown descent (a GPS run without altitude) is left out of sums and baselines rather than read as flat;
 * a treadmill run is flat by nature but its file usually says nothing, so it is left out too.
 */
export const DESCENT_BASELINE_DAYS = 28;
export const DESCENT_BASELINE_WEEKS = 4;

export interface RunDescent {
  descentM: number | null;
  downhillDistanceM: number | null;
  /** Mean descent of runs with known descent that started in the 28 days before this run. */
  descentBaselineM: number | null;
  downhillBaselineM: number | null;
}

function known(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}

export function runDescentAt(runs: readonly LoadActivity[], index: number): RunDescent {
  const run = runs[index]!;
  const from = run.startMs - DESCENT_BASELINE_DAYS * DAY_MS;
  let descentSum = 0;
  let descentRuns = 0;
  let downhillSum = 0;
  let downhillRuns = 0;
  for (let j = index - 1; j >= 0 && runs[j]!.startMs >= from; j -= 1) {
    const prior = runs[j]!;
    if (prior.startMs >= run.startMs) continue;
    if (known(prior.descentM)) {
      descentSum += prior.descentM;
      descentRuns += 1;
    }
    if (known(prior.downhillDistanceM)) {
      downhillSum += prior.downhillDistanceM;
      downhillRuns += 1;
    }
  }
  return {
    descentM: known(run.descentM) ? run.descentM : null,
    downhillDistanceM: known(run.downhillDistanceM) ? run.downhillDistanceM : null,
    descentBaselineM: descentRuns > 0 ? roundTo(descentSum / descentRuns, 1) : null,
    downhillBaselineM: downhillRuns > 0 ? roundTo(downhillSum / downhillRuns, 1) : null,
  };
}

export interface WeekDescent {
  weekStart: string;
  /** Null when the week had runs but none with a known descent. */
  descentM: number | null;
  downhillDistanceM: number | null;
  /** Mean weekly descent of the 4 weeks before (weeks without runs count as 0); null with fewer than 4. */
  baselineM: number | null;
  changePct: number | null;
}

export function weeklyDescent(
  series: DailySeries,
  startDays: readonly number[],
  asOfDay: number,
): WeekDescent[] {
  const totals: (number | null)[] = [];
  const rows: WeekDescent[] = [];
  for (const start of startDays) {
    const week = weekDescentRow(series, start, asOfDay, totals);
    rows.push(week.row);
    totals.push(week.totalM);
  }
  return rows;
}

/**
 * One week's descent against the weeks before it (`priorTotals`: their unrounded descent, oldest first, null
 * when unknown). Depends only on that week's days and the 4 weeks before, so a complete week's row stays valid
 * until one of those days changes (weekly-memo.ts).
 */
export function weekDescentRow(
  series: DailySeries,
  start: number,
  asOfDay: number,
  priorTotals: readonly (number | null)[],
): { row: WeekDescent; totalM: number | null } {
  const end = Math.min(start + 6, asOfDay);
  const runs = sumDays(series, 'runCount', start, end);
  const knownRuns = sumDays(series, 'descentKnownRuns', start, end);
  const descent = runs > 0 && knownRuns === 0 ? null : sumDays(series, 'descentM', start, end);
  const downhill = runs > 0 && knownRuns === 0 ? null : sumDays(series, 'downhillDistanceM', start, end);
  let sum = 0;
  let counted = 0;
  for (let i = Math.max(0, priorTotals.length - DESCENT_BASELINE_WEEKS); i < priorTotals.length; i += 1) {
    const total = priorTotals[i];
    if (total === null || total === undefined) continue;
    sum += total;
    counted += 1;
  }
  const baseline = priorTotals.length >= DESCENT_BASELINE_WEEKS && counted >= 2 ? sum / counted : null;
  return {
    row: {
      weekStart: dateOfDay(start),
      descentM: descent === null ? null : roundTo(descent, 1),
      downhillDistanceM: downhill === null ? null : roundTo(downhill, 1),
      baselineM: baseline === null ? null : roundTo(baseline, 1),
      changePct:
        descent === null || baseline === null || baseline <= 0
          ? null
          : roundTo(100 * (descent / baseline - 1), PCT_DECIMALS),
    },
    totalM: descent,
  };
}
