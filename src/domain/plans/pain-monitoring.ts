/**
 * The one pain-monitoring model of kneewise, used by the plan, Today, the journal and return to running: the
 * pain-monitoring model of Silbernagel et al. (Am J Sports Med 2007) in its traffic-light form.
 *  - Pain during or after a run may reach 5/10: 0–3 is safe (carry on, move up), 4–5 is acceptable but the
 *    load holds, above 5 is too much (step back).
 *  - It must have settled by the next morning: the next-morning score is no higher than the morning before
 *    the run (the previous next-morning score logged, 0 before the first). Comparing with the morning before
 *    rather than with the best morning ever logged is what lets a falling journal read as settling.
 *  - It must not build from week to week.
 * A bad day stops counting once two sessions inside the safe band follow it (the same two sessions that move
 * a walk-run level up). Input is a small journal shape of our own so the plans do not depend on the journal.
 */
import { compareLocalDates, dayNumber } from '../load/calendar-day.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export interface PainDay {
  localDate: string;
  painDuring: number | null;
  painAfter: number | null;
  painNextMorning: number | null;
}

/** green: carry on or progress; amber: hold the load; red: step back. */
export type PainSignal = 'green' | 'amber' | 'red';

/** Why the signal is what it is, for headlines ("Knee pain is not settling"). */
export type PainTrend = 'none' | 'settling' | 'hold' | 'too-much' | 'building' | 'not-settling';

export interface PainStatus {
  signal: PainSignal;
  trend: PainTrend;
  /** A short headline for the trend, e.g. "Knee pain is not settling". */
  headline: string;
  /** Plain-language reason built from the runner's own numbers. */
  reason: string;
  /** The entries the decision looked at (inside the window), oldest first. */
  considered: number;
  source: string;
}

export const PAIN_MODEL = {
  /** Pain during or after up to this is the safe band: carry on, move up. */
  safeMax: 3,
  /** Up to this is acceptable but holds the load; above it is too much. */
  acceptableMax: 5,
  /** Safe-band sessions after a bad day that clear it (and move a walk-run level up). */
  sessionsToClear: 2,
  /** How far back the status reads the journal: two weeks, so a week can be compared with the one before. */
  windowDays: 14,
  source: `${PLAN_SOURCES.silbernagel2007}; ${PLAN_SOURCES.painTrafficLight}`,
} as const;

const { safeMax, acceptableMax } = PAIN_MODEL;

/** The model in sentences, so every screen and command words it the same way. */
export const PAIN_TEXT = {
  rule:
    `Pain up to ${acceptableMax}/10 during or after a run is acceptable (0-${safeMax} is safe, ` +
    `${safeMax + 1}-${acceptableMax} means hold the load), as long as it has settled by the next morning and ` +
    `is not building from week to week; above ${acceptableMax}/10 is too much.`,
  safe: `Pain at or below ${safeMax}/10 that settled by the next morning: carry on, or move up.`,
  hold:
    `Pain of ${safeMax + 1}-${acceptableMax}/10, or a next morning worse than the morning before: ` +
    'keep the load where it is rather than adding more.',
  tooMuch: `Above ${acceptableMax}/10, or pain that changes how you move, is too much: step back.`,
  settle: 'By the next morning the knee should be no worse than the morning before the run.',
  weekly: 'Pain should not build from one week to the next. If it does, step back.',
  beforeRun:
    `Run only if yesterday stayed at or below ${acceptableMax}/10 and this morning is no worse than the ` +
    'morning before; otherwise swap it for cross-training.',
  moveUp: `Move up after two sessions with pain at or below ${safeMax}/10 that settled by the next morning.`,
  stay: `Stay on the level after a session with pain of ${safeMax + 1}-${acceptableMax}/10 or a next morning worse than the morning before.`,
  stepBack: `Go back a level, and take two days off running, after pain above ${acceptableMax}/10, more swelling, or pain building from week to week.`,
  exercises:
    `Pain during the exercises: up to ${safeMax}/10 is fine, ${safeMax + 1}-${acceptableMax}/10 means repeat ` +
    `the phase, above ${acceptableMax}/10 means go back one; it must settle by the next morning.`,
} as const;

function maxOf(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (best === null || v > best)) best = v;
  return best;
}

/** The worst score of a day (during, after or the next morning). */
export function worstOf(entry: PainDay): number | null {
  return maxOf([entry.painDuring, entry.painAfter, entry.painNextMorning]);
}

/**
 * One day by the model; null when nothing was scored. `morningBefore` is the knee's state before the run:
 * the previous next-morning score logged (0 when there is none).
 */
export function classifyDay(entry: PainDay, morningBefore: number): PainSignal | null {
  const during = maxOf([entry.painDuring, entry.painAfter]);
  const morning = entry.painNextMorning;
  if (during === null && morning === null) return null;
  const worst = maxOf([during, morning]) ?? 0;
  if (worst > acceptableMax) return 'red';
  const settled = morning === null || morning <= morningBefore;
  return worst <= safeMax && settled ? 'green' : 'amber';
}

export interface ClassifiedDay {
  entry: PainDay;
  signal: PainSignal | null;
  morningBefore: number;
}

/**
 * Every entry, oldest first, with its signal against the morning before it. Entries of one day are kept
 * apart: each compares with the last morning score logged before it.
 */
