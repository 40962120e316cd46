import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideReturnToRun, levelDistanceM, READINESS_TESTS, WALK_RUN_LEVELS } from './return-to-run.ts';

const run = (localDate: string) => ({ localDate });
const pain = (localDate: string, painDuring: number, painNextMorning = 0) => ({
  localDate,
  painDuring,
  painAfter: null,
  painNextMorning,
});

test('every walk-run level lasts 30 minutes and covers a little more ground than the one before', () => {
  for (const l of WALK_RUN_LEVELS) assert.equal(l.repeats * (l.walkMin + l.runMin), 30, `level ${l.level}`);
  for (const speed of [110, 150, 200, 250]) {
    for (let level = 2; level <= WALK_RUN_LEVELS.length; level += 1) {
      const ratio = levelDistanceM(level, speed) / levelDistanceM(level - 1, speed);
      assert.ok(ratio >= 1, `speed ${speed}, level ${level}: ${ratio}`);
      // At an easy 150 m/min or slower the ladder itself keeps within the 10 % ceiling.
      if (speed <= 150) assert.ok(ratio <= 1.1, `speed ${speed}, level ${level}: ${ratio}`);
    }
  }
});

test('readiness tests each have a pass criterion and a source', () => {
  assert.ok(READINESS_TESTS.length >= 4);
  for (const t of READINESS_TESTS) assert.ok(t.pass.length > 10 && t.source.length > 10, t.id);
});

test('two green sessions move up a level; amber holds; red steps back', () => {
  assert.equal(decideReturnToRun([], []).action, 'start');
  assert.deepEqual(
    [
      decideReturnToRun([run('2026-01-01'), run('2026-01-03')], []).level,
      decideReturnToRun([run('2026-01-01'), run('2026-01-03')], []).action,
    ],
    [2, 'progress'],
  );
  const held = decideReturnToRun([run('2026-01-01'), run('2026-01-03')], [pain('2026-01-03', 5)]);
  assert.deepEqual([held.level, held.action], [1, 'hold']);
  const back = decideReturnToRun(
    [run('2026-01-01'), run('2026-01-03'), run('2026-01-05'), run('2026-01-07'), run('2026-01-09')],
    [pain('2026-01-09', 7, 4)],
  );
  assert.deepEqual([back.level, back.action], [2, 'step-back']);
  assert.match(back.reason, /2026-01-09/);
});

test('two green runs at the top level graduate', () => {
  const dates = Array.from({ length: 12 }, (_, i) => run(`2026-02-${String(i * 2 + 1).padStart(2, '0')}`));
  assert.equal(decideReturnToRun(dates, []).action, 'graduate');
});
