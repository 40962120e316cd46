import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CellError, parseDurationSeconds, parseLocaleNumber, parseStravaDate } from './strava-cell.parser.ts';

describe('Strava cell parsers', () => {
  it('reads numbers in either locale', () => {
    assert.equal(parseLocaleNumber('3322.949951171875'), 3322.949951171875);
    assert.equal(parseLocaleNumber(' 3,32 '), 3.32);
    assert.equal(parseLocaleNumber('1,234.5'), 1234.5);
    assert.equal(parseLocaleNumber('1.234,5'), 1234.5);
    assert.equal(parseLocaleNumber(''), null);
    assert.throws(() => parseLocaleNumber('#error#'), CellError);
    assert.throws(() => parseLocaleNumber('12 km'), CellError);
  });

  it('reads durations as seconds or clocks', () => {
    assert.equal(parseDurationSeconds('1428.0'), 1428);
    assert.equal(parseDurationSeconds('0:23:48'), 1428);
    assert.equal(parseDurationSeconds('23:48'), 1428);
    assert.throws(() => parseDurationSeconds('-5'), CellError);
  });

  it('reads 12-hour clock edges as UTC', () => {
    assert.equal(parseStravaDate('May 29, 2022, 12:05:00 AM'), Date.UTC(2022, 4, 29, 0, 5));
    assert.equal(parseStravaDate('May 29, 2022, 12:05:00 PM'), Date.UTC(2022, 4, 29, 12, 5));
    assert.equal(parseStravaDate('Sept 1, 2023, 1:00:00 PM'), Date.UTC(2023, 8, 1, 13));
    assert.throws(() => parseStravaDate('May 29, 2022, 13:05:00 PM'), CellError);
    assert.throws(() => parseStravaDate('Foo 29, 2022, 1:05:00 PM'), CellError);
  });
});
