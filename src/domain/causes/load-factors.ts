import { median } from '../load/cadence.ts';
import { dayNumber } from '../load/calendar-day.ts';
import { ceilingFrom, spikeAt } from '../load/session-spike.ts';
import type { DistanceUnits } from '../units.ts';
import {
  type CauseRun,
  type CauseWindows,
  type FactorFinding,
  noFinding,
  pct,
  runsBetween,
  stepMagnitude,
  totalDistance,
} from './cause-input.ts';
import { ceiling, dayLabel, dist, percent, plural } from './cause-text.ts';

/**
 * Distance-load factors: the single-run spike, fast weekly growth, a return after a break, few rest days and
 * a long run that carries much of the week. `runs` are running activities sorted by (startMs, id), on or
 * before the onset day.
 */

/** Study bins of Frandsen 2025 → magnitude: any spike counts, a doubling most. */
const SPIKE_MAGNITUDE: Record<string, number> = { small: 0.6, moderate: 0.75, large: 1 };

export function sessionSpike(
  runs: readonly CauseRun[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  let best: {
    index: number;
    spikePct: number;
    longestM: number;
    category: string;
    longestId: string | null;
  } | null = null;
  for (let i = 0; i < runs.length; i += 1) {
    const day = dayNumber(runs[i]!.localDate);
    if (day < w.recentFrom || day > w.onsetDay) continue;
    const s = spikeAt(runs, i);
    if (s.spikePct === null || s.longestPrev30dM === null) continue;
    if (best === null || s.spikePct > best.spikePct) {
      best = {
        index: i,
        spikePct: s.spikePct,
        longestM: s.longestPrev30dM,
        category: s.spikeCategory,
        longestId: s.longestPrevActivityId,
      };
    }
  }
  if (best === null) {
    return noFinding(
      'session_spike',
      'No run in the two weeks before the onset could be compared with a 30-day longest run.',
    );
  }
  const run = runs[best.index]!;
  const longest = runs.find((r) => r.id === best.longestId);
  const ceilingM = ceilingFrom(best.longestM);
  const numbers = {
    activityId: run.id,
    localDate: run.localDate,
    distanceM: run.distanceM,
    longestPrev30dM: best.longestM,
    spikePct: best.spikePct,
    spikeCategory: best.category,
    ceilingM,
  };
  const magnitude = SPIKE_MAGNITUDE[best.category] ?? 0;
  if (magnitude === 0) {
    return {
      ...noFinding(
        'session_spike',
        `No run in the two weeks before the onset went more than 10 % past your longest run of the 30 days before ` +
          `it (the largest was ${dayLabel(run.localDate)}'s ${dist(run.distanceM, units)}, ${spikeText(best.spikePct)}).`,
      ),
      numbers,
    };
  }
  const longestText = longest
    ? ` (${dist(best.longestM, units)} on ${longest.localDate})`
    : ` (${dist(best.longestM, units)})`;
  return {
    id: 'session_spike',
    magnitude,
    summary:
      `${dayLabel(run.localDate)}'s ${dist(run.distanceM, units)} was ${percent(best.spikePct)} longer than your ` +
      `longest run in the 30 days before it${longestText}.`,
    advice:
      ceilingM === null
        ? 'Keep each run within 10 % of your longest run of the last 30 days.'
        : `Keep runs under ${ceiling(ceilingM, units)} for the next two weeks (10 % over your longest run of the ` +
          'month before the spike), and grow the longest run a little at a time.',
    numbers,
  };
}

function spikeText(spikePct: number): string {
  return spikePct >= 0 ? `${percent(spikePct)} over` : `${percent(-spikePct)} under`;
}

export function weeklyProgression(
  runs: readonly CauseRun[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  const recent = runsBetween(runs, w.recentFrom, w.onsetDay);
  const before = runsBetween(runs, w.recentFrom - 14, w.recentFrom - 1);
  const recentM = totalDistance(recent);
  const beforeM = totalDistance(before);
  if (before.length < 2 || beforeM <= 0) {
    return noFinding(
      'weekly_progression',
      'Too few runs in the two weeks before to measure how weekly distance grew.',
    );
  }
  const change = pct(recentM, beforeM);
  const numbers = { recent14dM: recentM, previous14dM: beforeM, changePct: change };
  const magnitude = stepMagnitude(change, [
    [10.0001, 0.4],
    [30.0001, 0.7],
    [60, 1],
  ]);
  const weeklyBefore = beforeM / 2;
  const text =
    `You ran ${dist(recentM, units)} in the two weeks up to the onset against ${dist(beforeM, units)} in the two ` +
    `weeks before (${change >= 0 ? '+' : ''}${percent(change)}).`;
  if (magnitude === 0) return { ...noFinding('weekly_progression', text), numbers };
  return {
    id: 'weekly_progression',
    magnitude,
    summary: text,
    advice:
      `Hold your weekly distance near ${dist(weeklyBefore, units)} (your level before the increase) for two weeks, ` +
      'then add a little at a time and keep single runs within 10 % of your recent longest.',
    numbers,
  };
}

/** A break is 14 or more days without a run; it matters when the onset came within 6 weeks of coming back. */
export const BREAK_MIN_DAYS = 14;
/** Shorter runs do not count toward the usual run before a break. */
const MIN_USUAL_RUN_M = 1_000;
const RETURN_WINDOW_DAYS = 42;

export function returnAfterBreak(
  runs: readonly CauseRun[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  let found: { prevIndex: number; nextIndex: number; gapDays: number } | null = null;
  for (let i = 1; i < runs.length; i += 1) {
    const prevDay = dayNumber(runs[i - 1]!.localDate);
    const day = dayNumber(runs[i]!.localDate);
    if (day > w.onsetDay) break;
    const gap = day - prevDay - 1;
    if (gap >= BREAK_MIN_DAYS && day >= w.onsetDay - (RETURN_WINDOW_DAYS - 1)) {
      found = { prevIndex: i - 1, nextIndex: i, gapDays: gap };
    }
  }
  if (found === null) {
    return noFinding(
      'return_after_break',
      `No break of ${BREAK_MIN_DAYS} days or more in the six weeks before the onset.`,
    );
  }
  const back = runs[found.nextIndex]!;
  const lastBefore = runs[found.prevIndex]!;
  // Runs under a kilometre (a watch started by mistake, a test recording) are not anyone's usual run.
  const preBreak = runsBetween(
    runs,
    dayNumber(lastBefore.localDate) - 27,
    dayNumber(lastBefore.localDate),
  ).filter((r) => r.distanceM >= MIN_USUAL_RUN_M);
  const usualM = median(preBreak.map((r) => r.distanceM));
  const sinceBack = runs.slice(found.nextIndex).filter((r) => dayNumber(r.localDate) <= w.onsetDay);
  const daysBack = w.onsetDay - dayNumber(back.localDate);
  const magnitude = stepMagnitude(found.gapDays, [
    [BREAK_MIN_DAYS, 0.5],
    [21, 0.75],
    [30, 1],
  ]);
  const startM = usualM === null ? null : usualM / 2;
  return {
    id: 'return_after_break',
    magnitude,
    summary:
      `The pain began ${plural(daysBack, 'day')} after you came back from ${plural(found.gapDays, 'day')} without ` +
      `running (last run before: ${lastBefore.localDate}; first back: ${dayLabel(back.localDate)}, ` +
      `${dist(back.distanceM, units)}); since then ${plural(sinceBack.length, 'run')}, ${dist(totalDistance(sinceBack), units)}.` +
      (usualM === null ? '' : ` Before the break your usual run was ${dist(usualM, units)}.`),
    advice:
      (startM === null
        ? 'Rebuild from short, easy runs'
        : `Rebuild from short, easy runs of about ${ceiling(startM, units)} (half your usual before the break)`) +
      ', or run-walk, and add distance over several weeks; stop progressing if pain or swelling rises.',
    numbers: {
      breakDays: found.gapDays,
      lastRunBefore: lastBefore.localDate,
      firstRunBack: back.localDate,
      firstRunBackM: back.distanceM,
      usualRunBeforeM: usualM,
      runsSinceReturn: sinceBack.length,
    },
  };
}

function restDays(runs: readonly CauseRun[], from: number, to: number): number {
  const ran = new Set(runsBetween(runs, from, to).map((r) => r.localDate));
  return to - from + 1 - ran.size;
}

export function fewRestDays(runs: readonly CauseRun[], w: CauseWindows): FactorFinding {
  const baselineRuns = runsBetween(runs, w.baselineFrom, w.baselineTo);
  if (baselineRuns.length < 4) {
    return noFinding('few_rest_days', 'Too few runs in the eight weeks before to know your usual rest days.');
  }
  const recentRest = restDays(runs, w.recentFrom, w.onsetDay);
  // Usual = weeks in which the runner ran at all: a holiday without running is not their training rhythm.
  const weekly: number[] = [];
  for (let end = w.baselineTo; end - 6 >= w.baselineFrom; end -= 7) {
    if (runsBetween(runs, end - 6, end).length > 0) weekly.push(restDays(runs, end - 6, end));
  }
  if (weekly.length < 2) {
    return noFinding(
      'few_rest_days',
      'Too few weeks with runs in the eight weeks before to know your usual rest days.',
    );
  }
  const usualRest = (2 * weekly.reduce((a, b) => a + b, 0)) / weekly.length;
  const drop = usualRest - recentRest;
  const numbers = { restDaysRecent14d: recentRest, usualRestDaysPer14d: usualRest };
  const text =
    `${plural(recentRest, 'rest day')} from running in the two weeks up to the onset; ` +
    `usually ${Math.round(usualRest * 10) / 10} per two weeks.`;
  let magnitude = stepMagnitude(drop, [
    [2, 0.4],
    [4, 0.7],
  ]);
  if (magnitude > 0 && recentRest <= 1) magnitude = 1;
  if (magnitude === 0) return { ...noFinding('few_rest_days', text), numbers };
  return {
    id: 'few_rest_days',
    magnitude,
    summary: text,
    advice: `Put back your usual rest days (about ${Math.max(2, Math.round(usualRest / 2))} a week), for example a rest day after each longer run.`,
    numbers,
  };
}

/** The longest run's share of its 7-day block, per block with at least two runs. */
function blockShares(runs: readonly CauseRun[], from: number, to: number): number[] {
  const shares: number[] = [];
  for (let end = to; end - 6 >= from; end -= 7) {
    const block = runsBetween(runs, end - 6, end);
    const total = totalDistance(block);
    if (block.length < 2 || total <= 0) continue;
    shares.push(Math.max(...block.map((r) => r.distanceM)) / total);
  }
  return shares;
}

export function longRunShare(runs: readonly CauseRun[], w: CauseWindows): FactorFinding {
  const recent = blockShares(runs, w.recentFrom, w.onsetDay);
  const usual = median(blockShares(runs, w.baselineFrom, w.baselineTo));
  if (recent.length === 0 || usual === null) {
    return noFinding(
      'long_run_share',
      'Too few weeks with two or more runs to compare how the week was spread.',
    );
  }
  const recentShare = Math.max(...recent);
  const rise = recentShare - usual;
  const numbers = { recentLongestShare: round3(recentShare), usualLongestShare: round3(usual) };
  const text =
    `Your longest run made up ${percent(100 * recentShare)} of its week in the two weeks up to the onset; ` +
    `usually ${percent(100 * usual)}.`;
  const magnitude =
    recentShare < 0.35
      ? 0
      : stepMagnitude(rise, [
          [0.1, 0.4],
          [0.2, 0.7],
          [0.3, 1],
        ]);
  if (magnitude === 0) return { ...noFinding('long_run_share', text), numbers };
  return {
    id: 'long_run_share',
    magnitude,
    summary: text,
    advice: `Spread the week more evenly: keep the long run near ${percent(100 * usual)} of the week, as before.`,
    numbers,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
