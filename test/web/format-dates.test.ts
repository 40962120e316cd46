/**
 * The dashboard's dates in words are spelled out by hand (format-dates.ts) instead of by Intl, for the first
 * screen's speed: they must read exactly as Intl's British English formats do, for every day of several years
 * (leap days, every weekday and month) and for years with fewer digits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dayMonth,
  dayMonthYear,
  longDay,
  relativeDay,
  shortDay,
  weekdayName,
} from '../../web/src/format-dates.ts';

const intl = {
  short: new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }),
  long: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  dayMonth: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  dayMonthYear: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  weekday: new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }),
};

function* days(from: string, to: string): Generator<string> {
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    yield new Date(at).toISOString().slice(0, 10);
  }
}

test('every day from 2015 to 2030 reads as Intl’s en-GB formats (the weekday’s comma left out)', () => {
  let checked = 0;
  for (const date of days('2015-01-01', '2030-12-31')) {
    const at = new Date(`${date}T00:00:00Z`);
    assert.equal(shortDay(date), intl.short.format(at).replace(',', ''), date);
    assert.equal(longDay(date), intl.long.format(at).replace(',', ''), date);
    assert.equal(dayMonth(date), intl.dayMonth.format(at), date);
    assert.equal(dayMonthYear(date), intl.dayMonthYear.format(at), date);
    assert.equal(weekdayName(date), intl.weekday.format(at), date);
    checked += 1;
  }
  assert.equal(checked, 5844);
});

test('the words for a few known days, the leap day and September’s four letters', () => {
  assert.equal(shortDay('2025-06-15'), 'Sun 15 Jun');
  assert.equal(longDay('2025-06-29'), 'Sunday 29 June 2025');
  assert.equal(dayMonth('2024-02-29'), '29 Feb');
  assert.equal(shortDay('2026-09-06'), 'Sun 6 Sept');
  assert.equal(weekdayName('2026-12-08'), 'Tue');
  assert.equal(longDay('0999-01-01'), intl.long.format(new Date('0999-01-01T00:00:00Z')).replace(',', ''));
  assert.equal(relativeDay('2026-12-01', '2026-12-08'), 'Tue 1 Dec', 'a week away: the day itself');
  assert.equal(relativeDay('2026-12-06', '2026-12-08'), '2 days ago');
});
