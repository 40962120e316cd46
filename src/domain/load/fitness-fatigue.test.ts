import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { createFitnessFatigue, fitnessAt, updateFitnessFatigue } from './fitness-fatigue.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';

describe('fitness / fatigue / form', () => {
  it('follows the stated exponential recurrence for a single load of 100', () => {
    const series = createFitnessFatigue();
    updateFitnessFatigue(series, [100, 0], 0);
    // 100 × (1 − e^(−1/42)) and 100 × (1 − e^(−1/7))
    assert.ok(Math.abs(series.fitness[0]! - 2.3528313) < 1e-6);
    assert.ok(Math.abs(series.fatigue[0]! - 13.31221) < 1e-6);
    assert.ok(Math.abs(series.fitness[1]! - 2.3528313 * Math.exp(-1 / 42)) < 1e-6);
    // Past the computed range the same recurrence decays with zero load.
    assert.ok(Math.abs(fitnessAt(series, 3).fatigue - 13.31221 * Math.exp(-3 / 7)) < 1e-4);
  });

  it('recomputes only from the first changed day and gets the same numbers', () => {
    const full = createFitnessFatigue();
    updateFitnessFatigue(full, [50, 0, 80, 0, 0, 120], 0);
    const partial = createFitnessFatigue();
    updateFitnessFatigue(partial, [50, 0, 80, 0, 0, 0], 0);
    updateFitnessFatigue(partial, [50, 0, 80, 0, 0, 120], 5);
    assert.deepEqual(partial, full);
  });

  it('reports form as yesterday’s fitness − fatigue, with the recurrence in the output', () => {
    const settings = { ...DEFAULT_ATHLETE_SETTINGS, restingHr: 60, maxHr: 190, sex: 'male' as const };
    const run = makeRun({
      localDate: '2025-06-01',
      distanceM: 11_000,
      movingTimeS: 3_600,
      avgHeartRate: 150,
    }); // TRIMP 100.44
    const report = computeLoadReport([run], '2025-06-02', settings);
    const [day1, day2] = report.trainingLoad.series.slice(-2);
    assert.deepEqual(day1, { date: '2025-06-01', fitness: 2.4, fatigue: 13.4, form: 0 });
    assert.deepEqual(day2, { date: '2025-06-02', fitness: 2.3, fatigue: 11.6, form: -11 });
    assert.match(report.trainingLoad.recurrence, /e\^\(-1\/42\)/);
  });
});
