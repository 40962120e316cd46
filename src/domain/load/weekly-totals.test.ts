import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localStartMs, makeRun } from '../../../test/factories/history.factory.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';

const monday = DEFAULT_ATHLETE_SETTINGS;
const sunday = { ...DEFAULT_ATHLETE_SETTINGS, weekStart: 'sunday' as const };

describe('weekly totals', () => {
  // 2025-06-02 is a Monday, 2025-06-08 a Sunday.
  const history = [
    makeRun({ id: 'a', localDate: '2025-06-02', distanceM: 10_000, movingTimeS: 3_000 }),
    makeRun({ id: 'b', localDate: '2025-06-08', distanceM: 10_000, movingTimeS: 3_300 }),
    makeRun({ id: 'c', localDate: '2025-06-10', distanceM: 22_000, movingTimeS: 7_000 }),
    makeRun({ id: 'ride', localDate: '2025-06-10', distanceM: 40_000, sport: 'ride', movingTimeS: 5_400 }),
  ];

  it('groups by Monday-start weeks and computes the change against the week before', () => {
    const report = computeLoadReport(history, '2025-06-15', monday);
    assert.deepEqual(report.weeks, [
      { weekStart: '2025-06-02', distanceM: 20_000, durationS: 6_300, runs: 2, changePct: null },
      { weekStart: '2025-06-09', distanceM: 22_000, durationS: 7_000, runs: 1, changePct: 10 },
    ]);
    // Exactly +10 % is the popular rule's edge: not flagged as above it.
    assert.equal(
      report.flags.some((f) => f.id === 'ten_percent_rule'),
      false,
    );
    assert.equal(report.weekContext[1]!.crossTrainingS, 5_400);
  });

  it('groups by Sunday-start weeks when the runner chose Sunday', () => {
    const report = computeLoadReport(history, '2025-06-15', sunday);
    assert.deepEqual(
      report.weeks.map((w) => [w.weekStart, w.distanceM, w.changePct]),
      [
        ['2025-06-01', 10_000, null],
        ['2025-06-08', 32_000, 220],
        ['2025-06-15', 0, -100],
      ],
    );
  });

  it('keeps empty weeks inside the history and gives a null change after them', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'a', localDate: '2025-06-02', distanceM: 5_000 }),
        makeRun({ id: 'b', localDate: '2025-06-18', distanceM: 6_000 }),
      ],
      '2025-06-18',
      monday,
    );
    assert.deepEqual(
      report.weeks.map((w) => [w.weekStart, w.distanceM, w.runs, w.changePct]),
      [
        ['2025-06-02', 5_000, 1, null],
        ['2025-06-09', 0, 0, -100],
        ['2025-06-16', 6_000, 1, null],
      ],
    );
  });

  it('flags a >30 % week (Nielsen 2014) and shows a 10–30 % week as the 10 % rule with Buist 2008', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'w1', localDate: '2025-06-02', distanceM: 10_000 }),
        makeRun({ id: 'w2', localDate: '2025-06-09', distanceM: 12_000 }), // +20 %
        makeRun({ id: 'w3', localDate: '2025-06-16', distanceM: 15_601 }), // +30.008 %
        makeRun({ id: 'w4', localDate: '2025-06-23', distanceM: 20_281.3 }), // exactly +30 %
      ],
      '2025-06-23',
      monday,
    );
    const weekly = report.flags.filter((f) => f.id === 'weekly_progression' || f.id === 'ten_percent_rule');
    assert.deepEqual(
      weekly.map((f) => [f.id, f.severity, f.date, f.threshold]).sort(),
      [
        ['ten_percent_rule', 'info', '2025-06-09', 10],
        ['ten_percent_rule', 'info', '2025-06-23', 10],
        ['weekly_progression', 'moderate', '2025-06-16', 30],
      ].sort(),
    );
    const rule = weekly.find((f) => f.id === 'ten_percent_rule')!;
    assert.match(rule.message, /Buist et al\., Am J Sports Med 2008/);
    assert.match(rule.evidence, /no protective effect/);
    const nielsen = weekly.find((f) => f.id === 'weekly_progression')!;
    assert.match(nielsen.message, /15\.6 km, 30 % more than the 12\.0 km/);
    assert.match(nielsen.source, /Nielsen et al\., JOSPT 2014/);
  });
});

describe('local days across midnight and time zones', () => {
  it('counts a run by its own local date, not by its UTC date', () => {
    // 23:30 on Sunday 2025-06-08 in UTC+2 is 21:30 UTC Sunday; 00:30 Monday 2025-06-09 in UTC−5 is 05:30 UTC Monday.
    // 01:00 on Monday 2025-06-09 in UTC+9 is still Sunday 16:00 UTC: it belongs to the Monday week all the same.
    const lateSunday = makeRun(
      { id: 'late', localDate: '2025-06-08', distanceM: 8_000 },
      { hour: 23.5, utcOffsetMin: 120 },
    );
    const earlyMonday = makeRun(
      { id: 'early', localDate: '2025-06-09', distanceM: 9_000 },
      { hour: 0.5, utcOffsetMin: -300 },
    );
    const tokyoMonday = makeRun(
      { id: 'tokyo', localDate: '2025-06-09', distanceM: 7_000 },
      { hour: 1, utcOffsetMin: 540 },
    );
    assert.equal(new Date(tokyoMonday.startMs).toISOString(), '2025-06-08T16:00:00.000Z');
    const report = computeLoadReport([earlyMonday, tokyoMonday, lateSunday], '2025-06-09', monday);
    assert.deepEqual(
      report.weeks.map((w) => [w.weekStart, w.distanceM, w.runs]),
      [
        ['2025-06-02', 8_000, 1],
        ['2025-06-09', 16_000, 2],
      ],
    );
    // Spike windows use instants: Tokyo (16:00 UTC Sunday) started before late Sunday (21:30 UTC).
    assert.deepEqual(
      report.runs.map((r) => r.activityId),
      ['tokyo', 'late', 'early'],
    );
    assert.equal(report.runs[1]!.longestPrev30dM, 7_000);
    assert.equal(report.restDays.currentStreakDays, 2);
  });

  it('uses local dates for the ceiling window even when the instant is on another UTC day', () => {
    const asOf = '2025-07-10';
    // Local 2025-06-11 (asOf − 29) at 00:30 in UTC+3 is 2025-06-10 21:30 UTC, still inside by local date.
    const run = makeRun({
      id: 'edge',
      localDate: '2025-06-11',
      distanceM: 10_000,
      startMs: localStartMs('2025-06-11', 0.5, 180),
    });
    assert.equal(computeLoadReport([run], asOf, monday).nextRunCeilingM, 11_000);
  });
});
