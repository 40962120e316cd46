/**
 * The demo runner's two years as key days (day numbers, see load/calendar-day.ts), all counted back from
 * `today` so the story always ends now: a base year, a holiday-and-cold break, a 16-week build to a goal
 * half marathon, a steady spell, then a busy month with short long runs, two hilly weeks, one very long
 * trail day 3–4 weeks ago and the knee pain that followed.
 */
import { dayNumber, dayOfWeek } from '../load/calendar-day.ts';

export type DemoPhase =
  | 'base'
  | 'break'
  | 'comeback-from-break'
  | 'build'
  | 'taper'
  | 'race'
  | 'recovery'
  | 'steady'
  | 'busy'
  | 'hills'
  | 'spike'
  | 'episode';

export interface DemoTimeline {
  today: number;
  first: number;
  breakFrom: number;
  breakTo: number;
  comebackTo: number;
  buildFrom: number;
  taperFrom: number;
  race: number;
  recoveryTo: number;
  /** Long runs stay short from here on, so the spike has a small 30-day baseline. */
  busyFrom: number;
  /** More descent and a lower step rate in the two weeks before the spike. */
  hillsFrom: number;
  spike: number;
  onset: number;
  /** The runner started logging shoes here (earlier runs have none). */
  shoesLoggedFrom: number;
  /** The pair that is now worn out took over from the retired pair here. */
  wornFrom: number;
  /** A new pair, bought after the knee started hurting. */
  newShoesFrom: number;
}

/** Two years ending today, today included. */
export const DEMO_DAYS = 730;

/** The Sunday between `minBack` and `maxBack` days before `today` (a 7-day window holds exactly one). */
function sundayBack(today: number, minBack: number, maxBack: number): number {
  for (let back = minBack; back <= maxBack; back++) {
    if (dayOfWeek(today - back) === 0) return today - back;
  }
  throw new Error(`no Sunday between ${minBack} and ${maxBack} days back`);
}

export function demoTimeline(todayDate: string): DemoTimeline {
  const today = dayNumber(todayDate);
  const breakFrom = today - 440;
  const breakTo = breakFrom + 16;
  const race = sundayBack(today, 186, 192);
  const spike = sundayBack(today, 22, 28);
  return {
    today,
    first: today - (DEMO_DAYS - 1),
    breakFrom,
    breakTo,
    comebackTo: breakTo + 28,
    buildFrom: race - 112,
    taperFrom: race - 7,
    race,
    recoveryTo: race + 10,
    busyFrom: spike - 35,
    hillsFrom: spike - 14,
    spike,
    onset: spike + 1,
    shoesLoggedFrom: today - 470,
    wornFrom: race - 28,
    newShoesFrom: spike + 7,
  };
}

export function phaseOf(day: number, t: DemoTimeline): DemoPhase {
  if (day > t.spike) return 'episode';
  if (day === t.spike) return 'spike';
  if (day >= t.hillsFrom) return 'hills';
  if (day >= t.busyFrom) return 'busy';
  if (day > t.recoveryTo) return 'steady';
  if (day > t.race) return 'recovery';
  if (day === t.race) return 'race';
  if (day >= t.taperFrom) return 'taper';
  if (day >= t.buildFrom) return 'build';
  if (day > t.comebackTo) return 'base';
  if (day > t.breakTo) return 'comeback-from-break';
  if (day >= t.breakFrom) return 'break';
  return 'base';
}
