/**
 * The rule every planned run obeys: no run more than 10 % longer than the longest run (done or planned) that
 * started in the 30 days before it (Frandsen et al., BJSM 2025). Planned runs only have a date, so windows are
 * by local day: a run on day D looks at days D-30 … D-1.
 */

import { dayNumber } from '../load/calendar-day.ts';
import { ceilingFrom } from '../load/session-spike.ts';

export interface RunOnDay {
  localDate: string;
  distanceM: number;
}

export const CEILING_WINDOW_DAYS = 30;

export interface RunCeiling {
  /** 1.10 × the longest run on days D-30 … D-1, or null when there is none (no baseline). */
  ceilingM: number | null;
  /**
   * The most we plan: the ceiling, and also 1.10 × the longest on days D-29 … D-1 when that window has a run.
   * Taking the stricter of the two keeps the plan safe whichever way a reader counts "the previous 30 days"
   * (the `load` command's window for the next-run ceiling includes the run's own day, so it is one day shorter).
   */
  capM: number | null;
}

export class RunCeilingTracker {
  private readonly runs: { day: number; distanceM: number }[] = [];

  constructor(done: readonly RunOnDay[]) {
    for (const r of done) this.add(r.localDate, r.distanceM);
  }

  add(localDate: string, distanceM: number): void {
    if (Number.isFinite(distanceM) && distanceM > 0) this.runs.push({ day: dayNumber(localDate), distanceM });
  }

  private longest(fromDay: number, toDay: number): number | null {
    let best: number | null = null;
    for (const r of this.runs) {
      if (r.day >= fromDay && r.day <= toDay && (best === null || r.distanceM > best)) best = r.distanceM;
    }
    return best;
  }

  ceilingFor(localDate: string): RunCeiling {
    const day = dayNumber(localDate);
    const ceilingM = ceilingFrom(this.longest(day - CEILING_WINDOW_DAYS, day - 1));
    const narrow = ceilingFrom(this.longest(day - CEILING_WINDOW_DAYS + 1, day - 1));
    const capM = ceilingM === null ? null : narrow === null ? ceilingM : Math.min(ceilingM, narrow);
    return { ceilingM, capM };
  }
}

/** Planned distances are whole 100 m, rounded down so they never cross the cap. */
export function floorTo100(metres: number): number {
  return Math.floor(metres / 100) * 100;
}
