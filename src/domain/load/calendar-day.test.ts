import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  compareLocalDates,
  dateOfDay,
  dayOfWeek,
  tryDayNumber,
  weekStartOf,
} from './calendar-day.ts';

describe('calendar days', () => {
  it('agrees with the JavaScript calendar for every day from 1999 to 2041', () => {
    const start = Date.UTC(1999, 0, 1) / 86_400_000;
    for (let day = start; day < start + 43 * 366; day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      assert.equal(dateOfDay(day), iso);
      assert.equal(tryDayNumber(iso), day);
    }
  });

  it('rejects impossible dates and accepts leap days', () => {
    assert.equal(tryDayNumber('2025-02-29'), null);
    assert.equal(tryDayNumber('2000-02-29'), 11_016);
    assert.equal(tryDayNumber('1900-02-29'), null);
    assert.equal(tryDayNumber('2025-04-31'), null);
  });

  it('finds week starts on Monday or Sunday', () => {
    const thursday = tryDayNumber('2025-06-12')!;
    assert.equal(dayOfWeek(thursday), 4);
    assert.equal(dateOfDay(weekStartOf(thursday, 'monday')), '2025-06-09');
    assert.equal(dateOfDay(weekStartOf(thursday, 'sunday')), '2025-06-08');
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
  });
  it('orders local dates as the calendar and as localeCompare does', () => {
    const dates = ['2025-06-10', '1999-12-31', '2025-06-09', '2025-06-10', '2024-02-29', '2025-01-01'];
    const ordered = [...dates].sort(compareLocalDates);
    assert.deepEqual(
      ordered,
      [...dates].sort((a, b) => a.localeCompare(b)),
    );
    assert.deepEqual(
      ordered.map((d) => tryDayNumber(d)),
      ordered.map((d) => tryDayNumber(d)).sort((a, b) => a! - b!),
    );
    assert.equal(compareLocalDates('2025-06-10', '2025-06-10'), 0);
  });
});
