import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localStartMs, makeRun } from '../../../test/factories/history.factory.ts';
import { DAY_MS } from './calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';
import { spikeCategory, spikeFromBaseline } from './session-spike.ts';

const settings = DEFAULT_ATHLETE_SETTINGS;

/** A 10 km baseline on June 1, then the run under test on June 10. */
function spikeOf(distanceM: number) {
  const report = computeLoadReport(
    [
      makeRun({ id: 'base', localDate: '2025-06-01', distanceM: 10_000 }),
      makeRun({ id: 'test', localDate: '2025-06-10', distanceM }),
    ],
    '2025-06-10',
    settings,
  );
  return report.runs.find((r) => r.activityId === 'test')!;
}

describe('single-session spike (Frandsen 2025 bins)', () => {
  it('puts exactly 10 % in the reference bin despite 11000/10000 − 1 being 0.10000000000000009', () => {
    const run = spikeOf(11_000);
    assert.equal(run.longestPrev30dM, 10_000);
    assert.equal(run.spikePct, 10);
    assert.equal(run.spikeCategory, 'none');
  });

  it('moves just above 10 % into "small"', () => {
    assert.equal(spikeOf(11_001).spikeCategory, 'small');
  });

  it('puts exactly 30 % in "small" and just above in "moderate"', () => {
    assert.deepEqual([spikeOf(13_000).spikePct, spikeOf(13_000).spikeCategory], [30, 'small']);
    assert.equal(spikeOf(13_001).spikeCategory, 'moderate');
  });

  it('puts exactly 100 % (double) in "moderate" and more in "large"', () => {
    assert.deepEqual([spikeOf(20_000).spikePct, spikeOf(20_000).spikeCategory], [100, 'moderate']);
    assert.equal(spikeOf(20_001).spikeCategory, 'large');
  });

  it('treats a shorter run as "none" with a negative percentage', () => {
    const run = spikeOf(5_000);
    assert.equal(run.spikePct, -50);
    assert.equal(run.spikeCategory, 'none');
  });

  it('bins other floating-point edge pairs robustly', () => {
    // 1.1 × 3 km, 1.3 × 7.7 km and 2 × 4.2 km are not exact in binary floating point.
    assert.equal(spikeFromBaseline(3_300, 3_000).spikeCategory, 'none');
    assert.equal(spikeFromBaseline(7_700 * 1.3, 7_700).spikeCategory, 'small');
    assert.equal(spikeFromBaseline(4_200 * 2, 4_200).spikeCategory, 'moderate');
    assert.equal(spikeFromBaseline(1.1 * 8_123.4, 8_123.4).spikeCategory, 'none');
    assert.equal(spikeCategory(null), 'no-baseline');
  });

  it('uses the window [start − 30 days, start) by UTC instant', () => {
    const start = localStartMs('2025-07-01', 10);
    const exactly30 = makeRun({
      id: 'edge',
      localDate: '2025-06-01',
      distanceM: 10_000,
      startMs: start - 30 * DAY_MS,
    });
    const justOutside = makeRun({
      id: 'out',
      localDate: '2025-06-01',
      distanceM: 20_000,
      startMs: start - 30 * DAY_MS - 1,
    });
    const test = makeRun({ id: 'test', localDate: '2025-07-01', distanceM: 12_000, startMs: start });
    const report = computeLoadReport([test, justOutside, exactly30], '2025-07-01', settings);
    const row = report.runs.find((r) => r.activityId === 'test')!;
    assert.equal(row.longestPrev30dM, 10_000);
    assert.equal(row.spikePct, 20);
    assert.equal(row.spikeCategory, 'small');
    assert.equal(report.runDetails.find((d) => d.activityId === 'test')!.longestPrevActivityId, 'edge');
  });

  it('gives "no-baseline" to the first run and after 30 days without running', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'a', localDate: '2025-01-01', distanceM: 8_000 }),
        makeRun({ id: 'b', localDate: '2025-02-15', distanceM: 20_000 }),
      ],
      '2025-02-15',
      settings,
    );
    assert.deepEqual(
      report.runs.map((r) => [r.activityId, r.longestPrev30dM, r.spikePct, r.spikeCategory]),
      [
        ['a', null, null, 'no-baseline'],
        ['b', null, null, 'no-baseline'],
      ],
    );
    const flag = report.flags.find((f) => f.id === 'return_after_break');
    assert.ok(flag, 'a return after a break is flagged rather than silent');
    assert.equal(flag.value, 45);
    assert.equal(flag.activityId, 'b');
  });

  it('ignores walks and rides as baselines (only running sports count)', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'ride', localDate: '2025-06-01', distanceM: 60_000, sport: 'ride' }),
        makeRun({ id: 'walk', localDate: '2025-06-02', distanceM: 15_000, sport: 'walk' }),
        makeRun({ id: 'run', localDate: '2025-06-03', distanceM: 5_000 }),
      ],
      '2025-06-03',
      settings,
    );
    assert.deepEqual(
      report.runs.map((r) => r.activityId),
      ['run'],
    );
    assert.equal(report.runs[0]!.spikeCategory, 'no-baseline');
    assert.equal(report.restDays.crossTrainingLast7S > 0, true);
  });
});

describe('next-run ceiling', () => {
  it('is 1.10 × the longest run on the local days asOf−29 … asOf, exactly 11000 m after 10 km', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'old', localDate: '2025-05-11', distanceM: 30_000 }), // asOf − 30: outside
        makeRun({ id: 'edge', localDate: '2025-05-12', distanceM: 10_000 }), // asOf − 29: inside
        makeRun({ id: 'recent', localDate: '2025-06-08', distanceM: 8_000 }),
      ],
      '2025-06-10',
      settings,
    );
    assert.equal(report.nextRunCeilingM, 11_000);
    assert.equal(report.ceiling?.longestActivityId, 'edge');
    assert.equal(report.ceiling?.windowStart, '2025-05-12');
  });

  it('is null when nothing was run in the window', () => {
    const report = computeLoadReport(
      [makeRun({ localDate: '2025-01-01', distanceM: 10_000 })],
      '2025-06-10',
      settings,
    );
    assert.equal(report.nextRunCeilingM, null);
    assert.match(report.message ?? '', /No run in the 30 days up to 2025-06-10/);
  });

  it('leaves out runs after asOf, from the runs list and from the ceiling', () => {
    const report = computeLoadReport(
      [
        makeRun({ id: 'in', localDate: '2025-06-01', distanceM: 5_000 }),
        makeRun({ id: 'later', localDate: '2025-06-20', distanceM: 25_000 }),
      ],
      '2025-06-10',
      settings,
    );
    assert.deepEqual(
      report.runs.map((r) => r.activityId),
      ['in'],
    );
    assert.equal(report.nextRunCeilingM, 5_500);
  });
});
