/**
 * The Training screen draws a range from the report cut on the server (GET /api/load/range); every figure it
 * shows must be the one the whole report gives for that range.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ATHLETE_SETTINGS } from '../../src/domain/load/load-activity.ts';
import { computeLoadReport } from '../../src/domain/load/load-engine.ts';
import { cutLoadReport } from '../../src/domain/load/load-range.ts';
import { loadChartData, TRAINING_RANGES } from '../../web/src/charts/load-chart-data.ts';
import {
  buildHistory,
  plantCadenceDrop,
  plantDescentJump,
  plantSpike,
} from '../factories/history.factory.ts';

const settings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'male' as const, restingHr: 50, maxHr: null };

describe('loadChartData on a report cut for its range', () => {
  // Two years with breaks and planted spikes, a descent jump and a cadence drop near the end.
  let history = buildHistory({ years: 2, runsPerWeek: 5, seed: 3, breakChance: 0.04 });
  history = plantSpike(history, { date: '2017-12-10', factor: 2.2 });
  history = plantDescentJump(history, { weekStart: '2017-11-27', factor: 2 });
  history = plantCadenceDrop(history, { from: '2017-12-04', days: 10, dropSpm: 12 });
  for (const asOf of ['2017-12-14', '2017-12-17', '2016-03-01']) {
    const report = computeLoadReport(history, asOf, settings);
    for (const range of TRAINING_RANGES) {
      if (range.days === null) continue;
      it(`gives the same charts as the whole report: ${range.label} to ${asOf}`, () => {
        const cut = cutLoadReport(report, range.days!);
        for (const units of ['km', 'mi'] as const) {
          const whole = loadChartData(report, range.id, units);
          assert.ok(whole.runs.length > 0, 'runs to draw');
          assert.deepEqual(loadChartData(cut, range.id, units), whole);
        }
      });
    }
  }
});
