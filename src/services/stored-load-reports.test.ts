import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StatusReport } from '../domain/load/status-report.ts';
import { exactJson, fromStoredText, toStoredText } from './stored-load-reports.ts';

test('only values JSON gives back exactly are stored', () => {
  const report = {
    asOf: '2025-06-30',
    runs: [{ distanceM: 5000.25, spikePct: null, flags: ['a'] }],
    n: -1.5,
  };
  const json = exactJson(report);
  assert.notEqual(json, null);
  assert.deepStrictEqual(JSON.parse(json!), report);
  for (const lossy of [
    { spikePct: -0 },
    { ratio: Number.NaN },
    { ratio: Number.POSITIVE_INFINITY },
    { note: undefined },
    { at: new Date(0) },
    { ids: new Set(['a']) },
    { runs: [{ distanceM: 1 }, { distanceM: -0 }] },
  ]) {
    assert.equal(exactJson(lossy), null, `${Object.keys(lossy)[0]} would not come back as it was`);
  }
});

test('a stored report reads back exactly, its keys in their order', () => {
  const report = {
    asOf: '2025-06-30',
    message: 'two\nlines',
    runs: [{ activityId: 'a', distanceM: 5000.25, spikePct: null }],
    flags: [],
  } as unknown as StatusReport;
  const text = toStoredText(report);
  assert.notEqual(text, null);
  const read = fromStoredText(text!);
  assert.deepStrictEqual(read, report);
  assert.equal(JSON.stringify(read), JSON.stringify(report));
  assert.deepEqual(Object.keys(read), Object.keys(report));
  assert.equal(toStoredText({ ...report, nextRunCeilingM: -0 } as StatusReport), null);
});
