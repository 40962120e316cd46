/**
 * The pain-monitoring rules that steer every plan: some pain during exercise is acceptable as long as it stays
 * at or below 3/10, has settled back to the usual level by the next morning, and does not creep up from week
 * to week. Input is a small journal shape of our own so the plans do not depend on the journal module.
 */
import { dayNumber } from '../load/calendar-day.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export interface PainDay {
  localDate: string;
  painDuring: number | null;
  painAfter: number | null;
  painNextMorning: number | null;
}

/** green: carry on or progress; amber: hold the load; red: step back. */
export type PainSignal = 'green' | 'amber' | 'red';

export interface PainStatus {
  signal: PainSignal;
  /** Plain-language reason built from the runner's own numbers. */
  reason: string;
  /** The entries the decision looked at (inside the window), oldest first. */
  considered: number;
  source: string;
}

export const PAIN_RULES = {
  /** Pain during the session up to this is fine (the "safe" band of the traffic light). */
  acceptableDuring: 3,
  /** Above this during or after, the load was too much: step back. */
  tooMuch: 5,
  /** The next-morning score counts as "back to baseline" when it is at most this above the runner's usual. */
  morningTolerance: 0,
  source: `${PLAN_SOURCES.silbernagel2007}; ${PLAN_SOURCES.painTrafficLight}`,
} as const;

function maxOf(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (best === null || v > best)) best = v;
  return best;
}

/**
 * The runner's usual morning level: the lowest next-morning score in the window (0 when never recorded).
 * Someone with knee OA may never wake at 0; "back to baseline" means back to *their* usual.
 */
export function morningBaseline(entries: readonly PainDay[]): number {
  let best: number | null = null;
  for (const e of entries) {
    if (e.painNextMorning !== null && (best === null || e.painNextMorning < best)) best = e.painNextMorning;
  }
  return best ?? 0;
}

/** Classifies one day by the rules; null when nothing was scored. */
export function classifyDay(entry: PainDay, baseline: number): PainSignal | null {
  const during = maxOf([entry.painDuring, entry.painAfter]);
  const morning = entry.painNextMorning;
  if (during === null && morning === null) return null;
  if (
    (during !== null && during > PAIN_RULES.tooMuch) ||
    (morning !== null && morning > PAIN_RULES.tooMuch)
  ) {
    return 'red';
  }
  const morningBack = morning === null || morning <= baseline + PAIN_RULES.morningTolerance;
  if ((during === null || during <= PAIN_RULES.acceptableDuring) && morningBack) return 'green';
  return 'amber';
}

/**
 * The status to plan from, given journal days on or before `asOf` within the last `windowDays`.
 * Two amber days in the window, or a rise in the worst score from the first half of the window to the
 * second, count as red: the rule is that pain must not build from week to week.
 */
export function painStatus(entries: readonly PainDay[], asOf: string, windowDays = 14): PainStatus {
  const end = dayNumber(asOf);
  const inWindow = entries
    .filter((e) => {
      const d = dayNumber(e.localDate);
      return d <= end && d > end - windowDays;
    })
    .sort((a, b) => a.localDate.localeCompare(b.localDate));
  const base = { considered: inWindow.length, source: PAIN_RULES.source };
  if (inWindow.length === 0) {
    return { ...base, signal: 'green', reason: 'No knee pain logged in the last two weeks.' };
  }
  const baseline = morningBaseline(inWindow);
  const signals = inWindow.map((e) => ({ e, s: classifyDay(e, baseline) }));
  const red = signals.find((x) => x.s === 'red');
  if (red) {
    const worst = maxOf([red.e.painDuring, red.e.painAfter, red.e.painNextMorning]);
    return {
      ...base,
      signal: 'red',
      reason: `Pain reached ${worst}/10 on ${red.e.localDate}, above the 5/10 limit.`,
    };
  }
  const ambers = signals.filter((x) => x.s === 'amber');
  const worst = (list: typeof inWindow) =>
    maxOf(list.map((e) => maxOf([e.painDuring, e.painAfter, e.painNextMorning])));
  const half = end - Math.floor(windowDays / 2);
  const early = worst(inWindow.filter((e) => dayNumber(e.localDate) <= half));
  const late = worst(inWindow.filter((e) => dayNumber(e.localDate) > half));
  if (early !== null && late !== null && late > early && late > PAIN_RULES.acceptableDuring) {
    return {
      ...base,
      signal: 'red',
      reason: `Pain is building: worst ${early}/10 last week, ${late}/10 this week.`,
    };
  }
  if (ambers.length >= 2) {
    return { ...base, signal: 'red', reason: `${ambers.length} days in two weeks broke the pain rules.` };
  }
  const amber = ambers[0];
  if (amber) {
    const during = maxOf([amber.e.painDuring, amber.e.painAfter]);
    const why =
      during !== null && during > PAIN_RULES.acceptableDuring
        ? `pain reached ${during}/10 during or after running`
        : `the next morning was worse than your usual ${baseline}/10`;
    return { ...base, signal: 'amber', reason: `On ${amber.e.localDate} ${why}: hold the load for now.` };
  }
  return {
    ...base,
    signal: 'green',
    reason: `Pain stayed at or below ${PAIN_RULES.acceptableDuring}/10 and settled by the next morning.`,
  };
}
