import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  IsoInstantReader,
  parseIsoInstant,
  parseIsoInstantByPattern,
  parseIsoMs,
} from './iso-time.parser.ts';

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

  it('reads leap days, the turn of a year and of a century, lower-case t/z and a space', () => {
    assert.equal(parseIsoMs('2024-02-29T23:59:59Z'), Date.UTC(2024, 1, 29, 23, 59, 59));
    assert.equal(parseIsoMs('2000-02-29T00:00:00Z'), Date.UTC(2000, 1, 29));
    assert.equal(parseIsoMs('1999-12-31t23:59:59.999z'), Date.UTC(1999, 11, 31, 23, 59, 59, 999));
    assert.equal(parseIsoMs('2021-01-01 00:00:00+14:00'), Date.UTC(2020, 11, 31, 10));
    assert.equal(parseIsoMs('1969-12-31T23:59:59.5Z'), -500);
  });

  it('gives the unusual shapes the meaning the pattern gives them', () => {
    // Day 30 of February and hour 24 roll over like Date.UTC; a year below 100 is read as 19xx by it.
    assert.equal(parseIsoMs('2023-02-30T00:00:00Z'), Date.UTC(2023, 2, 2));
    assert.equal(parseIsoMs('2023-05-01T24:00:00Z'), Date.UTC(2023, 4, 2));
    assert.equal(parseIsoMs('0050-06-01T00:00:00Z'), Date.UTC(1950, 5, 1));
    assert.equal(
      parseIsoMs('2023-05-01T12:00:00.1234567890123456789Z'),
      Date.UTC(2023, 4, 1, 12) + 123.45678901234568,
    );
    assert.deepEqual(parseIsoInstant('2023-05-01T12:00:00-00:00'), {
      ms: Date.UTC(2023, 4, 1, 12),
      offsetS: -0,
    });
  });

  it('returns null / NaN for text that is not a date-time', () => {
    assert.equal(parseIsoInstant(''), null);
    assert.equal(parseIsoInstant('05-AUG-10 16:58:37'), null);
    assert.equal(parseIsoInstant('2010-13-01T00:00:00Z'), null);
    assert.equal(parseIsoInstant('2010-12-01T00:00:00+01:0'), null);
    assert.equal(parseIsoInstant('2010-12-01T00:00:00.Z'), null);
    assert.equal(parseIsoInstant('2010-12-01T00:00:00Zulu'), null);
    assert.ok(Number.isNaN(parseIsoMs('yesterday')));
  });

  it('agrees with the pattern reading on every timestamp shape, odd offsets, fractions and zones included', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const timestamp = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        month: two(14),
        day: two(32),
        separator: fc.constantFrom('T', 't', ' ', 'x'),
        hour: two(25),
        minute: two(61),
        second: two(61),
        fraction: fc.option(fc.stringMatching(/^[0-9]{0,20}$/), { nil: undefined }),
        zone: fc.constantFrom(
          '',
          'Z',
          'z',
          '+01:00',
          '-04:30',
          '+0530',
          '-00:00',
          '+14:00',
          '-12:45',
          '+5',
          'Q',
        ),
      })
      .map(
        (t) =>
          `${t.year}-${t.month}-${t.day}${t.separator}${t.hour}:${t.minute}:${t.second}` +
          `${t.fraction === undefined ? '' : `.${t.fraction}`}${t.zone}`,
      );
    fc.assert(
      fc.property(fc.oneof(timestamp, fc.string({ maxLength: 30 })), (text) => {
        const reference = parseIsoInstantByPattern(text);
        const reader = new IsoInstantReader();
        const read = reader.read(text);
        assert.equal(read, reference !== null, text);
        if (reference !== null) {
          assert.ok(Object.is(reader.ms, reference.ms), `${text}: ${reader.ms} ≠ ${reference.ms}`);
          assert.ok(Object.is(reader.offsetS, reference.offsetS), `${text}: offset`);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps the last instant when a reader meets text that is not one', () => {
    const reader = new IsoInstantReader();
    assert.ok(reader.read('2020-12-27T15:43:49.000+01:00'));
    assert.equal(reader.read('not a time'), false);
    assert.equal(reader.ms, Date.UTC(2020, 11, 27, 14, 43, 49));
    assert.equal(reader.offsetS, 3600);
  });
});
