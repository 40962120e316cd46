import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { addDays } from './calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';

/** One 10 km run every Wednesday from 2025-05-07 with the given descents (metres), one per week. */
function weeklyRuns(descents: (number | null)[]) {
  return descents.map((descentM, i) =>
    makeRun({
      id: `w${i}`,
      localDate: addDays('2025-05-07', 7 * i),
      distanceM: 10_000,
      descentM,
      downhillDistanceM: descentM === null ? null : descentM * 10,
    }),
  );
}

describe('descent against the 4-week baseline', () => {
  it('compares each week with the mean of the 4 weeks before and flags a jump', () => {
    const report = computeLoadReport(
      weeklyRuns([100, 120, 80, 100, 250]),
      '2025-06-08',
      DEFAULT_ATHLETE_SETTINGS,
    );
    const last = report.weekDescent[4]!;
    assert.deepEqual(last, {
      weekStart: '2025-06-02',
      descentM: 250,
      downhillDistanceM: 2_500,
      baselineM: 100,
      changePct: 150,
    });
    assert.equal(report.weekDescent[3]!.baselineM, null, 'three earlier weeks are not a 4-week baseline');
    const flag = report.flags.find((f) => f.id === 'descent_increase');
    assert.deepEqual(
      [flag?.severity, flag?.value, flag?.threshold, flag?.date],
      ['moderate', 150, 50, '2025-06-02'],
    );
    assert.match(flag?.message ?? '', /250 m of descent, 150 % more than your 4-week average of 100 m/);
  });

  it('does not flag +50 % exactly, nor a large relative jump of few metres', () => {
    const edge = computeLoadReport(
      weeklyRuns([100, 100, 100, 100, 150]),
      '2025-06-08',
      DEFAULT_ATHLETE_SETTINGS,
    );
    assert.equal(edge.weekDescent[4]!.changePct, 50);
    assert.equal(
      edge.flags.some((f) => f.id === 'descent_increase'),
      false,
    );
    const small = computeLoadReport(weeklyRuns([20, 20, 20, 20, 90]), '2025-06-08', DEFAULT_ATHLETE_SETTINGS);
    assert.equal(
      small.flags.some((f) => f.id === 'descent_increase'),
      false,
    );
  });

  it('gives per-run descent with the mean of the runs of the previous 28 days', () => {
    const report = computeLoadReport(
      weeklyRuns([40, 120, 80, 100, 250]),
      '2025-06-08',
      DEFAULT_ATHLETE_SETTINGS,
    );
    const detail = report.runDetails[4]!;
    assert.equal(detail.descentM, 250);
    // The 05-07 run started exactly 28 days before the 06-04 one: inside [start − 28 d, start).
    assert.equal(detail.descentBaselineM, 85);
    assert.equal(detail.downhillBaselineM, 850);
  });

  it('leaves unknown descent (treadmill, no altitude) out instead of reading it as flat', () => {
    const report = computeLoadReport(
      weeklyRuns([100, null, 100, 100, null]),
      '2025-06-08',
      DEFAULT_ATHLETE_SETTINGS,
    );
    assert.equal(report.weekDescent[1]!.descentM, null);
    assert.equal(report.weekDescent[4]!.descentM, null);
    assert.equal(report.weekDescent[4]!.baselineM, 100);
    assert.equal(report.runDetails[4]!.descentM, null);
  });
});