export function classifyJournal(entries: readonly PainDay[]): ClassifiedDay[] {
  const sorted = [...entries].sort((a, b) => compareLocalDates(a.localDate, b.localDate));
  let morningBefore = 0;
  return sorted.map((entry) => {
    const day = { entry, signal: classifyDay(entry, morningBefore), morningBefore };
    if (entry.painNextMorning !== null) morningBefore = entry.painNextMorning;
    return day;
  });
}

/** Whether at least two safe-band sessions follow position `i`: the bad day no longer counts. */
function clearedAfter(days: readonly ClassifiedDay[], i: number): boolean {
  return days.slice(i + 1).filter((d) => d.signal === 'green').length >= PAIN_MODEL.sessionsToClear;
}

function lastIndex(days: readonly ClassifiedDay[], test: (d: ClassifiedDay) => boolean): number {
  for (let i = days.length - 1; i >= 0; i -= 1) if (test(days[i]!)) return i;
  return -1;
}

const HEADLINES: Record<PainTrend, string> = {
  none: 'No knee pain logged lately',
  settling: 'Knee pain is settling',
  hold: 'Knee pain needs watching',
  'too-much': `Knee pain went above ${acceptableMax}/10`,
  building: 'Knee pain is building week to week',
  'not-settling': 'Knee pain is not settling',
};

const SIGNAL_OF: Record<PainTrend, PainSignal> = {
  none: 'green',
  settling: 'green',
  hold: 'amber',
  'too-much': 'red',
  building: 'red',
  'not-settling': 'red',
};

/** "5 → 3 → 2 → 1/10" */
function series(values: readonly number[]): string {
  return `${values.join(' → ')}/10`;
}

/**
 * The status to plan from, given journal entries (all of them: the morning before the window counts) and the
 * day to read it on. Red when, in the last two weeks and not cleared by two safe sessions since: pain went
 * above 5/10; the worst pain of this week is above last week's and above the safe band; or the next-morning
 * score rose twice running. Amber for a day of 4-5/10 or a morning worse than the one before. Otherwise green.
 */
export function painStatus(
  entries: readonly PainDay[],
  asOf: string,
  windowDays: number = PAIN_MODEL.windowDays,
): PainStatus {
  const end = dayNumber(asOf);
  const all = classifyJournal(entries.filter((e) => dayNumber(e.localDate) <= end));
  const days = all.filter((d) => dayNumber(d.entry.localDate) > end - windowDays);
  const make = (trend: PainTrend, reason: string): PainStatus => ({
    signal: SIGNAL_OF[trend],
    trend,
    headline: HEADLINES[trend],
    reason,
    considered: days.length,
    source: PAIN_MODEL.source,
  });
  if (days.every((d) => d.signal === null)) {
    return make('none', 'No knee pain logged in the last two weeks.');
  }

  const tooMuch = lastIndex(days, (d) => d.signal === 'red');
  if (tooMuch >= 0 && !clearedAfter(days, tooMuch)) {
    const d = days[tooMuch]!;
    return make(
      'too-much',
      `Pain reached ${worstOf(d.entry)}/10 on ${d.entry.localDate}, above the ${acceptableMax}/10 limit.`,
    );
  }

  // Week on week: this week's worst against last week's, counted from the day that set it.
  const half = end - Math.floor(windowDays / 2);
  const early = maxOf(days.filter((d) => dayNumber(d.entry.localDate) <= half).map((d) => worstOf(d.entry)));
  const lateDays = days.filter((d) => dayNumber(d.entry.localDate) > half);
  const late = maxOf(lateDays.map((d) => worstOf(d.entry)));
  if (early !== null && late !== null && late > early && late > safeMax) {
    const peak = lastIndex(days, (d) => dayNumber(d.entry.localDate) > half && worstOf(d.entry) === late);
    if (!clearedAfter(days, peak)) {
      return make('building', `The worst pain went from ${early}/10 last week to ${late}/10 this week.`);
    }
  }

  // Not settling: the next-morning score rose over the morning before, twice running.
  const mornings = days.filter((d) => d.entry.painNextMorning !== null);
  const lastTwo = mornings.slice(-2);
  const rising = lastTwo.length === 2 && lastTwo.every((d) => d.entry.painNextMorning! > d.morningBefore);
  if (rising && !clearedAfter(days, days.indexOf(lastTwo[1]!))) {
    const first = lastTwo[0]!;
    const values = [first.morningBefore, ...lastTwo.map((d) => d.entry.painNextMorning!)];
    return make('not-settling', `The next-morning pain rose ${series(values)} over your last runs.`);
  }

  const hold = lastIndex(days, (d) => d.signal === 'amber');
  if (hold >= 0 && !clearedAfter(days, hold)) {
    const d = days[hold]!;
    const during = maxOf([d.entry.painDuring, d.entry.painAfter]);
    const why =
      during !== null && during > safeMax
        ? `pain reached ${during}/10 during or after running`
        : `the next morning (${d.entry.painNextMorning}/10) was worse than the morning before (${d.morningBefore}/10)`;
    return make('hold', `On ${d.entry.localDate} ${why}: hold the load for now.`);
  }

  const scored = days.filter((d) => d.signal !== null);
  const worsts = scored.map((d) => worstOf(d.entry) ?? 0).slice(-5);
  const latestMorning = mornings.at(-1)?.entry.painNextMorning;
  const morningText =
    latestMorning === undefined ? '' : `, ${latestMorning}/10 the morning after the last one`;
  const trendText = worsts.length > 1 ? `: worst per entry ${series(worsts)}${morningText}` : morningText;
  return make('settling', `Pain stayed within the rules and settled by the next morning${trendText}.`);
}
