/**
 * The run during which the current knee pain began. It is left out of the base of the 10 % ceiling: the
 * ceiling is 1.10 × a distance the knee has shown it can take, and the run that brought the pain on showed
 * the opposite (a 23 km spike must not make "under 25 km" the limit for the return).
 */
import { dayNumber } from '../load/calendar-day.ts';
import type { HistoryRun } from './plan-baseline.ts';

export interface PainOnset {
  /** The local date of the first painful journal entry of the current episode. */
  onset: string;
  /** The run that entry was logged against, when the runner linked one. */
  onsetActivityId: string | null;
}

/**
 * The linked run when the entry names one; otherwise the longest run on the onset day or the day before (pain
 * noticed the morning after a run belongs to that run). Null when no run fits.
 */
export function painOnsetRun(onset: PainOnset | null, runs: readonly HistoryRun[]): HistoryRun | null {
  if (onset === null) return null;
  if (onset.onsetActivityId !== null) {
    const linked = runs.find((r) => r.id === onset.onsetActivityId);
    if (linked) return linked;
  }
  const day = dayNumber(onset.onset);
  let best: HistoryRun | null = null;
  for (const r of runs) {
    const d = dayNumber(r.localDate);
    if ((d === day || d === day - 1) && r.distanceM > 0 && (best === null || r.distanceM > best.distanceM))
      best = r;
  }
  return best;
}
