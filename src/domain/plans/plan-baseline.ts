/**
 * What the runner's recent history says about where a plan should start: weekly volume, how often they run,
 * their easy pace, and whether they are in (or need) a return to running.
 */
import { compareLocalDates, dayNumber } from '../load/calendar-day.ts';
import type { PainDay } from './pain-monitoring.ts';
import { decideReturnToRun, levelDistanceM, MAX_LEVEL, type ReturnDecision } from './return-to-run.ts';

export interface HistoryRun {
  /** The activity id, when known (it ties a run to the journal entry that names it). */
  id?: string;
  localDate: string;
  distanceM: number;
  movingTimeS: number;
}

export interface PlanBaseline {
  /** Mean weekly running distance over the 28 days before the plan. */
  weeklyAvgM: number;
  /** Runs per week to plan, from the last 28 days, between 2 and 5 (3 when there is no history). */
  runsPerWeek: number;
  /** Easy running speed, metres per minute, from the last 90 days (150 m/min ≈ 6:40 /km without data). */
  easyMPerMin: number;
  /** Where the return-to-run ladder stands, when the runner is on it or has not run for 30 days. */
  returnToRun: ReturnDecision | null;
}

const DEFAULT_SPEED = 150;
const RETURN_GAP_DAYS = 21;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function planBaseline(
  history: readonly HistoryRun[],
  journal: readonly PainDay[],
  start: string,
): PlanBaseline {
  const startDay = dayNumber(start);
  const before = history
    .filter((r) => dayNumber(r.localDate) < startDay && r.distanceM > 0)
    .sort((a, b) => compareLocalDates(a.localDate, b.localDate));
  const last28 = before.filter((r) => dayNumber(r.localDate) >= startDay - 28);
  const last30 = before.filter((r) => dayNumber(r.localDate) >= startDay - 30);
  const weeklyAvgM = last28.reduce((s, r) => s + r.distanceM, 0) / 4;
  const runsPerWeek = last28.length === 0 ? 3 : Math.min(5, Math.max(2, Math.round(last28.length / 4)));
  const speeds = before
    .filter((r) => dayNumber(r.localDate) >= startDay - 90 && r.movingTimeS > 0)
    .map((r) => r.distanceM / (r.movingTimeS / 60));
  const easyMPerMin = Math.min(250, Math.max(110, median(speeds) ?? DEFAULT_SPEED));

  let returnToRun: ReturnDecision | null = null;
  if (last30.length === 0) {
    returnToRun = decideReturnToRun([], journal);
  } else {
    // Runs after a break of three weeks or more, all still walk-run sized: the runner is on the ladder.
    const first = last30[0]!;
    const previous = before.filter((r) => r.localDate < first.localDate).at(-1);
    const gap = previous
      ? dayNumber(first.localDate) - dayNumber(previous.localDate)
      : Number.POSITIVE_INFINITY;
    const longest = Math.max(...last30.map((r) => r.distanceM));
    if (gap >= RETURN_GAP_DAYS && longest <= levelDistanceM(MAX_LEVEL, easyMPerMin) * 1.1) {
      const decision = decideReturnToRun(last30, journal);
      if (decision.action !== 'graduate') returnToRun = decision;
    }
  }
  return { weeklyAvgM, runsPerWeek, easyMPerMin, returnToRun };
}
