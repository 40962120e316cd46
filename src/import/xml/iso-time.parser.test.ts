import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIsoInstant, parseIsoMs } from './iso-time.parser.ts';

describe('parseIsoInstant', () => {
  it('reads Z, fractional seconds and explicit offsets', () => {
    assert.deepEqual(parseIsoInstant('2014-10-05T13:07:53.000Z'), {
      ms: Date.UTC(2014, 9, 5, 13, 7, 53),
      offsetS: null,
    });
    assert.deepEqual(parseIsoInstant('2025-05-02T15:51:15.692Z'), {
      ms: Date.UTC(2025, 4, 2, 15, 51, 15, 692),
      offsetS: null,
    });
    assert.deepEqual(parseIsoInstant('2020-12-27T15:43:49.000+01:00'), {
      ms: Date.UTC(2020, 11, 27, 14, 43, 49),
      offsetS: 3600,
    });
    assert.deepEqual(parseIsoInstant('2020-12-27T10:43:49-0430'), {
      ms: Date.UTC(2020, 11, 27, 15, 13, 49),
      offsetS: -16200,
    });
  });

  it('reads a time without a zone as UTC, whatever the machine zone', () => {
    assert.equal(parseIsoMs('2007-08-07T02:42:41'), Date.UTC(2007, 7, 7, 2, 42, 41));
  });

  it('returns null / NaN for text that is not a date-time', () => {
    assert.equal(parseIsoInstant(''), null);
    assert.equal(parseIsoInstant('05-AUG-10 16:58:37'), null);
    assert.equal(parseIsoInstant('2010-13-01T00:00:00Z'), null);
    assert.ok(Number.isNaN(parseIsoMs('yesterday')));
  });
});
