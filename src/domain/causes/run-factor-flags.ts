import { median, runCadenceAt } from '../load/cadence.ts';
import { dayNumber } from '../load/calendar-day.ts';
import { activeSeconds } from '../load/load-activity.ts';
import { spikeAt } from '../load/session-spike.ts';
import type { ShoeThresholds } from '../shoes/shoe-thresholds.ts';
import { type DistanceUnits, formatDistance, formatElevation } from '../units.ts';
import { type CauseRun, type CauseShoe, runsBetween, totalDistance } from './cause-input.ts';
import type { FactorId } from './factor-catalog.ts';
import { BREAK_MIN_DAYS } from './load-factors.ts';

/**
 * Each factor as a yes/no question about one run ("did this run have more than 300 m of descent?"), so the
 * journal can count pain after runs with and without it. `null` = cannot tell for this run (no baseline, no
 * data), and the run is left out of that factor's counts. Thresholds mirror the `why` factors.
 */
export interface RunFlagContext {
  runs: readonly CauseRun[];
  shoes: readonly CauseShoe[];
  thresholds: ShoeThresholds;
  units: DistanceUnits;
  /** "More than T m descent": 1.5 × the runner's median run descent, at least 100 m, in steps of 50 m. */
  descentThresholdM: number;
}

export interface RunFlag {
  id: FactorId;
  /** Completes "pain after N of M …": e.g. "runs with more than 300 m descent". */
  label: string;
  test: (index: number) => boolean | null;
}

export function descentThreshold(runs: readonly CauseRun[]): number {
  const known = runs
    .map((r) => r.descentM)
    .filter((d): d is number => d !== null && Number.isFinite(d) && d >= 0);
  const m = median(known) ?? 0;
  return Math.max(100, Math.round((1.5 * m) / 50) * 50);
}

function distanceIn(runs: readonly CauseRun[], from: number, to: number): number {
  return totalDistance(runsBetween(runs, from, to));
}

function speed(r: CauseRun): number | null {
  const s = activeSeconds(r);
  return r.distanceM > 0 && s > 0 ? r.distanceM / s : null;
}

/** The shoe's distance before `runs[index]`: its start distance plus earlier runs in it. */
function shoeDistanceBefore(ctx: RunFlagContext, index: number): number | null {
  const run = ctx.runs[index]!;
  if (run.shoeId === null) return null;
  const shoe = ctx.shoes.find((s) => s.id === run.shoeId);
  if (!shoe) return null;
  let d = shoe.startDistanceM;
  for (let j = 0; j < index; j += 1)
    if (ctx.runs[j]!.shoeId === run.shoeId) d += Math.max(0, ctx.runs[j]!.distanceM);
  return d;
}

export function runFlags(ctx: RunFlagContext): RunFlag[] {
  const { runs } = ctx;
  const day = (i: number) => dayNumber(runs[i]!.localDate);
  return [
    {
      id: 'session_spike',
      label: 'runs more than 10 % longer than your longest of the 30 days before',
      test: (i) => {
        const s = spikeAt(runs, i);
        return s.spikePct === null ? null : s.spikePct > 10;
      },
    },
    {
      id: 'weekly_progression',
      label: 'runs ending a 7-day stretch over 30 % above the 7 days before',
      test: (i) => {
        const prev = distanceIn(runs, day(i) - 13, day(i) - 7);
        return prev <= 0 ? null : distanceIn(runs, day(i) - 6, day(i)) > 1.3 * prev;
      },
    },
    {
      id: 'return_after_break',
      label: `runs in the six weeks after a break of ${BREAK_MIN_DAYS} days or more`,
      test: (i) => {
        for (let j = i; j >= 1 && day(i) - day(j) < 42; j -= 1) {
          if (day(j) - day(j - 1) - 1 >= BREAK_MIN_DAYS) return true;
        }
        return i === 0 ? null : false;
      },
    },
    {
      id: 'descent_increase',
      label: `runs with more than ${formatElevation(ctx.descentThresholdM, ctx.units)} descent`,
      test: (i) => {
        const d = runs[i]!.descentM;
        return d === null || !Number.isFinite(d) ? null : d > ctx.descentThresholdM;
      },
    },
    {
      id: 'pace_increase',
      label: 'runs more than 5 % faster than your usual of the 8 weeks before',
      test: (i) => {
        const v = speed(runs[i]!);
        const usual = median(
          runsBetween(runs.slice(0, i), day(i) - 56, day(i))
            .map(speed)
            .filter((x): x is number => x !== null),
        );
        return v === null || usual === null ? null : v > 1.05 * usual;
      },
    },
    {
      id: 'cadence_drop',
      label: 'runs with a step rate 3 % or more below your usual',
      test: (i) => {
        const c = runCadenceAt(runs, i).cadenceDropPct;
        return c === null ? null : c >= 3;
      },
    },
    {
      id: 'shoe_mileage',
      label: `runs in shoes past ${formatDistance(ctx.thresholds.nudgeM, ctx.units)}`,
      test: (i) => {
        const d = shoeDistanceBefore(ctx, i);
        return d === null ? null : d >= ctx.thresholds.nudgeM;
      },
    },
    {
      id: 'new_shoes',
      label: `runs in a pair's first ${formatDistance(50_000, ctx.units)}`,
      test: (i) => {
        const d = shoeDistanceBefore(ctx, i);
        return d === null ? null : d < 50_000;
      },
    },
    {
      id: 'surface_change',
      label: 'runs on another surface than your usual of the 4 weeks before',
      test: (i) => {
        const before = runsBetween(runs.slice(0, i), day(i) - 28, day(i));
        if (before.length < 3) return null;
        const counts = new Map<string, number>();
        for (const r of before) counts.set(r.sport, (counts.get(r.sport) ?? 0) + 1);
        const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
        return runs[i]!.sport !== usual;
      },
    },
    {
      id: 'few_rest_days',
      label: 'runs with at most one rest day in the 7 days before',
      test: (i) => {
        const ran = new Set(runsBetween(runs.slice(0, i), day(i) - 7, day(i) - 1).map((r) => r.localDate));
        return 7 - ran.size <= 1;
      },
    },
    {
      id: 'long_run_share',
      label: 'runs carrying 40 % or more of their 7 days (3 or more runs)',
      test: (i) => {
        const week = runsBetween(runs.slice(0, i + 1), day(i) - 6, day(i));
        const total = totalDistance(week);
        return week.length < 3 || total <= 0 ? null : runs[i]!.distanceM >= 0.4 * total;
      },
    },
  ];
}
