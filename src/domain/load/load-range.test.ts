import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHistory } from '../../../test/factories/history.factory.ts';
import { DEFAULT_ATHLETE_SETTINGS } from './load-activity.ts';
import { computeLoadReport } from './load-engine.ts';
import { cutLoadReport, rangeStart } from './load-range.ts';

const settings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'female' as const, restingHr: 55, maxHr: null };
// Three years with breaks (weeks without runs), ending on a Thursday.
const history = buildHistory({ years: 3, runsPerWeek: 5, seed: 7, breakChance: 0.05 });
const report = computeLoadReport(history, '2018-12-20', settings);

describe('rangeStart', () => {
  it('snaps back to the start of the week holding the first day, never before the first week', () => {
    // Weeks from Monday 2018-01-01: 84 days ending Thursday 2018-12-20 begin Friday 2018-09-28 → Monday 09-24.
    assert.equal(rangeStart('2018-12-20', '2018-01-01', '2018-01-02', 84), '2018-09-24');
    assert.equal(rangeStart('2018-12-20', '2018-01-01', '2018-01-02', 3_650), '2018-01-01');
    assert.equal(rangeStart('2018-12-20', '2018-01-01', '2018-01-02', null), '2018-01-01');
    // No weeks (no runs): the plain day count, or the history's start for "all".
    assert.equal(rangeStart('2018-12-20', null, null, 7), '2018-12-14');
    assert.equal(rangeStart('2018-12-20', null, null, null), '2018-12-20');
  });
});

describe('cutLoadReport', () => {
  it('keeps exactly the rows on or after the range start, aligned, and every summary whole', () => {
    const cut = cutLoadReport(report, 84);
    const from = cut.range.from;
    assert.equal(from, rangeStart(report.asOf, report.weeks[0]!.weekStart, report.runs[0]!.localDate, 84));
    assert.deepEqual(
      cut.runs,
      report.runs.filter((r) => r.localDate >= from),
    );
    assert.ok(cut.runs.length > 20 && cut.runs.length < report.runs.length / 5, `${cut.runs.length} runs`);
    assert.deepEqual(
      cut.runDetails.map((d) => d.activityId),
      cut.runs.map((r) => r.activityId),
    );
    const keptWeeks = report.weeks.findIndex((w) => w.weekStart >= from);
    assert.equal(cut.weeks[0]!.weekStart, from);
    assert.deepEqual(cut.weeks, report.weeks.slice(keptWeeks));
    assert.deepEqual(cut.weekContext, report.weekContext.slice(keptWeeks));
    assert.deepEqual(cut.weekDescent, report.weekDescent.slice(keptWeeks));
    assert.deepEqual(
      cut.trainingLoad.series,
      report.trainingLoad.series.filter((p) => p.date >= from),
    );
    for (const key of ['ceiling', 'flags', 'acwr', 'monotony', 'restDays', 'nextRunCeilingM'] as const) {
      assert.deepEqual(cut[key], report[key], key);
    }
    assert.deepEqual(cut.range, {
      days: 84,
      from,
      to: '2018-12-20',
      totalRuns: report.runs.length,
      firstWeekStart: report.weeks[0]!.weekStart,
      firstRunDate: report.runs[0]!.localDate,
    });
  });

  it('keeps everything when the range is longer than the history, and nothing from an empty one', () => {
    const whole = cutLoadReport(report, 36_500);
    assert.deepEqual(whole.runs, report.runs);
    assert.deepEqual(whole.weeks, report.weeks);
    const empty = cutLoadReport(computeLoadReport([], '2025-06-10', settings), 84);
    assert.deepEqual([empty.runs, empty.weeks, empty.range.totalRuns], [[], [], 0]);
    assert.equal(empty.range.from, '2025-03-19');
  });
});
