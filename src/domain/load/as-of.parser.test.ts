import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KneewiseError } from '../errors.ts';
import { parseAsOf } from './as-of.parser.ts';

describe('parseAsOf', () => {
  it('accepts real calendar dates, leap days included', () => {
    assert.equal(parseAsOf('2025-06-30'), '2025-06-30');
    assert.equal(parseAsOf('2024-02-29'), '2024-02-29');
  });

  for (const bad of [
    '2025-02-30',
    '2023-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-6-3',
    '30/06/2025',
    ' 2025-06-30',
    '2025-06-30T00:00',
    '',
    'today',
  ]) {
    it(`rejects "${bad}" with BAD_AS_OF naming the format`, () => {
      assert.throws(
        () => parseAsOf(bad),
        (error: unknown) =>
          error instanceof KneewiseError &&
          error.code === 'BAD_AS_OF' &&
          error.kind === 'input' &&
          error.message.startsWith('Expected --as-of as YYYY-MM-DD') &&
          error.message.includes(`"${bad}"`),
      );
    });
  }
});
