import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildHistory,
  makeRun,
  plantCadenceDrop,
  plantDescentJump,
  plantReturnAfterBreak,
  plantSpike,
} from '../../../test/factories/history.factory.ts';
import { SPORTS } from '../activity/sport.ts';
import { DAY_MS, dateOfDay } from './calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS, type LoadActivity } from './load-activity.ts';
import { computeLoadReport, LoadEngine } from './load-engine.ts';

const settings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'female' as const, restingHr: 55, maxHr: null };

describe('edge cases', () => {
  it('answers an empty history with empty lists, a null ceiling and a clear message', () => {
    const report = computeLoadReport([], '2025-06-10', settings);
    assert.deepEqual(
      { asOf: report.asOf, runs: report.runs, nextRunCeilingM: report.nextRunCeilingM, weeks: report.weeks },
      { asOf: '2025-06-10', runs: [], nextRunCeilingM: null, weeks: [] },
    );
    assert.deepEqual(report.flags, []);
    assert.match(report.message ?? '', /No runs recorded up to 2025-06-10/);
    assert.equal(report.trainingLoad.today.fitness, 0);
  });

  it('treats a history of only rides and walks as no running at all', () => {
    const report = computeLoadReport(
      [makeRun({ localDate: '2025-06-01', distanceM: 50_000, sport: 'ride' })],
      '2025-06-10',
      settings,
    );
    assert.deepEqual([report.runs, report.weeks, report.nextRunCeilingM], [[], [], null]);
    assert.equal(report.restDays.crossTrainingLast7S, 0);
  });

  it('handles a treadmill run without GPS: distance from the foot pod, no descent, no position', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'road', localDate: '2025-06-01', distanceM: 10_000, descentM: 80 }),
        makeRun({
          id: 'tread',
          localDate: '2025-06-03',
          distanceM: 12_000,
          sport: 'treadmill_run',
          movingTimeS: 3_900,
        }),
        makeRun({
          id: 'nodist',
          localDate: '2025-06-05',
          distanceM: 0,
          sport: 'treadmill_run',
          movingTimeS: 1_800,
        }),
      ],
      '2025-06-05',
      settings,
    );
    const tread = report.runs.find((r) => r.activityId === 'tread')!;
    assert.deepEqual([tread.spikePct, tread.spikeCategory], [20, 'small']);
    const noDistance = report.runs.find((r) => r.activityId === 'nodist')!;
    assert.deepEqual(
      [noDistance.distanceM, noDistance.spikePct, noDistance.spikeCategory],
      [0, -100, 'none'],
    );
    assert.equal(report.runDetails[1]!.descentM, null);
    assert.equal(report.runDetails[2]!.loadScore > 0, true, 'duration still counts as load');
    assert.equal(
      report.weeks.reduce((n, w) => n + w.runs, 0),
      3,
    );
  });

  it('keeps history duplicate-free: same id twice, or the same run from two files', () => {
    const run = makeRun({ id: 'x', localDate: '2025-06-01', distanceM: 10_000 });
    const copyFromStrava = { ...run, id: 'y' };
    const report = computeLoadReport([run, run, copyFromStrava], '2025-06-01', settings);
    assert.deepEqual(
      report.runs.map((r) => r.activityId),
      ['x'],
    );
    assert.equal(report.duplicatesIgnored, 2);
    assert.equal(report.weeks[0]!.distanceM, 10_000);
  });

  it('clamps broken negative distances to 0', () => {
    const report = computeLoadReport(
      [makeRun({ localDate: '2025-06-01', distanceM: -500 })],
      '2025-06-01',
      settings,
    );
    assert.equal(report.runs[0]!.distanceM, 0);
    assert.equal(report.nextRunCeilingM, null);
  });
});

