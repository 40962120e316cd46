/**
 * The demo runner: a recreational runner's last two years, ending on `today`, for trying kneewise without
 * one's own export. Pure and deterministic: the same `today` and `seed` always give the same runner.
 *
 * The story (see demo-timeline.ts): steady running with a break, a gradual build to a goal half marathon,
 * then 3–4 weeks ago a trail day more than twice as long as any run of the month before, after two weeks of
 * hillier routes and a shorter step, and front-of-knee pain from the next morning. Since then: rides, short
 * test runs, a journal that improves slowly, an assessment and strength sessions.
 */
import { isRunningSport } from '../activity/sport.ts';
import { DAY_MS, dateOfDay, dayNumber } from '../load/calendar-day.ts';
import { SPIKE_WINDOW_MS } from '../load/session-spike.ts';
import { buildDemoActivity } from './demo-activity.builder.ts';
import { demoAssessment, demoPainEntries, demoProgrammeSessions } from './demo-episode.ts';
import type { DemoActivity, DemoRunner, DemoSpike } from './demo-runner.types.ts';
import { demoShoes, withShoes } from './demo-shoes.ts';
import { demoTimeline } from './demo-timeline.ts';
import { planTraining } from './demo-training.ts';
import { seededRandom } from './seeded-random.ts';

export const DEFAULT_DEMO_SEED = 2024;

export function generateDemoRunner(today: string, seed: number = DEFAULT_DEMO_SEED): DemoRunner {
  const t = demoTimeline(today);
  const rng = seededRandom(seed);
  const planned = planTraining(t, rng);
  const activities = withShoes(
    planned.map((p, i) => buildDemoActivity(`a${String(i + 1).padStart(4, '0')}`, p, rng)),
    t,
  );
  const spike = spikeOf(activities);
  return {
    today,
    seed,
    from: activities[0]!.localDate,
    to: activities[activities.length - 1]!.localDate,
    activities,
    shoes: demoShoes(t),
    painEntries: demoPainEntries(t, activities),
    assessment: demoAssessment(t),
    programmeSessions: demoProgrammeSessions(t),
    story: {
      breakFrom: dateOfDay(t.breakFrom),
      breakTo: dateOfDay(t.breakTo),
      goalRaceDate: dateOfDay(t.race),
      spike,
      onset: dateOfDay(t.onset),
    },
  };
}

/** Local wall-clock milliseconds: enough to order runs and to apply the 30-day window. */
function localMs(a: DemoActivity): number {
  return dayNumber(a.localDate) * DAY_MS + a.startMinute * 60_000;
}

/** The spike run against the longest run starting in the 30 days before it (load/session-spike.ts). */
function spikeOf(activities: readonly DemoActivity[]): DemoSpike {
  const spike = activities.find((a) => a.role === 'spike');
  if (!spike) throw new Error('the demo timeline always holds the spike run');
  const start = localMs(spike);
  let longest = 0;
  for (const a of activities) {
    const at = localMs(a);
    if (isRunningSport(a.sport) && at >= start - SPIKE_WINDOW_MS && at < start) {
      longest = Math.max(longest, a.distanceM);
    }
  }
  return {
    activityKey: spike.key,
    localDate: spike.localDate,
    distanceM: spike.distanceM,
    longestPrev30dM: longest,
    spikePct: Math.round(100 * (spike.distanceM / longest - 1) * 10) / 10,
  };
}
