import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { median } from './cadence.ts';
import { addDays } from './calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';

/** A 10 km run every 4 days from 2025-04-01, with the given cadences and strides. */
function runs(cadences: (number | null)[], stride = 1.1) {
  return cadences.map((avgCadenceSpm, i) =>
    makeRun({
      id: `c${i}`,
      localDate: addDays('2025-04-01', 4 * i),
      distanceM: 10_000,
      avgCadenceSpm,
      avgStrideM: stride,
    }),
  );
}

describe('cadence against the 8-week baseline', () => {
  it('uses the median of the previous 56 days and needs 3 runs', () => {
    const report = computeLoadReport(runs([170, 168, 172, 150]), '2025-04-13', DEFAULT_ATHLETE_SETTINGS);
    assert.equal(report.runDetails[2]!.cadenceBaselineSpm, null, 'two earlier runs are not a baseline');
    const last = report.runDetails[3]!;
    assert.equal(last.cadenceBaselineSpm, 170);
    // 100 × (1 − 150 / 170)
    assert.equal(last.cadenceDropPct, 11.764706);
    assert.equal(last.strideBaselineM, 1.1);
  });

  it('flags a drop of 5 % or more, one flag per week, and not a drop of 4 %', () => {
    const dropped = computeLoadReport(runs([170, 170, 170, 161.5]), '2025-04-13', DEFAULT_ATHLETE_SETTINGS);
    const flag = dropped.flags.find((f) => f.id === 'cadence_drop');
    assert.deepEqual([flag?.severity, flag?.value, flag?.threshold, flag?.activityId], ['info', 5, 5, 'c3']);
    assert.match(flag?.message ?? '', /162 steps\/min, 5 % below your 8-week usual of 170/);
    const slight = computeLoadReport(runs([170, 170, 170, 163.2]), '2025-04-13', DEFAULT_ATHLETE_SETTINGS);
    assert.equal(
      slight.flags.some((f) => f.id === 'cadence_drop'),
      false,
    );
    const big = computeLoadReport(runs([170, 170, 170, 150]), '2025-04-13', DEFAULT_ATHLETE_SETTINGS);
    assert.equal(big.flags.find((f) => f.id === 'cadence_drop')?.severity, 'moderate');
  });

  it('keeps implausible values (strides per minute mistaken for steps) out of the baseline', () => {
    const report = computeLoadReport(runs([170, 85, 172, 168, 171]), '2025-04-17', DEFAULT_ATHLETE_SETTINGS);
    assert.equal(report.runDetails[1]!.cadenceSpm, null);
    assert.equal(report.runDetails[4]!.cadenceBaselineSpm, 170);
  });

  it('computes medians of even and odd counts', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });
});
