import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactJson } from './stored-load-reports.ts';

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