describe('planted patterns in a realistic history', () => {
  const history = buildHistory({ years: 1, seed: 7, breakChance: 0, startDate: '2024-06-03' });

  it('finds a planted +60 % spike as a moderate session_spike flag', () => {
    const report = computeLoadReport(
      plantSpike(history, { date: '2025-05-20', factor: 1.6 }),
      '2025-05-25',
      settings,
    );
    const row = report.runs.find((r) => r.activityId === 'planted-spike-2025-05-20')!;
    assert.equal(row.spikeCategory, 'moderate');
    assert.ok(Math.abs(row.spikePct! - 60) < 0.01);
    const flag = report.flags.find((f) => f.activityId === 'planted-spike-2025-05-20');
    assert.equal(flag?.id, 'session_spike');
    assert.equal(flag?.severity, 'moderate');
    assert.match(flag?.message ?? '', /longer than your longest run of the 30 days before/);
  });

  it('finds a planted return after a 6-week break', () => {
    const planted = plantReturnAfterBreak(history, {
      returnDate: '2025-05-20',
      breakDays: 42,
      firstRunM: 15_000,
    });
    const report = computeLoadReport(planted, '2025-05-20', settings);
    const row = report.runs.at(-1)!;
    assert.deepEqual([row.activityId, row.spikeCategory], ['planted-return-2025-05-20', 'no-baseline']);
    assert.equal(report.flags.find((f) => f.id === 'return_after_break')?.activityId, row.activityId);
    assert.equal(report.nextRunCeilingM, 16_500);
  });

  it('finds a planted descent jump and cadence drop', () => {
    let planted = plantDescentJump(history, { weekStart: '2025-05-19', factor: 4 });
    planted = plantCadenceDrop(planted, { from: '2025-05-19', days: 7, dropSpm: 14 });
    const report = computeLoadReport(planted, '2025-05-25', settings);
    assert.ok(report.flags.some((f) => f.id === 'descent_increase' && f.date === '2025-05-19'));
    assert.ok(report.flags.some((f) => f.id === 'cadence_drop'));
    const clean = computeLoadReport(history, '2025-05-25', settings);
    assert.equal(
      clean.flags.some((f) => f.id === 'descent_increase' && f.date === '2025-05-19'),
      false,
    );
  });

  it('builds the same history from the same seed, and a realistic one', () => {
    assert.deepEqual(buildHistory({ years: 1, seed: 7, breakChance: 0, startDate: '2024-06-03' }), history);
    const runs = history.filter((a) => a.sport.endsWith('run'));
    const perWeek = runs.length / 52;
    assert.ok(perWeek >= 3 && perWeek <= 5, `runs per week ${perWeek}`);
    assert.ok(history.some((a) => a.sport === 'treadmill_run' && a.descentM === null));
    assert.ok(history.some((a) => a.sport === 'ride' || a.sport === 'walk'));
  });
});

describe('incremental update', () => {
  it('gives exactly the full recompute after adding runs anywhere in time', () => {
    const history = buildHistory({ weeks: 30, seed: 3, startDate: '2025-01-06' });
    const extra = [
      makeRun({ id: 'new-late', localDate: '2025-07-30', distanceM: 21_000, avgHeartRate: 150 }),
      makeRun({ id: 'new-middle', localDate: '2025-04-02', distanceM: 18_000, descentM: 400 }),
      makeRun({ id: 'new-early', localDate: '2024-12-01', distanceM: 5_000 }),
      makeRun({ id: 'new-ride', localDate: '2025-05-05', distanceM: 40_000, sport: 'ride' }),
      { ...history[10]!, id: 'same-instant-copy' },
      { ...history[12]!, id: 'a-same-instant-copy' },
      history[20]!,
    ];
    const engine = LoadEngine.build(history, settings);
    engine.report('2025-08-01');
    for (const activity of extra) engine.add(activity);
    const incremental = engine.report('2025-08-01');
    const full = computeLoadReport([...history, ...extra], '2025-08-01', settings);
    assert.deepEqual(incremental, full);
  });

  it('does not change a report already handed out', () => {
    const history = buildHistory({ weeks: 8, seed: 5, startDate: '2025-01-06' });
    const engine = LoadEngine.build(history, settings);
    const before = engine.report('2025-03-02');
    const snapshot = structuredClone(before);
    engine.add(makeRun({ id: 'big', localDate: '2025-02-20', distanceM: 40_000 }));
    assert.deepEqual(before, snapshot);
  });
});

/** Arbitrary running histories: up to 40 activities within ~120 days, any sport, odd distances. */
const activityArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  minute: fc.integer({ min: 0, max: 120 * 24 * 60 }),
  sport: fc.constantFrom(...SPORTS),
  distanceM: fc.oneof(fc.integer({ min: 0, max: 45_000 }), fc.constant(-10), fc.constant(10_000)),
  movingTimeS: fc.integer({ min: 0, max: 20_000 }),
  offsetMin: fc.constantFrom(-300, 0, 60, 540),
  hr: fc.option(fc.integer({ min: 90, max: 195 }), { nil: null }),
});

type ActivityRecord = typeof activityArb extends fc.Arbitrary<infer T> ? T : never;

function toActivities(records: ActivityRecord[], prefix = ''): LoadActivity[] {
  const base = Date.UTC(2025, 0, 1);
  // Stored activities have unique ids; a generated duplicate would make a test's own lookup ambiguous.
  return records.map((r, i) => {
    const startMs = base + r.minute * 60_000;
    const localDate = dateOfDay(Math.floor((startMs + r.offsetMin * 60_000) / DAY_MS));
    return makeRun({
      id: `${prefix}${r.id}#${i}`,
      localDate,
      startMs,
      sport: r.sport,
      distanceM: r.distanceM,
      movingTimeS: r.movingTimeS,
      avgHeartRate: r.hr,
    });
  });
}

