import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDay, morningBaseline, painStatus } from './pain-monitoring.ts';

const day = (
  localDate: string,
  painDuring: number | null,
  painNextMorning: number | null,
  painAfter: number | null = null,
) => ({
  localDate,
  painDuring,
  painAfter,
  painNextMorning,
});

test('3/10 during and back to baseline by morning is green; 4-5 is amber; above 5 is red', () => {
  assert.equal(classifyDay(day('2026-01-01', 3, 0), 0), 'green');
  assert.equal(classifyDay(day('2026-01-01', 4, 0), 0), 'amber');
  assert.equal(classifyDay(day('2026-01-01', 2, 1), 0), 'amber', 'morning not back to baseline');
  assert.equal(
    classifyDay(day('2026-01-01', 2, 2), 2),
    'green',
    'an OA knee that always wakes at 2 is at baseline',
  );
  assert.equal(classifyDay(day('2026-01-01', 6, 0), 0), 'red');
  assert.equal(classifyDay(day('2026-01-01', 1, 0, 6), 0), 'red', 'pain after counts too');
  assert.equal(classifyDay(day('2026-01-01', null, null), 0), null);
});

test('the baseline is the lowest morning score logged', () => {
  assert.equal(morningBaseline([day('2026-01-01', 3, 2), day('2026-01-02', 3, 1)]), 1);
  assert.equal(morningBaseline([day('2026-01-01', 3, null)]), 0);
});

test('status over the last two weeks', () => {
  assert.equal(painStatus([], '2026-01-15').signal, 'green');
  assert.equal(painStatus([day('2026-01-14', 2, 0)], '2026-01-15').signal, 'green');
  assert.equal(painStatus([day('2026-01-14', 5, 0)], '2026-01-15').signal, 'amber');
  assert.equal(
    painStatus([day('2026-01-10', 4, 0), day('2026-01-14', 5, 0)], '2026-01-15').signal,
    'red',
    'two ambers',
  );
  assert.equal(
    painStatus([day('2026-01-03', 2, 0), day('2026-01-13', 4, 0)], '2026-01-15').signal,
    'red',
    'building week on week',
  );
  assert.equal(painStatus([day('2025-12-01', 9, 8)], '2026-01-15').signal, 'green', 'old entries drop out');
  assert.equal(
    painStatus([day('2026-01-16', 9, 8)], '2026-01-15').signal,
    'green',
    'future entries are ignored',
  );
  const red = painStatus([day('2026-01-12', 7, 3)], '2026-01-15');
  assert.equal(red.signal, 'red');
  assert.match(red.reason, /7\/10 on 2026-01-12/);
  assert.match(red.source, /Silbernagel/);
});
