import type { StatedTotals } from '../../domain/activity/activity.ts';
import { emptyTotals } from '../../domain/activity/activity.ts';

/**
 * Sums what TCX `<Lap>` elements state into one activity's totals: distance, timer time and calories add up;
 * maximum heart rate is the largest; average heart rate and cadence are weighted by each lap's time (a 10-minute
 * lap counts ten times a 1-minute lap). Only laps that state a value take part in its sum or average.
 */

/** What one lap states. NaN = not stated. Cadence already in steps/min (or rpm for rides). */
export interface LapFacts {
  timerS: number;
  distanceM: number;
  calories: number;
  avgHeartRate: number;
  maxHeartRate: number;
  avgCadence: number;
}

export function emptyLap(): LapFacts {
  return {
    timerS: Number.NaN,
    distanceM: Number.NaN,
    calories: Number.NaN,
    avgHeartRate: Number.NaN,
    maxHeartRate: Number.NaN,
    avgCadence: Number.NaN,
  };
}

export class LapTotals {
  laps = 0;
  private timerS = 0;
  private timerSeen = false;
  private distanceM = 0;
  private distanceSeen = false;
  private calories = 0;
  private caloriesSeen = false;
  private maxHeartRate = Number.NaN;
  private hrWeighted = 0;
  private hrWeight = 0;
  private cadWeighted = 0;
  private cadWeight = 0;

  add(lap: LapFacts): void {
    this.laps++;
    const time = lap.timerS;
    if (!Number.isNaN(time)) {
      this.timerS += time;
      this.timerSeen = true;
    }
    if (!Number.isNaN(lap.distanceM)) {
      this.distanceM += lap.distanceM;
      this.distanceSeen = true;
    }
    if (!Number.isNaN(lap.calories)) {
      this.calories += lap.calories;
      this.caloriesSeen = true;
    }
    if (!Number.isNaN(lap.maxHeartRate) && !(lap.maxHeartRate <= this.maxHeartRate)) {
      this.maxHeartRate = lap.maxHeartRate;
    }
    if (!Number.isNaN(time) && time > 0) {
      if (!Number.isNaN(lap.avgHeartRate) && lap.avgHeartRate > 0) {
        this.hrWeighted += lap.avgHeartRate * time;
        this.hrWeight += time;
      }
      if (!Number.isNaN(lap.avgCadence)) {
        this.cadWeighted += lap.avgCadence * time;
        this.cadWeight += time;
      }
    }
  }

  /** Whether any lap stated something worth keeping. */
  get stated(): boolean {
    return this.timerSeen || this.distanceSeen;
  }

  toTotals(): StatedTotals {
    const totals = emptyTotals();
    if (this.distanceSeen) totals.distanceM = this.distanceM;
    if (this.timerSeen) totals.timerS = this.timerS;
    if (this.caloriesSeen) totals.calories = this.calories;
    if (!Number.isNaN(this.maxHeartRate)) totals.maxHeartRate = this.maxHeartRate;
    if (this.hrWeight > 0) totals.avgHeartRate = this.hrWeighted / this.hrWeight;
    if (this.cadWeight > 0) totals.avgCadenceSpm = this.cadWeighted / this.cadWeight;
    return totals;
  }
}