describe('properties', () => {
  const historyArb = fc.array(activityArb, { maxLength: 40 }).map(toActivities);

  it('never uses a run as its own baseline (nor one starting at the same instant or later)', () => {
    fc.assert(
      fc.property(historyArb, (activities) => {
        const report = computeLoadReport(activities, '2025-06-30', settings);
        const byId = new Map(activities.map((a) => [a.id, a]));
        report.runDetails.forEach((detail, i) => {
          const prev = detail.longestPrevActivityId;
          if (prev === null) return;
          assert.notEqual(prev, detail.activityId);
          assert.ok(byId.get(prev)!.startMs < byId.get(detail.activityId)!.startMs);
          assert.ok(report.runs[i]!.longestPrev30dM! > 0);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (activities, seed) => {
        const shuffled = [...activities];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        assert.deepEqual(
          computeLoadReport(shuffled, '2025-06-30', settings),
          computeLoadReport(activities, '2025-06-30', settings),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never reports a negative distance, and bins agree with the percentage', () => {
    fc.assert(
      fc.property(historyArb, (activities) => {
        const report = computeLoadReport(activities, '2025-06-30', settings);
        for (const run of report.runs) {
          assert.ok(run.distanceM >= 0);
          if (run.longestPrev30dM !== null) assert.ok(run.longestPrev30dM > 0);
          if (run.spikePct !== null && run.spikePct <= 10) assert.equal(run.spikeCategory, 'none');
        }
        for (const week of report.weeks) assert.ok(week.distanceM >= 0 && week.durationS >= 0);
        assert.ok(report.nextRunCeilingM === null || report.nextRunCeilingM > 0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('incremental update, properties', () => {
  const historyArb = fc.array(activityArb, { maxLength: 30 }).map(toActivities);
  /** Days after 2025-01-01 to report at: inside the generated span and after it. */
  const asOfArb = fc.integer({ min: 0, max: 150 });
  const weekStartArb = fc.constantFrom('monday' as const, 'sunday' as const);
  const asOfDate = (offset: number) => dateOfDay(Math.floor(Date.UTC(2025, 0, 1) / DAY_MS) + offset);

  /** Adds `later` one at a time, reporting after each, and compares every report with the full recompute. */
  function assertSameAsFull(
    history: LoadActivity[],
    later: LoadActivity[],
    asOfs: number[],
    weekStart: 'monday' | 'sunday',
  ): void {
    const runnerSettings = { ...settings, weekStart };
    const engine = LoadEngine.build(history, runnerSettings);
    engine.report(asOfDate(asOfs[0]!));
    const held = [...history];
    later.forEach((activity, i) => {
      engine.add(activity);
      held.push(activity);
      const asOf = asOfDate(asOfs[i % asOfs.length]!);
      assert.deepEqual(engine.report(asOf), computeLoadReport(held, asOf, runnerSettings));
    });
  }

  it('equals the full recompute after runs added on or after the last day', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(activityArb, { minLength: 1, maxLength: 8 }),
        fc.array(asOfArb, { minLength: 1, maxLength: 4 }),
        weekStartArb,
        (history, laterRecords, asOfs, weekStart) => {
          const lastStart = Math.max(Date.UTC(2025, 0, 1), ...history.map((a) => a.startMs));
          // Shift each new activity after everything held so far: the everyday case of a new run.
          let cursor = lastStart;
          const later = toActivities(laterRecords).map((a, i) => {
            cursor += 60_000 + (a.startMs % (3 * DAY_MS));
            const shifted = makeRun({ ...a, id: `later-${i}`, startMs: cursor, localDate: a.localDate });
            return { ...shifted, localDate: dateOfDay(Math.floor((cursor + 3_600_000) / DAY_MS)) };
          });
          assertSameAsFull(history, later, asOfs, weekStart);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('equals the full recompute after runs inserted before the last day (recomputed from that day)', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(activityArb, { minLength: 1, maxLength: 6 }),
        fc.array(asOfArb, { minLength: 1, maxLength: 4 }),
        weekStartArb,
        (history, insertedRecords, asOfs, weekStart) => {
          // Any instant of the span: before the first day, between runs, on a day already held, a copy.
          const inserted = toActivities(insertedRecords, 'inserted:');
          if (history.length > 0) inserted.push({ ...history[history.length >> 1]!, id: 'same-instant' });
          assertSameAsFull(history, inserted, asOfs, weekStart);
        },
      ),
      { numRuns: 120 },
    );
  });
});
