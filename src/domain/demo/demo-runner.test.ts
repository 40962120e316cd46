import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRunningSport } from '../activity/sport.ts';
import { parseAnswers } from '../assessment/answers.schema.ts';
import { assessKnee } from '../assessment/assess.engine.ts';
import { explainOnset } from '../causes/cause-analysis.ts';
import type { CauseRun } from '../causes/cause-input.ts';
import { peakPain } from '../journal/pain-entry.ts';
import { addDays, DAY_MS, dayNumber, weekStartOf } from '../load/calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from '../load/load-activity.ts';
import { computeLoadReport } from '../load/load-engine.ts';
import { shoeMileage } from '../shoes/shoe-mileage.ts';
import { generateDemoRunner } from './demo-runner.ts';
import type { DemoActivity, DemoRunner } from './demo-runner.types.ts';

const TODAY = '2025-06-29';
/** Different weekdays, a leap day, a new year and a date in the past, so no calendar accident hides a bug. */
const TODAYS = ['2025-06-29', '2024-02-29', '2026-01-01', '2025-11-13', '2023-03-15'];

function asCauseRuns(runner: DemoRunner): CauseRun[] {
  return runner.activities.map((a) => ({
    id: a.key,
    startMs: dayNumber(a.localDate) * DAY_MS + a.startMinute * 60_000,
    localDate: a.localDate,
    sport: a.sport,
    distanceM: a.distanceM,
    movingTimeS: a.movingTimeS,
    elapsedTimeS: a.elapsedTimeS,
    ascentM: a.ascentM,
    descentM: a.descentM,
    downhillDistanceM: null,
    avgHeartRate: a.avgHeartRate,
    avgCadenceSpm: a.avgCadenceSpm,
    avgStrideM: a.avgStrideM,
    shoeId: a.shoe,
  }));
}

const runsOf = (runner: DemoRunner) => runner.activities.filter((a) => isRunningSport(a.sport));

test('the same today and seed give the same runner; another seed gives another', () => {
  assert.deepEqual(generateDemoRunner(TODAY, 7), generateDemoRunner(TODAY, 7));
  const other = generateDemoRunner(TODAY, 8);
  assert.notDeepEqual(
    other.activities.map((a) => a.distanceM),
    generateDemoRunner(TODAY, 7).activities.map((a) => a.distanceM),
  );
});

