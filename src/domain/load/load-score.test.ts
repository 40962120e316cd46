import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { type AthleteSettings, DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';
import { loadScoreAt } from './load-score.ts';

const base: AthleteSettings = { ...DEFAULT_ATHLETE_SETTINGS, restingHr: 60, maxHr: 190 };
// 60 minutes at 150 bpm with rest 60 / max 190: HRr = 90 / 130.
const hourAt150 = makeRun({
  id: 'hr',
  localDate: '2025-06-01',
  distanceM: 11_000,
  movingTimeS: 3_600,
  avgHeartRate: 150,
});

describe('per-run load score', () => {
  it('is Banister TRIMP with the male constants 0.64 / 1.92', () => {
    const score = loadScoreAt([hourAt150], 0, { ...base, sex: 'male' });
    assert.deepEqual(score, { value: 100.44, method: 'trimp', maxHrUsed: 190 });
  });

  it('uses the female constants 0.86 / 1.67', () => {
    assert.equal(loadScoreAt([hourAt150], 0, { ...base, sex: 'female' }).value, 113.52);
  });

  it('uses the midpoint constants when sex is unknown or "other"', () => {
    assert.equal(loadScoreAt([hourAt150], 0, { ...base, sex: null }).value, 107.95);
    assert.equal(loadScoreAt([hourAt150], 0, { ...base, sex: 'other' }).value, 107.95);
  });

  it('estimates max HR as max(185, highest recent average + 10) and rest HR as 60 when not set', () => {
    const hard = makeRun({ id: 'hard', localDate: '2025-05-20', distanceM: 5_000, avgHeartRate: 182 });
    const settings: AthleteSettings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'male' };
    assert.equal(loadScoreAt([hourAt150], 0, settings).maxHrUsed, 185);
    const withHard = loadScoreAt([hard, hourAt150], 1, settings);
    assert.equal(withHard.maxHrUsed, 192);
  });

  it('scores a run without heart rate by pace: an easy hour (IF 0.75) when there is no reference run', () => {
    const run = makeRun({ id: 'p', localDate: '2025-06-01', distanceM: 10_000, movingTimeS: 3_600 });
    // 1.7 × 1 h × 0.75² × 100
    assert.deepEqual(loadScoreAt([run], 0, base), { value: 95.63, method: 'pace', maxHrUsed: null });
  });

  it('scores pace against the fastest ≥ 20-minute run of the previous 90 days', () => {
    const fast = makeRun({ id: 'fast', localDate: '2025-05-01', distanceM: 8_000, movingTimeS: 2_000 }); // 4 m/s
    const slow = makeRun({ id: 'slow', localDate: '2025-06-01', distanceM: 10_800, movingTimeS: 3_600 }); // 3 m/s → IF 0.75
    const tooShort = makeRun({ id: 'short', localDate: '2025-05-02', distanceM: 5_000, movingTimeS: 1_000 }); // 5 m/s, 16:40
    assert.equal(loadScoreAt([fast, tooShort, slow], 2, base).value, 95.63);
  });

  it('scores a treadmill run without distance as an easy run of its duration', () => {
    const treadmill = makeRun({
      id: 't',
      localDate: '2025-06-01',
      distanceM: 0,
      movingTimeS: 1_800,
      sport: 'treadmill_run',
    });
    assert.equal(loadScoreAt([treadmill], 0, base).value, 47.81);
  });

  it('stamps the algorithm version on the report', () => {
    const report = computeLoadReport([hourAt150], '2025-06-01', base);
    assert.equal(report.algorithmVersion, 'load-1');
    assert.equal(report.trainingLoad.algorithmVersion, 'load-1');
    assert.equal(report.runDetails[0]!.loadMethod, 'trimp');
  });
});
