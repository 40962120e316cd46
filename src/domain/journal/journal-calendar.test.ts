import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDays } from './journal-calendar.ts';

const entry = (localDate: string, during: number | null, after: number | null, morning: number | null) => ({
  localDate,
  painDuring: during,
  painAfter: after,
  painNextMorning: morning,
});

test('one cell per day: running summed, the worst score of the day, null without an entry', () => {
  const days = calendarDays(
    '2025-06-14',
    '2025-06-16',
    [
      { localDate: '2025-06-15', distanceM: 8000.04 },
      { localDate: '2025-06-15', distanceM: 2000 },
      { localDate: '2025-06-13', distanceM: 5000 },
      { localDate: '2025-06-17', distanceM: 5000 },
    ],
    [entry('2025-06-15', 2, 6, null), entry('2025-06-15', null, null, 4), entry('2025-06-16', 0, null, null)],
  );
  assert.deepEqual(days, [
    { date: '2025-06-14', distanceM: 0, runs: 0, maxPain: null, entries: 0 },
    { date: '2025-06-15', distanceM: 10000, runs: 2, maxPain: 6, entries: 2 },
    { date: '2025-06-16', distanceM: 0, runs: 0, maxPain: 0, entries: 1 },
  ]);
});

test('a range across a month end and a leap day has every day once', () => {
  const days = calendarDays('2024-02-27', '2024-03-02', [], []);
  assert.deepEqual(
    days.map((d) => d.date),
    ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'],
  );
});
