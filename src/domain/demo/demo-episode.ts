/**
 * The knee-pain episode after the spike: the runner's journal (front of the right knee, worst on stairs and
 * downhill, scores easing slowly over the weeks), an assessment three days in whose answers describe
 * patellofemoral pain with no red flag, and strength sessions from then on. Notes are the runner's own
 * words, as someone would type them after a run.
 */
import { dateOfDay } from '../load/calendar-day.ts';
import type {
  DemoActivity,
  DemoAssessment,
  DemoPainEntry,
  DemoProgrammeSession,
} from './demo-runner.types.ts';
import type { DemoTimeline } from './demo-timeline.ts';

interface JournalLine {
  /** Days after the onset. */
  k: number;
  during: number | null;
  after: number | null;
  /** The next morning's score. */
  morning: number | null;
  note: string;
}

/** One entry per test run (the runs of demo-training's episode), scores 0–10. */
const AFTER_RUNS: readonly JournalLine[] = [
  {
    k: 4,
    during: 4,
    after: 5,
    morning: 3,
    note: 'First run since the trail day. Ached from about 2 km, worst on the short downhill home, so I stopped at 4 km.',
  },
  {
    k: 9,
    during: 3,
    after: 3,
    morning: 2,
    note: 'Treadmill, flat, shorter steps. A dull ache near the end, gone an hour later.',
  },
  { k: 12, during: 2, after: 3, morning: 2, note: 'Flat loop in the park. Stairs at work still noticeable.' },
  { k: 15, during: 2, after: 2, morning: 1, note: 'Better. Kept it easy and the steps quick.' },
  { k: 18, during: 1, after: 2, morning: 1, note: 'Only felt the knee on the one small hill.' },
  { k: 21, during: 1, after: 1, morning: 0, note: 'Hardly noticed it. Stairs fine this morning.' },
  {
    k: 24,
    during: 0,
    after: 1,
    morning: 0,
    note: 'No pain running; a little stiff after a long day at the desk.',
  },
  { k: 27, during: 0, after: 0, morning: 0, note: 'Nothing today.' },
];

/** Days after the onset with a strength session, and the pain during it. */
const SESSIONS: readonly { k: number; pain: number; note: string | null }[] = [
  { k: 4, pain: 3, note: 'Wall sits were the hardest part.' },
  { k: 6, pain: 2, note: null },
  { k: 8, pain: 2, note: null },
  { k: 11, pain: 2, note: 'Side-lying leg raises burn more than the knee hurts.' },
  { k: 14, pain: 1, note: null },
  { k: 17, pain: 1, note: null },
];

export function demoPainEntries(t: DemoTimeline, activities: readonly DemoActivity[]): DemoPainEntry[] {
  const spike = activities.find((a) => a.role === 'spike');
  const entries: DemoPainEntry[] = [
    {
      localDate: dateOfDay(t.onset),
      time: '07:40',
      side: 'right',
      regions: ['anterior'],
      during: null,
      after: null,
      morning: 4,
      swelling: 'none',
      onset: 'gradual',
      activityKey: spike?.key ?? null,
      note: 'Front of the right knee stiff and sore on the stairs this morning, the day after the long trail day. Walking down to the bus hurt too.',
    },
  ];
  for (const line of AFTER_RUNS) {
    const day = t.onset + line.k;
    if (day >= t.today) break;
    const date = dateOfDay(day);
    const runOfDay = activities.find((a) => a.localDate === date && a.role !== 'ride');
    entries.push({
      localDate: date,
      time: null,
      side: 'right',
      regions: ['anterior'],
      during: line.during,
      after: line.after,
      // Tomorrow morning has not happened yet.
      morning: day + 1 > t.today ? null : line.morning,
      swelling: 'none',
      onset: null,
      activityKey: runOfDay?.key ?? null,
      note: line.note,
    });
  }
  return entries;
}

export function demoAssessment(t: DemoTimeline): DemoAssessment {
  return {
    localDate: dateOfDay(t.onset + 3),
    time: '19:30',
    answers: {
      age: 36,
      sex: 'female',
      side: 'right',
      painLocation: 'anterior',
      onset: 'gradual',
      durationDays: 3,
      trauma: false,
      popHeard: false,
      swelling: 'none',
      stairsPain: true,
      downhillPain: true,
      squattingPain: true,
      sittingPain: true,
      risingFromChairPain: true,
      kneelingPain: false,
      locking: false,
      lockedNow: false,
      catching: false,
      givingWay: false,
      canBearWeight: true,
      canWalk4StepsNow: true,
      canFullyStraighten: true,
      canStraightLegRaise: true,
      fever: false,
      redHotJoint: false,
      calfSwelling: false,
      calfPain: false,
      nightPain: false,
      painAtRest: false,
      previousKneeInjury: false,
      noviceRunner: false,
    },
  };
}

export function demoProgrammeSessions(t: DemoTimeline): DemoProgrammeSession[] {
  return SESSIONS.filter((s) => t.onset + s.k < t.today).map((s) => ({
    localDate: dateOfDay(t.onset + s.k),
    painDuring: s.pain,
    note: s.note,
  }));
}
