import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sport } from '../activity/sport.ts';
import { addDays, dayNumber } from '../load/calendar-day.ts';
import { explainOnset, type WhyResult } from './cause-analysis.ts';
import type { CauseRun, CauseShoe } from './cause-input.ts';
import { FACTOR_IDS } from './factor-catalog.ts';

/**
 * Synthetic histories: twelve steady weeks (Mon/Wed/Fri 8 km, Sun 12 km, 60 m descent, 5:30 /km, 170 spm,
 * one road shoe) with one planted cause in the two weeks before the onset. The planted cause must rank first.
 */
const ONSET = '2025-06-15'; // a Sunday
const STEADY_DAYS = [1, 3, 5, 0]; // Mon Wed Fri Sun (0 = Sunday)

interface RunOverrides {
  distanceM?: number;
  descentM?: number | null;
  cadence?: number | null;
  speed?: number;
  shoeId?: string | null;
  sport?: Sport;
}

function makeRun(date: string, n: number, o: RunOverrides = {}): CauseRun {
  const dow = (((dayNumber(date) + 4) % 7) + 7) % 7;
  const distanceM = o.distanceM ?? (dow === 0 ? 12_000 : 8_000);
  const speed = o.speed ?? 1000 / 330;
  return {
    id: `run-${String(n).padStart(4, '0')}`,
    startMs: dayNumber(date) * 86_400_000 + 7 * 3_600_000,
    localDate: date,
    sport: o.sport ?? 'run',
    distanceM,
    movingTimeS: distanceM / speed,
    elapsedTimeS: distanceM / speed + 60,
    ascentM: null,
    descentM: o.descentM === undefined ? 60 : o.descentM,
    downhillDistanceM: null,
    avgHeartRate: 145,
    avgCadenceSpm: o.cadence === undefined ? 170 : o.cadence,
    avgStrideM: null,
    shoeId: o.shoeId === undefined ? 'shoe-a' : o.shoeId,
  };
}

/** Steady runs from 84 days before the onset up to the onset; `plant` may change or drop each run. */
function history(
  plant: (date: string, daysBeforeOnset: number, run: CauseRun) => CauseRun | null = (_d, _b, r) => r,
) {
  const runs: CauseRun[] = [];
  let n = 0;
  for (let back = 84; back >= 0; back -= 1) {
    const date = addDays(ONSET, -back);
    const dow = (((dayNumber(date) + 4) % 7) + 7) % 7;
    if (!STEADY_DAYS.includes(dow)) continue;
    n += 1;
    const planted = plant(date, back, makeRun(date, n));
    if (planted) runs.push(planted);
  }
  return runs;
}

const SHOE_A: CauseShoe = { id: 'shoe-a', name: 'Road pair', startDistanceM: 0 };

function explain(activities: CauseRun[], shoes: CauseShoe[] = [SHOE_A]): WhyResult {
  return explainOnset({ onset: ONSET, activities, shoes, units: 'km' });
}

function assertFirst(result: WhyResult, id: string): void {
  const first = result.factors[0]!;
  assert.equal(
    first.id,
    id,
    `expected ${id} first, got ${result.factors.map((f) => `${f.id}:${f.score}`).join(' ')}`,
  );
  assert.notEqual(first.strength, 'none');
}

