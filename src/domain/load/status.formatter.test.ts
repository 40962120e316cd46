import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../../test/factories/history.factory.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';
import { formatStatus } from './status.formatter.ts';

describe('formatStatus', () => {
  const history = [
    makeRun({ id: 'a', localDate: '2025-06-01', distanceM: 10_000 }),
    makeRun({ id: 'b', localDate: '2025-06-04', distanceM: 8_000 }),
    makeRun({ id: 'c', localDate: '2025-06-08', distanceM: 10_200 }),
    makeRun({ id: 'spike', localDate: '2025-06-10', distanceM: 15_000 }),
  ];
  const report = computeLoadReport(history, '2025-06-10', DEFAULT_ATHLETE_SETTINGS);

  it('leads with the next-run ceiling in km, truncated', () => {
    const text = formatStatus(report, { units: 'km', today: '2025-06-10' });
    // 1.10 × 15 km = 16.5 km
    assert.match(
      text,
      /^Running load as of 2025-06-10 \(today\)\nKeep your next run under 16\.5 km \(1\.10 × your longest run of the last 30 days, 15\.0 km on 2025-06-10; Frandsen/,
    );
  });

  it('explains each flag with the number, the threshold and the source', () => {
    const text = formatStatus(report, { units: 'km', today: '2025-06-12' });
    assert.match(text, /as of 2025-06-10 \(2 days before today\)/);
    assert.match(
      text,
      /\[WATCH\] Your 15\.0 km run on 2025-06-10 was 47\.1 % longer than your longest run of the 30 days before \(10\.2 km\)\. .*more than 10 % .*\(Frandsen et al\., BJSM 2025/,
    );
    assert.match(text, /Last 7 days: 33\.2 km in 3 runs, 4 rest days\./);
  });

  it('renders in miles when asked', () => {
    const text = formatStatus(report, { units: 'mi', today: '2025-06-10' });
    // 16 500 m = 10.25 mi → 10.2 mi; 15 000 m = 9.32 mi
    assert.match(text, /Keep your next run under 10\.2 mi/);
    assert.match(text, /Your 9\.3 mi run on 2025-06-10/);
    assert.doesNotMatch(text, / km\b/);
  });

  it("while the knee sets the next run, the ceiling is the return's, as context, never 'keep under'", () => {
    const text = formatStatus(report, {
      units: 'km',
      today: '2025-06-10',
      // The return's ceiling: 1.10 × the 10.2 km longest once the 15 km run that brought the pain is left out.
      ceilingAsContext: { ceilingM: 11_220, painRun: { localDate: '2025-06-10', distanceM: 15_000 } },
    });
    assert.doesNotMatch(text, /Keep your next run under/);
    assert.doesNotMatch(text, /16\.5 km/, 'not the ceiling built on the run that brought the pain');
    assert.match(
      text,
      /\nNext run: set by your knee; the 10 % ceiling, 11\.2 km, is context, not a target \(it leaves out the 15\.0 km run on 2025-06-10, when the pain began\)\.\n/,
    );
    const miles = formatStatus(report, {
      units: 'mi',
      today: '2025-06-10',
      ceilingAsContext: { ceilingM: null, painRun: null },
    });
    assert.match(miles, /\nNext run: set by your knee, not by a distance ceiling\.\n/);
    // Back after a break with no knee pain: the walk-run ladder sets the run, and the text says so.
    const back = formatStatus(report, {
      units: 'km',
      today: '2025-06-12',
      ceilingAsContext: { setBy: 'return-to-run', ceilingM: null, painRun: null },
    });
    assert.match(back, /\nNext run: set by your return to running, not by a distance ceiling\.\n/);
    assert.doesNotMatch(back, /your knee/);
  });

  it('says clearly when there is nothing to show', () => {
    const empty = computeLoadReport([], '2025-06-10', DEFAULT_ATHLETE_SETTINGS);
    const text = formatStatus(empty, { units: 'km', today: '2025-06-10' });
    assert.match(text, /No runs recorded up to 2025-06-10, so there is no next-run ceiling yet\./);
    assert.match(text, /kneewise import/);
  });

  it('says there is no ceiling after a break', () => {
    const old = computeLoadReport(
      [makeRun({ localDate: '2025-01-10', distanceM: 10_000 })],
      '2025-06-10',
      DEFAULT_ATHLETE_SETTINGS,
    );
    assert.match(formatStatus(old, { units: 'km', today: '2025-06-10' }), /Next run: no ceiling/);
  });
});
