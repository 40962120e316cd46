import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { addDays } from './calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';
import { monotonyOf } from './monotony.ts';

describe("Foster's monotony and strain", () => {
  it('is mean / population SD of the 7 daily loads, rest days as 0', () => {
    // mean 57.142857, SD 49.487166 → 1.1547; strain = 400 × 1.1547
    assert.deepEqual(monotonyOf([100, 0, 100, 0, 100, 0, 100]), {
      weekLoad: 400,
      monotony: 1.155,
      strain: 461.9,
    });
  });

  it('caps identical non-zero days at 10 and gives null for a week without running', () => {
    assert.equal(monotonyOf([50, 50, 50, 50, 50, 50, 50]).monotony, 10);
    assert.deepEqual(monotonyOf([0, 0, 0, 0, 0, 0, 0]), { weekLoad: 0, monotony: null, strain: null });
  });
});

describe('rest days, streaks and cross-training', () => {
  // The same easy 8 km every day for 9 days up to asOf, and a 45-minute swim.
  const asOf = '2025-06-20';
  const history = Array.from({ length: 9 }, (_, i) =>
    makeRun({ id: `d${i}`, localDate: addDays(asOf, -i), distanceM: 8_000, movingTimeS: 2_880 }),
  );
  history.push(
    makeRun({ id: 'swim', localDate: '2025-06-18', distanceM: 2_000, sport: 'swim', movingTimeS: 2_700 }),
  );
  const report = computeLoadReport(history, asOf, DEFAULT_ATHLETE_SETTINGS);

  it('counts rest days and the current streak', () => {
    assert.equal(report.restDays.restDaysLast7, 0);
    assert.equal(report.restDays.restDaysLast28, 19);
    assert.equal(report.restDays.currentStreakDays, 9);
    assert.deepEqual(report.restDays.longestStreakLast28, { days: 9, endDate: asOf });
    assert.equal(report.restDays.crossTrainingLast7S, 2_700);
  });

  it('flags the long streak and the uniform week as information', () => {
    const streak = report.flags.find((f) => f.id === 'few_rest_days');
    assert.deepEqual([streak?.severity, streak?.value, streak?.threshold], ['info', 9, 7]);
    const monotony = report.flags.find((f) => f.id === 'monotony');
    assert.equal(monotony?.severity, 'info');
    assert.equal(monotony?.value, 10);
    assert.match(monotony?.message ?? '', /Foster/);
  });

  it('does not count a swim as a running day', () => {
    const onlySwim = computeLoadReport([history[9]!, history[8]!], asOf, DEFAULT_ATHLETE_SETTINGS);
    assert.equal(onlySwim.restDays.currentStreakDays, 0);
  });
});
