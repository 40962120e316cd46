import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDay, classifyJournal, PAIN_MODEL, PAIN_TEXT, painStatus } from './pain-monitoring.ts';

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

test('one day: 0-3 and settled is green, 4-5 or a worse morning is amber, above 5 is red', () => {
  assert.equal(classifyDay(day('2026-01-01', 3, 0), 0), 'green');
  assert.equal(classifyDay(day('2026-01-01', 4, 0), 0), 'amber');
  assert.equal(classifyDay(day('2026-01-01', 5, 0), 0), 'amber', '5/10 is still acceptable');
  assert.equal(classifyDay(day('2026-01-01', 2, 1), 0), 'amber', 'worse than the morning before');
  assert.equal(classifyDay(day('2026-01-01', 2, 1), 1), 'green', 'back to the morning before');
  assert.equal(
    classifyDay(day('2026-01-01', 2, 2), 2),
    'green',
    'an OA knee that always wakes at 2 is at its usual',
  );
  assert.equal(classifyDay(day('2026-01-01', 6, 0), 0), 'red');
  assert.equal(classifyDay(day('2026-01-01', 1, 0, 6), 0), 'red', 'pain after counts too');
  assert.equal(classifyDay(day('2026-01-01', 1, 6), 6), 'red', 'a morning above 5 is too much');
  assert.equal(classifyDay(day('2026-01-01', null, null), 0), null);
});

test('each entry is judged against the morning before it, not the best morning of the window', () => {
  const days = classifyJournal([
    day('2026-01-05', 3, 2),
    day('2026-01-01', 4, 3),
    day('2026-01-08', 2, 1),
    day('2026-01-11', 1, 2),
  ]);
  assert.deepEqual(
    days.map((d) => [d.entry.localDate, d.morningBefore, d.signal]),
    [
      ['2026-01-01', 0, 'amber'],
      ['2026-01-05', 3, 'green'],
      ['2026-01-08', 2, 'green'],
      ['2026-01-11', 1, 'amber'],
    ],
  );
});

test('a journal falling 5 → 3 → 2 → 1 with 0 the next morning is settling (green)', () => {
  const status = painStatus(
    [
      day('2026-01-03', 5, null),
      day('2026-01-06', 3, null),
      day('2026-01-09', 2, null),
      day('2026-01-12', 1, 0),
    ],
    '2026-01-14',
  );
  assert.equal(status.signal, 'green');
  assert.equal(status.trend, 'settling');
  assert.equal(status.headline, 'Knee pain is settling');
  assert.match(status.reason, /5 → 3 → 2 → 1\/10/);
});

test('falling pain with mornings 2 → 2 → 1 → 1 → 0 is settling, not red (the demo runner)', () => {
  const journal = [
    day('2026-11-09', null, 4),
    day('2026-11-13', 4, 3, 5),
    day('2026-11-18', 3, 2, 3),
    day('2026-11-21', 2, 2, 3),
    day('2026-11-24', 2, 1, 2),
    day('2026-11-27', 1, 1, 2),
    day('2026-11-30', 1, 0, 1),
  ];
  const status = painStatus(journal, '2026-12-03');
  assert.equal(status.signal, 'green', status.reason);
  assert.equal(status.trend, 'settling');
});

test('next-morning pain rising twice running is "not settling" (red)', () => {
  const status = painStatus(
    [day('2026-01-05', 2, 1), day('2026-01-08', 2, 2), day('2026-01-11', 3, 3)],
    '2026-01-12',
  );
  assert.equal(status.signal, 'red');
  assert.equal(status.trend, 'not-settling');
  assert.equal(status.headline, 'Knee pain is not settling');
  assert.match(status.reason, /1 → 2 → 3\/10/);
});

test('one worse morning holds the load; two safe sessions after it clear it', () => {
  const once = painStatus([day('2026-01-05', 2, 0), day('2026-01-08', 2, 1)], '2026-01-09');
  assert.equal(once.signal, 'amber');
  assert.equal(once.trend, 'hold');
  assert.match(once.reason, /next morning \(1\/10\) was worse than the morning before \(0\/10\)/);
  const cleared = painStatus(
    [day('2026-01-05', 2, 0), day('2026-01-08', 2, 1), day('2026-01-10', 1, 1), day('2026-01-12', 1, 0)],
    '2026-01-13',
  );
  assert.equal(cleared.signal, 'green');
});

test('4-5/10 holds; two such days are still a hold, not a step back', () => {
  assert.equal(painStatus([day('2026-01-14', 5, 0)], '2026-01-15').signal, 'amber');
  assert.equal(painStatus([day('2026-01-10', 4, 0), day('2026-01-14', 4, 0)], '2026-01-15').signal, 'amber');
});

test('pain building from last week into the 4-5 band is red; from 4 to 5 within the band too', () => {
  const building = painStatus([day('2026-01-03', 2, 0), day('2026-01-13', 4, 0)], '2026-01-15');
  assert.equal(building.signal, 'red');
  assert.equal(building.trend, 'building');
  assert.match(building.reason, /2\/10 last week to 4\/10 this week/);
  assert.equal(
    painStatus([day('2026-01-03', 4, 0), day('2026-01-12', 5, 0)], '2026-01-15').trend,
    'building',
  );
  assert.equal(
    painStatus([day('2026-01-03', 1, 0), day('2026-01-12', 2, 0)], '2026-01-15').signal,
    'green',
    'a rise inside the safe band is not a step back',
  );
});

test('above 5/10 is red until two safe sessions follow it', () => {
  const red = painStatus([day('2026-01-12', 7, 3)], '2026-01-15');
  assert.equal(red.signal, 'red');
  assert.equal(red.trend, 'too-much');
  assert.match(red.reason, /7\/10 on 2026-01-12/);
  assert.match(red.source, /Silbernagel/);
  const after = painStatus(
    [day('2026-01-06', 7, 3), day('2026-01-09', 2, 2), day('2026-01-12', 1, 1)],
    '2026-01-13',
  );
  assert.equal(after.signal, 'green', after.reason);
});

test('the window: old entries drop out, future ones are ignored, nothing logged is green', () => {
  assert.equal(painStatus([], '2026-01-15').trend, 'none');
  assert.equal(painStatus([day('2025-12-01', 9, 8)], '2026-01-15').signal, 'green', 'old entries drop out');
  assert.equal(painStatus([day('2026-01-16', 9, 8)], '2026-01-15').signal, 'green', 'future entries');
  assert.equal(
    painStatus([day('2025-12-20', 2, 3), day('2026-01-10', 2, 3)], '2026-01-15').signal,
    'green',
    'the morning before the window still counts as the morning before',
  );
});

test('the sentences carry the thresholds of the one model', () => {
  assert.equal(PAIN_MODEL.safeMax, 3);
  assert.equal(PAIN_MODEL.acceptableMax, 5);
  assert.match(PAIN_TEXT.rule, /up to 5\/10 .*0-3 is safe, 4-5 means hold/);
  assert.match(PAIN_TEXT.moveUp, /at or below 3\/10/);
  assert.match(PAIN_TEXT.stepBack, /above 5\/10/);
});
