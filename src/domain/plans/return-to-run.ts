/**
 * Return to running after pain or a break: readiness tests first, then walk-run levels of 30 minutes in which
 * the running share grows while the total time stays the same. Because the session length is fixed, each level
 * covers only a little more ground than the one before (under 10 % at an easy 6:40 /km or slower); for faster
 * runners the 30-day longest-run ceiling trims the distance. Each session stops at its own distance. Move up
 * after two sessions that kept the pain rules, hold after one that broke them mildly, step back after a bad
 * one (the one pain-monitoring model of pain-monitoring.ts).
 */
import { compareLocalDates } from '../load/calendar-day.ts';
import { classifyJournal, PAIN_MODEL, PAIN_TEXT, type PainDay, type PainSignal } from './pain-monitoring.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export interface ReadinessTest {
  id: string;
  name: string;
  howTo: string;
  pass: string;
  source: string;
}

export const READINESS_TESTS: readonly ReadinessTest[] = [
  {
    id: 'brisk-walk',
    name: 'Brisk walk',
    howTo: 'Walk briskly for 30 minutes.',
    pass: `No limp and pain no higher than ${PAIN_MODEL.safeMax}/10, none the next morning.`,
    source: PLAN_SOURCES.readiness,
  },
  {
    id: 'single-leg-squat',
    name: 'Single-leg squats',
    howTo: '10 slow single-leg squats on each side, knee tracking over the foot.',
    pass: `Controlled on both sides, pain no higher than ${PAIN_MODEL.safeMax}/10.`,
    source: PLAN_SOURCES.readiness,
  },
  {
    id: 'calf-raises',
    name: 'Single-leg calf raises',
    howTo: '20 single-leg calf raises on each side.',
    pass: `All 20 on both sides without pain above ${PAIN_MODEL.safeMax}/10.`,
    source: PLAN_SOURCES.readiness,
  },
  {
    id: 'hopping',
    name: 'Hopping',
    howTo: 'Hop on both feet for 1 minute, then 20 s on each leg and count the hops.',
    pass: `Pain no higher than ${PAIN_MODEL.safeMax}/10 and the hop counts within about 10 % of each other.`,
    source: PLAN_SOURCES.readiness,
  },
  {
    id: 'next-morning',
    name: 'Next morning',
    howTo: 'Check the knee the morning after the tests.',
    pass: 'No more pain or swelling than the morning before.',
    source: PLAN_SOURCES.silbernagel2007,
  },
];

export interface WalkRunLevel {
  level: number;
  repeats: number;
  walkMin: number;
  runMin: number;
  description: string;
}

/** Every level lasts 30 minutes after a 5-minute walking warm-up. */
export const WALK_RUN_LEVELS: readonly WalkRunLevel[] = [
  { level: 1, repeats: 6, walkMin: 4, runMin: 1, description: '6 × (walk 4 min, jog 1 min)' },
  { level: 2, repeats: 6, walkMin: 3, runMin: 2, description: '6 × (walk 3 min, jog 2 min)' },
  { level: 3, repeats: 6, walkMin: 2, runMin: 3, description: '6 × (walk 2 min, jog 3 min)' },
  { level: 4, repeats: 6, walkMin: 1, runMin: 4, description: '6 × (walk 1 min, jog 4 min)' },
  { level: 5, repeats: 2, walkMin: 1, runMin: 14, description: '2 × (walk 1 min, jog 14 min)' },
  { level: 6, repeats: 1, walkMin: 0, runMin: 30, description: 'jog 30 min without walking' },
];

export const RETURN_RULES = {
  sessionsToProgress: PAIN_MODEL.sessionsToClear,
  restDayBetweenRuns: true,
  text: [
    'Run on level ground, at an easy, conversational effort, with a rest day between walk-run sessions.',
    PAIN_TEXT.moveUp,
    PAIN_TEXT.stay,
    PAIN_TEXT.stepBack,
  ],
  source: `${PLAN_SOURCES.armyRtr}; ${PLAN_SOURCES.arcRunning}; ${PLAN_SOURCES.couchTo5k}; ${PLAN_SOURCES.silbernagel2007}`,
} as const;

export const WALK_SPEED_M_PER_MIN = 100;
export const MAX_LEVEL = WALK_RUN_LEVELS.length;

export function walkRunLevel(level: number): WalkRunLevel {
  const found = WALK_RUN_LEVELS[Math.min(Math.max(level, 1), MAX_LEVEL) - 1];
  if (!found) throw new Error(`No walk-run level ${level}`);
  return found;
}

/** Rough ground covered by a level, whole 100 m, for the plan's distance column. */
export function levelDistanceM(level: number, easyRunMPerMin: number): number {
  const l = walkRunLevel(level);
  const metres = l.repeats * (l.walkMin * WALK_SPEED_M_PER_MIN + l.runMin * easyRunMPerMin);
  return Math.floor(metres / 100) * 100;
}

export type ReturnAction = 'start' | 'progress' | 'hold' | 'step-back' | 'graduate';

export interface ReturnDecision {
  /** The level of the next session. */
  level: number;
  action: ReturnAction;
  reason: string;
  /** Sessions already done at `level` with green pain (counts toward moving up). */
  greenAtLevel: number;
  source: string;
}

/**
 * Replays the walk-run sessions (running activities since the return began, oldest first) against the journal
 * and says where the next session stands. A session with no journal entry counts as pain-free: the journal
 * asks runners to log pain, not its absence.
 */
export function decideReturnToRun(
  sessions: readonly { localDate: string }[],
  journal: readonly PainDay[],
  startLevel = 1,
): ReturnDecision {
  // The worst signal logged on each day, each entry judged against the morning before it.
  const byDate = new Map<string, PainSignal>();
  const rank = { green: 0, amber: 1, red: 2 } as const;
  for (const { entry, signal } of classifyJournal(journal)) {
    const before = byDate.get(entry.localDate);
    if (signal !== null && (before === undefined || rank[signal] > rank[before]))
      byDate.set(entry.localDate, signal);
  }
  let level = Math.min(Math.max(startLevel, 1), MAX_LEVEL);
  let green = 0;
  let action: ReturnAction = 'start';
  let reason = 'First walk-run session: start easy.';
  const sorted = [...sessions].sort((a, b) => compareLocalDates(a.localDate, b.localDate));
  for (const s of sorted) {
    const signal: PainSignal = byDate.get(s.localDate) ?? 'green';
    if (signal === 'red') {
      level = Math.max(1, level - 1);
      green = 0;
      action = 'step-back';
      reason = `Pain above ${PAIN_MODEL.acceptableMax}/10 after the session on ${s.localDate}: back to level ${level}.`;
    } else if (signal === 'amber') {
      green = 0;
      action = 'hold';
      reason = `The session on ${s.localDate} broke the pain rules mildly: repeat level ${level}.`;
    } else {
      green += 1;
      if (green >= RETURN_RULES.sessionsToProgress) {
        if (level === MAX_LEVEL) {
          return {
            level,
            action: 'graduate',
            reason: 'Two easy 30-minute runs kept the pain rules: back to normal training.',
            greenAtLevel: green,
            source: RETURN_RULES.source,
          };
        }
        level += 1;
        green = 0;
        action = 'progress';
        reason = `Two sessions kept the pain rules: up to level ${level}.`;
      } else {
        action = 'hold';
        reason = `One more session like the one on ${s.localDate} before moving up.`;
      }
    }
  }
  return { level, action, reason, greenAtLevel: green, source: RETURN_RULES.source };
}
