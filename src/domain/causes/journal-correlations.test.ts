import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PainEntry } from '../journal/pain-entry.ts';
import { addDays, dayNumber } from '../load/calendar-day.ts';
import type { CauseRun } from './cause-input.ts';
import { journalCorrelations } from './journal-correlations.ts';

function run(n: number, date: string, descentM: number): CauseRun {
  return {
    id: `r${n}`,
    startMs: dayNumber(date) * 86_400_000,
    localDate: date,
    sport: 'run',
    distanceM: 8000,
    movingTimeS: 2640,
    elapsedTimeS: 2700,
    ascentM: null,
    descentM,
    downhillDistanceM: null,
    avgHeartRate: null,
    avgCadenceSpm: null,
    avgStrideM: null,
    shoeId: null,
  };
}

function logged(run: CauseRun, after: number, linked: boolean): PainEntry {
  return {
    id: `e-${run.id}`,
    occurredAt: `${run.localDate}T20:00:00.000Z`,
    localDate: run.localDate,
    side: 'left',
    regions: ['lateral'],
    painDuring: null,
    painAfter: after,
    painNextMorning: null,
    swelling: null,
    onset: null,
    activityId: linked ? run.id : null,
    note: null,
    createdAt: run.localDate,
  };
}

test('pain after hilly runs is counted against flat ones, with the runner threshold in words', () => {
  // 17 runs every other day: 5 with 400 m descent (4 hurt), 12 with 40 m (1 hurt); one unlogged hilly run.
  const runs: CauseRun[] = [];
  const entries: PainEntry[] = [];
  for (let i = 0; i < 18; i += 1) {
    const hilly = i % 3 === 2;
    const r = run(i, addDays('2025-03-01', 2 * i), hilly ? 400 : 40);
    runs.push(r);
    if (i === 17) continue; // not logged: must not count either way
    const hillyIndex = Math.floor(i / 3);
    const hurt = hilly ? hillyIndex !== 0 : i === 4;
    entries.push(logged(r, hurt ? 5 : 1, i % 2 === 0));
  }
  const result = journalCorrelations({ activities: runs, shoes: [], entries, units: 'km' });
  const descent = result.correlations.find((c) => c.factor === 'descent_increase')!;
  assert.equal(result.loggedRuns, 17);
  assert.deepEqual(descent.withFactor, { runs: 5, painAfter: 4 });
  assert.deepEqual(descent.withoutFactor, { runs: 12, painAfter: 1 });
  assert.equal(descent.shown, true);
  assert.equal(descent.text, 'Pain after 4 of 5 runs with more than 100 m descent, 1 of 12 without.');
  assert.equal(result.correlations.length, 11);
});

test('below the minimum sample a factor is not shown and says why', () => {
  const runs = [run(1, '2025-03-01', 400), run(2, '2025-03-03', 40), run(3, '2025-03-05', 40)];
  const entries = runs.map((r) => logged(r, 5, true));
  const result = journalCorrelations({ activities: runs, shoes: [], entries, units: 'km' });
  const descent = result.correlations.find((c) => c.factor === 'descent_increase')!;
  assert.equal(descent.shown, false);
  assert.match(descent.text, /Not enough logged runs .*\(needs 3 with and 3 without; have 1 and 2\)/);
});
