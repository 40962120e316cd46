import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { numberByStandardConversion, numberOf } from './number-text.ts';

describe('numberOf', () => {
  it('reads the decimals devices write', () => {
    assert.equal(numberOf('46.0500270'), 46.050027);
    assert.equal(numberOf('-12.5'), -12.5);
    assert.equal(numberOf('140'), 140);
    assert.equal(numberOf('+3.000'), 3);
    assert.equal(numberOf('.5'), 0.5);
    assert.equal(numberOf('5.'), 5);
    assert.ok(Object.is(numberOf('-0'), -0));
  });

  it('gives NaN, not 0, for empty or non-numeric text', () => {
    for (const text of ['', '-', '.', '+.', '1.2.3', 'abc', '12a', 'Infinity', '1e999', '--1']) {
      assert.ok(Number.isNaN(numberOf(text)), text);
    }
  });

  it('leaves the other shapes Number reads to Number', () => {
    assert.equal(numberOf(' 7 '), 7);
    assert.equal(numberOf('1e3'), 1000);
    assert.equal(numberOf('0x10'), 16);
    assert.equal(numberOf('0.1234567890123456789'), 0.12345678901234568);
  });

  it('gives the very double Number gives, for every decimal up to 20 digits', () => {
    const decimal = fc
      .record({
        sign: fc.constantFrom('', '-', '+'),
        whole: fc.stringMatching(/^[0-9]{0,12}$/),
        point: fc.boolean(),
        fraction: fc.stringMatching(/^[0-9]{0,10}$/),
      })
      .map((d) => `${d.sign}${d.whole}${d.point ? '.' : ''}${d.fraction}`);
    fc.assert(
      fc.property(fc.oneof(decimal, fc.double().map(String), fc.string({ maxLength: 12 })), (text) => {
        const expected = numberByStandardConversion(text);
        assert.ok(Object.is(numberOf(text), expected), `${text}: ${numberOf(text)} ≠ ${expected}`);
      }),
      { numRuns: 50_000 },
    );
  });
});
