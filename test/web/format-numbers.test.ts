import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeWithCommas } from '../../web/src/format-numbers.ts';

test("whole numbers print as toLocaleString('en') prints them, rounded", () => {
  const values = [
    0,
    -0,
    0.4,
    -0.4,
    0.5,
    -0.5,
    -0.6,
    1.5,
    -1.5,
    999.4,
    999.5,
    -999.5,
    1e6,
    -1e6,
    2 ** 53,
    1e20,
  ];
  for (let v = -2_000_000; v <= 2_000_000; v += 7.37) values.push(v);
  for (let p = 0; p < 21; p += 1) values.push(10 ** p - 1, 10 ** p, -(10 ** p) + 0.5);
  for (const value of values) {
    assert.equal(wholeWithCommas(value), Math.round(value).toLocaleString('en'), String(value));
  }
});

test('a value Intl spells without digits keeps its Intl spelling', () => {
  for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, -5e22]) {
    assert.equal(wholeWithCommas(value), Math.round(value).toLocaleString('en'), String(value));
  }
});