for (const today of TODAYS) {
  test(`two years ending before ${today}, 3–5 runs a week outside the break and the episode`, () => {
    const runner = generateDemoRunner(today);
    assert.ok(runner.from >= addDays(today, -729), `from ${runner.from}`);
    assert.ok(runner.from <= addDays(today, -720), `from ${runner.from}`);
    assert.ok(runner.to < today, 'nothing on today itself (it could lie in the future)');
    const weeks = new Map<number, number>();
    for (const a of runsOf(runner)) {
      const week = weekStartOf(dayNumber(a.localDate), 'monday');
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    const quiet = (week: number) => {
      const end = week + 6;
      const s = runner.story;
      const overlaps = (from: string, to: string) => week <= dayNumber(to) && end >= dayNumber(from);
      return (
        overlaps(addDays(s.breakFrom, -7), addDays(s.breakTo, 7)) ||
        overlaps(s.goalRaceDate, addDays(s.goalRaceDate, 11)) ||
        overlaps(s.spike.localDate, today) ||
        week <= dayNumber(runner.from) ||
        end >= dayNumber(today)
      );
    };
    let checked = 0;
    for (const [week, count] of weeks) {
      if (quiet(week)) continue;
      checked++;
      assert.ok(count >= 3 && count <= 5, `week of day ${week}: ${count} runs`);
    }
    assert.ok(checked >= 80, `checked ${checked} ordinary weeks`);
  });
}

test('paces, step rates and heart rates are those of a recreational runner', () => {
  for (const today of TODAYS) {
    const runner = generateDemoRunner(today);
    for (const a of runsOf(runner)) {
      const pace = a.movingTimeS / (a.distanceM / 1000);
      assert.ok(pace >= 300 && pace <= 390, `${a.localDate} ${a.role}: ${pace.toFixed(0)} s/km`);
      assert.ok(a.avgCadenceSpm! >= 160 && a.avgCadenceSpm! <= 178, `${a.localDate}: ${a.avgCadenceSpm} spm`);
      assert.ok(a.avgHeartRate >= 130 && a.avgHeartRate <= 175);
      assert.ok(a.maxHeartRate > a.avgHeartRate && a.elapsedTimeS >= a.movingTimeS);
      assert.ok(a.avgStrideM! > 0.8 && a.avgStrideM! < 1.3, `stride ${a.avgStrideM}`);
    }
  }
});

test('the mix: weekly long runs, trail runs with real descent, treadmill runs, rides, a break, a goal race', () => {
  const runner = generateDemoRunner(TODAY);
  const count = (pred: (a: DemoActivity) => boolean) => runner.activities.filter(pred).length;
  assert.ok(count((a) => a.role === 'long') >= 80, 'a long run nearly every week');
  const trails = runner.activities.filter((a) => a.sport === 'trail_run');
  assert.ok(trails.length >= 8);
  assert.ok(
    trails.every((a) => a.descentM / (a.distanceM / 1000) >= 20),
    'trail runs go up and down',
  );
  assert.ok(count((a) => a.sport === 'treadmill_run') >= 3);
  assert.ok(count((a) => a.sport === 'treadmill_run' && a.descentM === 0) >= 3);
  assert.ok(count((a) => a.sport === 'ride') >= 2);
  assert.equal(
    count((a) => a.role === 'race'),
    1,
  );
  const race = runner.activities.find((a) => a.role === 'race')!;
  assert.equal(race.localDate, runner.story.goalRaceDate);
  assert.ok(race.distanceM >= 21_097);
  const { breakFrom, breakTo } = runner.story;
  assert.equal(
    count((a) => a.localDate >= breakFrom && a.localDate <= breakTo),
    0,
  );
  const before = runsOf(runner)
    .filter((a) => a.localDate < breakFrom)
    .at(-1)!;
  const after = runsOf(runner).find((a) => a.localDate > breakTo)!;
  assert.ok(dayNumber(after.localDate) - dayNumber(before.localDate) >= 14, 'a break of two weeks or more');
});

test('the long runs build gradually to the goal race: no week-to-week jump over 10 % in the build', () => {
  const runner = generateDemoRunner(TODAY);
  const report = computeLoadReport(asCauseRuns(runner), addDays(TODAY, -1), DEFAULT_ATHLETE_SETTINGS);
  const race = runner.story.goalRaceDate;
  const build = report.runs.filter(
    (r) => r.localDate >= addDays(race, -100) && r.localDate < race && r.spikePct !== null,
  );
  assert.ok(build.length > 40);
  assert.ok(
    build.every((r) => r.spikePct! <= 10),
    'every run within 10 % of the 30-day longest',
  );
  const longs = runner.activities.filter(
    (a) => a.role === 'long' && a.localDate >= addDays(race, -112) && a.localDate < race,
  );
  assert.ok(longs.at(-2)!.distanceM > longs[0]!.distanceM + 5000, 'the long run grew by 5 km or more');
});

test('3–4 weeks ago: a run more than twice the 30-day longest, then pain from the next day', () => {
  for (const today of TODAYS) {
    const runner = generateDemoRunner(today);
    const { spike, onset } = runner.story;
    const daysAgo = dayNumber(today) - dayNumber(spike.localDate);
    assert.ok(daysAgo >= 22 && daysAgo <= 28, `spike ${daysAgo} days ago`);
    assert.equal(onset, addDays(spike.localDate, 1));
    assert.ok(spike.spikePct > 100, `spike ${spike.spikePct} %`);
    // The load engine, which the dashboard uses, agrees.
    const report = computeLoadReport(asCauseRuns(runner), addDays(today, -1), DEFAULT_ATHLETE_SETTINGS);
    const found = report.runs.find((r) => r.activityId === spike.activityKey)!;
    assert.equal(found.spikeCategory, 'large');
    assert.ok(Math.abs(found.spikePct! - spike.spikePct) < 0.2);
    // Running has been reduced since.
    const since = runsOf(runner).filter((a) => a.localDate > spike.localDate);
    assert.ok(since.length >= 4 && since.every((a) => a.distanceM <= 7_500));
  }
});

test('why sees the spike, the extra descent and the shorter step before the onset, and the worn shoes', () => {
  const runner = generateDemoRunner(TODAY);
  const why = explainOnset({
    onset: runner.story.onset,
    activities: asCauseRuns(runner),
    shoes: runner.shoes.map((s) => ({ id: s.key, name: s.name, startDistanceM: s.startDistanceM })),
    units: 'km',
  });
  const strength = new Map(why.factors.map((f) => [f.id, f.strength]));
  assert.equal(why.factors[0]!.id, 'session_spike');
  assert.equal(strength.get('session_spike'), 'strong');
  assert.notEqual(strength.get('descent_increase'), 'none');
  assert.notEqual(strength.get('cadence_drop'), 'none');
  assert.notEqual(strength.get('shoe_mileage'), 'none');
});

test('three pairs: one past 700 km, one retired, one new and the default for runs', () => {
  const runner = generateDemoRunner(TODAY);
  const refs = runner.activities.map((a) => ({ ...a, shoeId: a.shoe }));
  const km = (key: string) => {
    const shoe = runner.shoes.find((s) => s.key === key)!;
    return shoeMileage(
      { id: key, name: shoe.name, startDistanceM: shoe.startDistanceM, retiredAt: null },
      refs,
    ).distanceM;
  };
  assert.equal(runner.shoes.length, 3);
  assert.ok(km('worn') > 700_000, `worn pair ${km('worn')} m`);
  assert.ok(runner.shoes.find((s) => s.key === 'retired')!.retiredOn !== null);
  const fresh = runner.shoes.find((s) => s.key === 'new')!;
  assert.equal(fresh.defaultForRun, true);
  assert.ok(km('new') > 0 && km('new') < 100_000);
  assert.ok(runner.activities.filter((a) => a.sport === 'ride').every((a) => a.shoe === null));
  const retired = runner.activities.filter((a) => a.shoe === 'retired');
  assert.ok(retired.every((a) => a.localDate < runner.shoes.find((s) => s.key === 'retired')!.retiredOn!));
});

test('the journal: front-of-knee pain tied to runs, easing slowly; the assessment has no red flag', () => {
  const runner = generateDemoRunner(TODAY);
  const entries = runner.painEntries;
  assert.ok(entries.length >= 6);
  assert.equal(entries[0]!.localDate, runner.story.onset);
  assert.equal(entries[0]!.activityKey, runner.story.spike.activityKey);
  const keys = new Set(runner.activities.map((a) => a.key));
  assert.ok(entries.every((e) => e.activityKey !== null && keys.has(e.activityKey)));
  assert.ok(entries.every((e) => e.regions.includes('anterior') && e.side === 'right'));
  const peaks = entries.map((e) =>
    peakPain({ painDuring: e.during, painAfter: e.after, painNextMorning: e.morning }),
  );
  assert.ok(peaks[1]! > peaks.at(-1)!, `peaks ${peaks.join(',')}`);
  for (let i = 2; i < peaks.length; i++) assert.ok(peaks[i]! <= peaks[i - 1]!, `peaks ${peaks.join(',')}`);

  const answers = parseAnswers(runner.assessment.answers);
  const result = assessKnee(answers);
  assert.equal(result.urgency, 'self-care');
  assert.equal(result.conditions[0]!.id, 'pfps');
  assert.ok(runner.programmeSessions.length >= 3);
  assert.ok(runner.programmeSessions.every((s) => s.localDate > runner.story.onset && s.localDate < TODAY));
});
