import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plausibleSampleCount } from './corrupt-tail.ts';

test('the samples end at the first impossible time: a jump of more than a day, an hour back, or not a number', () => {
  assert.equal(plausibleSampleCount([0, 1, 2, 3]), 4);
  assert.equal(plausibleSampleCount([0, 1, 2, 2_027_039_628]), 3);
  assert.equal(plausibleSampleCount([0, 10, 86_410, 86_411]), 4, 'a one-day pause is still possible');
  assert.equal(plausibleSampleCount([0, 10, 86_411]), 2);
  assert.equal(plausibleSampleCount([0, 5000, 4990, 5001]), 4, 'a clock correction of seconds is kept');
  assert.equal(plausibleSampleCount([0, 5000, 1000]), 2);
  assert.equal(plausibleSampleCount([0, Number.NaN, 2]), 1);
  assert.equal(plausibleSampleCount([]), 0);
});
