import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeNumberAxis } from '../../web/src/charts/whole-ticks.ts';

test('cadence ticks are whole numbers, even over a narrow range', () => {
  for (const values of [[172.4, 172.9], [171, 174], [158.3, 176.8], [150, 190], [166, 183.2], [172]]) {
    for (const max of [4, 6]) {
      const { domain, ticks } = wholeNumberAxis(values, max);
      assert.ok(ticks.length >= 2 && ticks.length <= max, `${values}: ${ticks.length} ticks`);
      for (const t of ticks) assert.ok(Number.isInteger(t), `${values}: ${ticks.join(' ')}`);
      assert.ok(
        domain[0] <= Math.min(...values) && domain[1] >= Math.max(...values),
        `${values} inside ${domain}`,
      );
      assert.deepEqual([ticks[0], ticks.at(-1)], domain, 'the ticks span the axis');
    }
  }
});

test('the step is 1, 2 or 5 times a power of ten, the smallest that fits', () => {
  assert.deepEqual(wholeNumberAxis([172.4, 172.9], 4).ticks, [172, 173]);
  assert.deepEqual(wholeNumberAxis([158, 176], 6).ticks, [155, 160, 165, 170, 175, 180]);
  assert.deepEqual(wholeNumberAxis([158, 176], 4).ticks, [150, 160, 170, 180]);
  assert.deepEqual(wholeNumberAxis([], 4).ticks, [0, 1]);
});
