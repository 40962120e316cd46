import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDose, doseDurationS, PROGRAMME_IDS } from './exercise.ts';
import { EXERCISES, exercise, exercisesFor, findExercise } from './exercise-library.ts';

test('the library holds at least 40 exercises with unique ids', () => {
  assert.ok(EXERCISES.length >= 40, `only ${EXERCISES.length}`);
  assert.equal(new Set(EXERCISES.map((e) => e.id)).size, EXERCISES.length);
});

test('it covers warm-up drills, static stretches and every rung of the loading ladder', () => {
  const count = (p: (e: (typeof EXERCISES)[number]) => boolean) => EXERCISES.filter(p).length;
  assert.ok(count((e) => e.category === 'warmup') >= 8);
  assert.ok(count((e) => e.category === 'stretch') >= 8);
  for (const stage of ['isometric', 'heavy-slow', 'plyometric'] as const) {
    assert.ok(count((e) => e.stage === stage) >= 4, stage);
  }
});

test('every exercise is complete: how-to, dose, progress, regress, targets, conditions, source', () => {
  for (const e of EXERCISES) {
    assert.ok(e.howTo.length > 0 && e.howTo.every((s) => s.length > 10), e.id);
    assert.ok(e.progress.length > 5 && e.regress.length > 5, e.id);
    assert.ok(e.targets.length > 0 && e.conditions.length > 0 && e.source.length > 10, e.id);
    assert.ok(e.dose.sets >= 1 && e.dose.restS >= 0, e.id);
    assert.ok(e.dose.reps !== null || e.dose.holdS !== null, `${e.id} has neither reps nor a hold`);
  }
});

test('progress/regress links point at real exercises', () => {
  for (const e of EXERCISES) {
    for (const link of [e.progressTo, e.regressTo]) {
      if (link !== null) assert.ok(findExercise(link), `${e.id} -> ${link}`);
    }
  }
});

test('static stretches are held 15-30 s and isometrics follow the 5 × 30-45 s tendon dosing', () => {
  for (const e of EXERCISES.filter((x) => x.category === 'stretch')) {
    assert.ok(e.dose.holdS !== null && e.dose.holdS >= 15 && e.dose.holdS <= 30, e.id);
  }
  const wallSit = exercise('wall-sit');
  assert.deepEqual([wallSit.dose.sets, wallSit.dose.holdS], [5, 45]);
  assert.match(wallSit.source, /Rio/);
});

test('heavy-slow work is 3-4 sets of 8-15 repetitions', () => {
  for (const e of EXERCISES.filter((x) => x.stage === 'heavy-slow' && x.dose.reps !== null)) {
    assert.ok(e.dose.sets >= 3 && e.dose.sets <= 4, e.id);
    assert.ok(e.dose.reps! >= 8 && e.dose.reps! <= 15, e.id);
  }
});

test('each programme has hold, strength and (except OA) plyometric exercises', () => {
  for (const id of PROGRAMME_IDS) {
    const list = exercisesFor(id);
    assert.ok(
      list.some((e) => e.stage === 'heavy-slow'),
      id,
    );
    if (id !== 'knee_oa' && id !== 'pes_anserine_bursitis')
      assert.ok(
        list.some((e) => e.stage === 'plyometric'),
        id,
      );
  }
});

test('doses describe and time themselves', () => {
  assert.equal(describeDose(exercise('wall-sit').dose), '5 × 45 s, rest 60 s');
  assert.equal(describeDose(exercise('split-squat').dose), '3 × 10 each side, rest 90 s');
  // 5 holds of 45 s and 4 rests of 60 s
  assert.equal(doseDurationS(exercise('wall-sit').dose), 5 * 45 + 4 * 60);
  // 2 sets × 30 s × 2 sides + 1 rest of 10 s
  assert.equal(doseDurationS(exercise('quad-stretch').dose), 130);
});