describe('why: every factor, ranked', () => {
  test('a steady history lists all eleven factor ids, each once, all of strength none', () => {
    const result = explain(history());
    assert.deepEqual([...result.factors.map((f) => f.id)].sort(), [...FACTOR_IDS].sort());
    for (const f of result.factors) {
      assert.equal(f.strength, 'none', `${f.id}: ${f.summary}`);
      assert.ok(f.source.length > 10 && f.evidence.length > 10 && f.summary.length > 10, f.id);
    }
    assert.match(result.notice, /not a diagnosis/);
  });

  test('a planted single-run spike comes first, with the runner numbers and a ceiling', () => {
    const result = explain(
      history((date, back, r) => (back === 0 ? makeRun(date, 999, { distanceM: 26_000 }) : r)),
    );
    assertFirst(result, 'session_spike');
    const spike = result.factors[0]!;
    assert.equal(spike.strength, 'strong');
    assert.match(spike.summary, /Sunday 2025-06-15's 26\.0 km was 117 % longer than your longest run/);
    assert.match(spike.advice, /Keep runs under 13\.2 km for the next two weeks/);
    assert.equal(spike.numbers.longestPrev30dM, 12_000);
  });

  test('a planted descent jump comes first', () => {
    const result = explain(history((_date, back, r) => (back <= 13 ? { ...r, descentM: 260 } : r)));
    assertFirst(result, 'descent_increase');
    assert.match(result.factors[0]!.summary, /m per km against your usual 7 m per km/);
  });

  test('a planted worn shoe comes first and says to check it', () => {
    const worn: CauseShoe = { id: 'shoe-a', name: 'Old faithful', startDistanceM: 450_000 };
    const result = explain(history(), [worn]);
    assertFirst(result, 'shoe_mileage');
    const f = result.factors[0]!;
    assert.equal(f.strength, 'moderate');
    assert.match(f.advice, /Your shoes have 8\d\d\.\d km: check them/);
    assert.ok((f.numbers.distanceAtOnsetM as number) >= 800_000);
  });

  test('a change of shoes before the onset is found: 7 of 9 runs in a pair first worn 17 days earlier', () => {
    const fresh: CauseShoe = { id: 'shoe-b', name: 'New racer', startDistanceM: 0 };
    let inWindow = 0;
    const runs = history((_date, back, r) => {
      if (back > 13) return r;
      inWindow += 1;
      // The two earliest runs of the window stay in the old pair; the rest are in the new one.
      return inWindow <= 2 ? r : { ...r, shoeId: 'shoe-b' };
    });
    // First worn on a Thursday 17 days before the onset, and once more on the Saturday before it.
    runs.push(makeRun(addDays(ONSET, -17), 3000, { shoeId: 'shoe-b', distanceM: 6_000 }));
    runs.push(makeRun(addDays(ONSET, -1), 3001, { shoeId: 'shoe-b', distanceM: 6_000 }));
    const result = explain(runs, [SHOE_A, fresh]);
    const f = result.factors.find((x) => x.id === 'new_shoes')!;
    assert.notEqual(f.strength, 'none', f.summary);
    assert.doesNotMatch(f.summary, /same shoes/);
    assert.match(f.summary, /You started running in "New racer" on 2025-05-29, 17 days before the onset/);
    assert.match(f.summary, /7 runs of 9/);
    assert.equal(f.numbers.recentRuns, 7);
    assert.equal(f.numbers.recentRunsTotal, 9);
    assert.equal(f.numbers.firstRunDate, '2025-05-29');
  });

  test('a switch back to a pair rarely worn in the eight weeks before counts as a change of shoes', () => {
    const spare: CauseShoe = { id: 'shoe-b', name: 'Old spare', startDistanceM: 300_000 };
    const runs = history((_date, back, r) => (back <= 13 ? { ...r, shoeId: 'shoe-b' } : r));
    // Worn once long ago: not a new pair, but a change from the usual one.
    runs.unshift(makeRun(addDays(ONSET, -200), 1, { shoeId: 'shoe-b' }));
    const f = explain(runs, [SHOE_A, spare]).factors.find((x) => x.id === 'new_shoes')!;
    assert.notEqual(f.strength, 'none', f.summary);
    assert.match(f.summary, /You switched to "Old spare": they carried 8 runs of 8, 100 % of your/);
  });

  test('the same pair before and during the window is not a change of shoes', () => {
    const f = explain(history()).factors.find((x) => x.id === 'new_shoes')!;
    assert.equal(f.strength, 'none');
    assert.match(f.summary, /same shoes as in the weeks before/);
  });

  test('a planted cadence drop comes first', () => {
    const result = explain(history((_date, back, r) => (back <= 13 ? { ...r, avgCadenceSpm: 155 } : r)));
    assertFirst(result, 'cadence_drop');
    assert.match(result.factors[0]!.summary, /155 steps\/min against 170 before \(9 % lower\)/);
  });

  test('a planted return after a five-week break comes first', () => {
    // Back with even 8 km runs: no run is longer than another, so the break itself is the change.
    const result = explain(
      history((_date, back, r) =>
        back > 10 && back <= 45 ? null : back <= 10 ? { ...r, distanceM: 8_000 } : r,
      ),
    );
    assertFirst(result, 'return_after_break');
    const f = result.factors[0]!;
    assert.equal(f.strength, 'strong');
    assert.equal(f.numbers.breakDays, 36); // Wednesday 46 days before to Friday 9 days before
    assert.match(f.advice, /about 4\.0 km/);

    // Only a 300 m recording before the break: no "usual run" of 0.3 km, and no "about 0.2 km" advice.
    const stub = explain(
      history((_date, back, r) =>
        back > 10 && back <= 45 ? null : back > 45 ? { ...r, distanceM: 300 } : { ...r, distanceM: 8_000 },
      ),
    ).factors.find((x) => x.id === 'return_after_break')!;
    assert.equal(stub.numbers.usualRunBeforeM, null);
    assert.doesNotMatch(stub.summary, /usual run was/);
    assert.match(stub.advice, /^Rebuild from short, easy runs, or run-walk/);
  });

  test('planted fast weekly growth without a single-run spike ranks weekly_progression first', () => {
    // Five extra 8 km runs a week in the last two weeks: no run is longer than 12 km.
    const extra: CauseRun[] = [];
    for (let back = 13; back >= 0; back -= 1) {
      const date = addDays(ONSET, -back);
      const dow = (((dayNumber(date) + 4) % 7) + 7) % 7;
      if (!STEADY_DAYS.includes(dow)) extra.push(makeRun(date, 2000 + back, { distanceM: 8_000 }));
    }
    const result = explain([...history(), ...extra]);
    assertFirst(result, 'weekly_progression');
  });

  test('strongest first: scores never rise down the list', () => {
    const result = explain(
      history((date, back, r) => (back === 0 ? makeRun(date, 999, { distanceM: 26_000, descentM: 400 }) : r)),
    );
    for (let i = 1; i < result.factors.length; i += 1) {
      assert.ok(result.factors[i - 1]!.score >= result.factors[i]!.score);
    }
  });

  test('miles: the same spike is written in the runner units', () => {
    const runs = history((date, back, r) => (back === 0 ? makeRun(date, 999, { distanceM: 26_000 }) : r));
    const result = explainOnset({ onset: ONSET, activities: runs, shoes: [SHOE_A], units: 'mi' });
    assert.match(result.factors[0]!.summary, /16\.2 mi was 117 % longer/);
  });
});
