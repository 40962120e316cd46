import { isRunningSport } from '../activity/sport.ts';
import type { PainEntry } from '../journal/pain-entry.ts';
import { normalizeHistory } from '../load/run-history.ts';
import { DEFAULT_SHOE_THRESHOLDS, type ShoeThresholds } from '../shoes/shoe-thresholds.ts';
import type { DistanceUnits } from '../units.ts';
import type { CauseRun, CauseShoe } from './cause-input.ts';
import type { FactorId } from './factor-catalog.ts';
import { descentThreshold, runFlags } from './run-factor-flags.ts';

/**
 * The runner's journal against their runs: for each factor, how often pain followed runs with it and runs
 * without it, as plain counts. Only runs the runner logged (an entry linked to the run, or an entry on the
 * run's day without another run link) are counted — an unlogged run could have hurt or not. Counts are shown
 * only when both groups hold at least MIN_GROUP_RUNS runs; below that a count is an anecdote. These are
 * associations in one person's diary, not proof: a factor can travel with another (long runs are often hilly).
 */
export const MIN_GROUP_RUNS = 3;
/** "Pain after" = 3/10 or more after the run or the next morning: return-to-run advice tolerates less. */
export const PAIN_AFTER_FROM = 3;

export interface CorrelationGroup {
  runs: number;
  painAfter: number;
}

export interface JournalCorrelation {
  factor: FactorId;
  label: string;
  withFactor: CorrelationGroup;
  withoutFactor: CorrelationGroup;
  shown: boolean;
  text: string;
}

export interface JournalCorrelations {
  loggedRuns: number;
  minGroupRuns: number;
  painAfterFrom: number;
  correlations: JournalCorrelation[];
  note: string;
}

function hurtAfter(entries: readonly PainEntry[]): boolean {
  return entries.some((e) => {
    const after = Math.max(e.painAfter ?? -1, e.painNextMorning ?? -1);
    const score = after >= 0 ? after : (e.painDuring ?? 0);
    return score >= PAIN_AFTER_FROM;
  });
}

export function journalCorrelations(input: {
  activities: readonly CauseRun[];
  shoes: readonly CauseShoe[];
  entries: readonly PainEntry[];
  units: DistanceUnits;
  thresholds?: ShoeThresholds;
}): JournalCorrelations {
  const runs = (normalizeHistory(input.activities).runs as CauseRun[]).filter((r) => isRunningSport(r.sport));
  const byRun = new Map<string, PainEntry[]>();
  const runIds = new Set(runs.map((r) => r.id));
  const firstRunOfDay = new Map<string, string>();
  for (const r of runs) if (!firstRunOfDay.has(r.localDate)) firstRunOfDay.set(r.localDate, r.id);
  for (const e of input.entries) {
    const id =
      e.activityId !== null && runIds.has(e.activityId) ? e.activityId : firstRunOfDay.get(e.localDate);
    if (id === undefined) continue;
    byRun.set(id, [...(byRun.get(id) ?? []), e]);
  }
  const flags = runFlags({
    runs,
    shoes: input.shoes,
    thresholds: input.thresholds ?? DEFAULT_SHOE_THRESHOLDS,
    units: input.units,
    descentThresholdM: descentThreshold(runs),
  });
  const correlations = flags.map((flag): JournalCorrelation => {
    const withFactor = { runs: 0, painAfter: 0 };
    const withoutFactor = { runs: 0, painAfter: 0 };
    runs.forEach((run, i) => {
      const logged = byRun.get(run.id);
      if (!logged) return;
      const has = flag.test(i);
      if (has === null) return;
      const group = has ? withFactor : withoutFactor;
      group.runs += 1;
      if (hurtAfter(logged)) group.painAfter += 1;
    });
    const shown = withFactor.runs >= MIN_GROUP_RUNS && withoutFactor.runs >= MIN_GROUP_RUNS;
    const text = shown
      ? `Pain after ${withFactor.painAfter} of ${withFactor.runs} ${flag.label}, ${withoutFactor.painAfter} of ` +
        `${withoutFactor.runs} without.`
      : `Not enough logged runs to compare ${flag.label} (needs ${MIN_GROUP_RUNS} with and ${MIN_GROUP_RUNS} ` +
        `without; have ${withFactor.runs} and ${withoutFactor.runs}).`;
    return { factor: flag.id, label: flag.label, withFactor, withoutFactor, shown, text };
  });
  return {
    loggedRuns: byRun.size,
    minGroupRuns: MIN_GROUP_RUNS,
    painAfterFrom: PAIN_AFTER_FROM,
    correlations,
    note:
      `Counts from your own journal: runs with an entry, "pain after" meaning ${PAIN_AFTER_FROM}/10 or more after ` +
      'the run or the next morning. They show what went together, not what caused what.',
  };
}
