import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';

describe('acute:chronic workload ratio (context only)', () => {
  // 20 km in each of the three weeks before the acute week, then 30 km in the acute week (06-22 … 06-28).
  const history = [
    makeRun({ id: 'a', localDate: '2025-06-04', distanceM: 20_000 }),
    makeRun({ id: 'b', localDate: '2025-06-11', distanceM: 20_000 }),
    makeRun({ id: 'c', localDate: '2025-06-18', distanceM: 20_000 }),
    makeRun({ id: 'd', localDate: '2025-06-25', distanceM: 30_000 }),
  ];
  const report = computeLoadReport(history, '2025-06-28', DEFAULT_ATHLETE_SETTINGS);

  it('computes the rolling coupled and uncoupled ratios', () => {
    assert.equal(report.acwr.acute7dM, 30_000);
    assert.equal(report.acwr.uncoupled, 1.5); // 30 / (60 / 3)
    assert.equal(report.acwr.coupled, 1.333); // 30 / (90 / 4)
  });

  it('computes the EWMA ratio with λ = 2/(N+1), N = 7 and 28', () => {
    assert.equal(report.acwr.ewmaAcuteM, 3488.2);
    assert.equal(report.acwr.ewmaChronicM, 3002.3);
    assert.equal(report.acwr.ewma, 1.162);
    assert.equal(report.acwr.ewmaUncoupled, 1.587);
  });

  it('is a context flag, never a warning, with the runner study’s finding', () => {
    const flag = report.flags.find((f) => f.id === 'acwr');
    assert.ok(flag);
    assert.equal(flag.severity, 'context');
    assert.equal(flag.value, 1.5);
    assert.match(flag.message, /context only/);
    assert.match(flag.source, /Frandsen et al\., BJSM 2025/);
    assert.equal(report.acwr.role, 'context');
  });

  it('is null when there is no chronic load', () => {
    const alone = computeLoadReport(
      [makeRun({ localDate: '2025-06-25', distanceM: 5_000 })],
      '2025-06-28',
      DEFAULT_ATHLETE_SETTINGS,
    );
    assert.equal(alone.acwr.uncoupled, null);
    // Coupling at its starkest: the acute week alone makes a chronic mean of A / 4, so the ratio is 4.
    assert.equal(alone.acwr.coupled, 4);
    assert.equal(
      alone.flags.some((f) => f.id === 'acwr'),
      false,
    );
  });
});
