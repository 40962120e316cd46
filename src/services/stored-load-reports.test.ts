import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadReport } from '../domain/load/load-report.ts';
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

test('a stored report reads back with its keys in order, the per-run details parsed when first read', () => {
  const report = {
    asOf: '2025-06-30',
    message: 'two\nlines',
    runDetails: [{ activityId: 'a', loadScore: 12.5 }],
    flags: [],
  } as unknown as LoadReport;
  const text = toStoredText(report);
  assert.notEqual(text, null);
  assert.equal(text!.split('\n').length, 2, 'JSON holds no raw newline: the text splits in two');
  const read = fromStoredText(text!);
  assert.deepStrictEqual(read, report);
  assert.equal(JSON.stringify(read), JSON.stringify(report));
  assert.deepEqual(Object.keys(read), Object.keys(report));
  assert.equal(read.runDetails, read.runDetails, 'parsed once');
  assert.equal(toStoredText({ ...report, runDetails: [{ loadScore: -0 }] } as unknown as LoadReport), null);
});
