import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROGRAMME_IDS } from './exercise.ts';
import { findExercise } from './exercise-library.ts';
import {
  describePhase,
  nextPhaseIndex,
  nominalPhaseIndex,
  phaseAfterSessions,
  programmeWeeks,
} from './programme.ts';
import { parseAssessmentSummary, pickProgramme } from './programme-picker.ts';
import { getProgramme } from './programmes.catalog.ts';

test('every programme runs 6-12 weeks at 2-3 sessions a week with real exercises and a source', () => {
  for (const id of PROGRAMME_IDS) {
    const p = getProgramme(id);
    assert.ok(programmeWeeks(p) >= 6 && programmeWeeks(p) <= 12, `${id}: ${programmeWeeks(p)} weeks`);
    assert.ok(p.source.length > 10);
    for (const phase of p.phases) {
      assert.ok(phase.sessionsPerWeek >= 2 && phase.sessionsPerWeek <= 3);
      for (const item of phase.items) assert.ok(findExercise(item.exerciseId), `${id}: ${item.exerciseId}`);
      assert.equal(describePhase(phase).length, phase.items.length);
    }
  }
});

test('the tendon programme climbs isometric -> heavy slow -> plyometric', () => {
  const p = getProgramme('patellar_tendinopathy');
  const stages = p.phases.map((ph) => new Set(ph.items.map((i) => findExercise(i.exerciseId)!.stage)));
  assert.ok(stages[0]!.has('isometric') && !stages[0]!.has('plyometric'));
  assert.ok(stages[1]!.has('heavy-slow'));
  assert.ok(stages[2]!.has('plyometric'));
});

test('phases progress on green, repeat on amber, step back on red', () => {
  const p = getProgramme('pfps'); // 2 + 4 + 4 weeks
  assert.deepEqual(
    [0, 1, 2, 5, 6, 9, 20].map((w) => nominalPhaseIndex(p, w)),
    [0, 0, 1, 1, 2, 2, 2],
  );
  assert.equal(nextPhaseIndex(p, 0, 2, 'green'), 1);
  assert.equal(nextPhaseIndex(p, 0, 1, 'green'), 0, 'phase not finished yet');
  assert.equal(nextPhaseIndex(p, 1, 4, 'amber'), 1);
  assert.equal(nextPhaseIndex(p, 1, 1, 'red'), 0);
  assert.equal(nextPhaseIndex(p, 0, 1, 'red'), 0);
  assert.equal(phaseAfterSessions(p, 0), 0);
  assert.equal(phaseAfterSessions(p, 6), 1, 'two weeks of three sessions done');
  assert.equal(phaseAfterSessions(p, 999), 2);
});

test('the programme comes from the latest assessment’s top supported condition', () => {
  const summary = parseAssessmentSummary(
    JSON.stringify({
      urgency: 'self-care',
      conditions: [{ id: 'medial_meniscus_tear' }, { id: 'itbs' }, { id: 'pfps' }],
    }),
  );
  const choice = pickProgramme(summary);
  assert.equal(choice.programmeId, 'itbs');
  assert.match(choice.reason, /number 2/);
  assert.equal(choice.warning, null);
  assert.equal(pickProgramme(null).programmeId, 'prevention');
  assert.equal(
    pickProgramme(parseAssessmentSummary('{"conditions":[{"id":"bakers_cyst"}]}')).programmeId,
    'prevention',
  );
  assert.equal(parseAssessmentSummary('not json'), null);
  assert.match(
    pickProgramme({ urgency: 'urgent', conditions: [{ id: 'pfps' }] }).warning ?? '',
    /get your knee seen today: do that before following this plan/,
  );
  const emergency = pickProgramme({ urgency: 'emergency', conditions: [{ id: 'pfps' }] }).warning ?? '';
  assert.match(emergency, /emergency department now/);
  assert.doesNotMatch(emergency, /promptly|today/, 'an emergency is not played down');
});

test('an urgent knee check with a danger first puts condition programmes on hold', () => {
  const json = JSON.stringify({
    urgency: 'emergency',
    conditions: [{ id: 'pfps', likelihood: 0.4 }],
    differential: [
      { id: 'septic_arthritis', kind: 'must-not-miss' },
      { id: 'pfps', kind: 'likely' },
    ],
  });
  const choice = pickProgramme(parseAssessmentSummary(json));
  assert.equal(choice.programmeId, 'prevention');
  assert.match(choice.reason, /rule out first/);
  assert.ok(choice.warning !== null);
  const soon = pickProgramme(parseAssessmentSummary(json.replace('emergency', 'soon')));
  assert.equal(soon.programmeId, 'pfps', 'a "soon" result keeps its programme, with the warning');
});
