import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROGRAMME_IDS } from './exercise.ts';
import { findExercise } from './exercise-library.ts';
import { cooldownRoutine, findRoutine, routineDurationS, warmupRoutine } from './routine.ts';
import {
  advance,
  currentStep,
  formatCountdown,
  nextStep,
  quit,
  skip,
  startSession,
  togglePause,
} from './routine-session.ts';

test('the warm-up lasts 5-10 minutes of dynamic drills', () => {
  const r = warmupRoutine();
  const s = routineDurationS(r);
  assert.ok(s >= 300 && s <= 600, `${s} s`);
  assert.ok(
    r.steps.filter((x) => x.exerciseId).every((x) => findExercise(x.exerciseId!)!.category === 'warmup'),
  );
});

test('the cool-down holds each stretch still for 15-30 s', () => {
  const r = cooldownRoutine();
  const holds = r.steps.filter((x) => x.exerciseId && findExercise(x.exerciseId)!.category === 'stretch');
  assert.ok(holds.length >= 10, 'both sides of at least five stretches');
  assert.ok(holds.every((x) => x.durationS >= 15 && x.durationS <= 30));
  assert.match(r.intro, /no bouncing/);
});

test('every programme has a playable routine; unknown names are undefined', () => {
  for (const id of PROGRAMME_IDS) assert.ok((findRoutine(id)?.steps.length ?? 0) > 3, id);
  assert.match(findRoutine('patellar_tendinopathy', 1)!.name, /Heavy slow/);
  assert.equal(findRoutine('yoga'), undefined);
});

test('the session counts down, crosses steps, pauses, skips and quits', () => {
  const r = warmupRoutine();
  let s = startSession(r);
  assert.equal(currentStep(r, s)!.exerciseId, 'easy-jog');
  assert.equal(nextStep(r, s)!.label, 'Get ready');
  s = advance(r, s, 179_000);
  assert.equal(formatCountdown(s.remainingMs), '0:01');
  s = advance(r, s, 1_000 + 2_000); // finishes the jog, 2 s into "Get ready"
  assert.equal(s.index, 1);
  assert.equal(s.remainingMs, 3_000);
  s = togglePause(s);
  assert.equal(advance(r, s, 60_000), s, 'paused time does not count');
  s = togglePause(s);
  s = skip(r, s);
  assert.equal(currentStep(r, s)!.exerciseId, 'leg-swing-forward');
  assert.equal(s.skipped, 1);
  s = advance(r, s, 10_000_000);
  assert.ok(s.finished && !s.quit);
  assert.equal(currentStep(r, s), null);
  assert.ok(quit(startSession(r)).quit);
  assert.equal(formatCountdown(65_001), '1:06');
});
