import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnswers } from '../domain/assessment/answers.schema.ts';
import { assessKnee } from '../domain/assessment/assess.engine.ts';
import { assessmentSummary } from './assessment.summary.ts';

const HOT_KNEE = {
  age: 58,
  sex: 'female',
  redHotJoint: true,
  kneeWarm: true,
  kneeRed: true,
  fever: true,
  temperatureC: 38.6,
  swelling: 'severe',
  painAtRest: true,
  trauma: false,
  canBearWeight: true,
};

test('an emergency speaks only with the reasons that set it, never "needs checking today"', () => {
  const answers = parseAnswers(HOT_KNEE);
  const result = assessKnee(answers);
  assert.equal(result.urgency, 'emergency');
  assert.ok(
    result.urgencyReasons.some((r) => /checking today/.test(r)),
    'the engine also lists the lower-tier rules it matched',
  );
  const summary = assessmentSummary({
    createdAt: '2026-12-07T09:00:00.000Z',
    answers: answers as Record<string, unknown>,
    result: result as unknown as Record<string, unknown>,
  });
  assert.ok(summary.urgencyReasons.length > 0);
  for (const reason of summary.urgencyReasons) assert.doesNotMatch(reason, /checking today/i);
  assert.ok(
    summary.urgencyReasons.some((r) => /emergency department/.test(r)),
    summary.urgencyReasons.join(' | '),
  );
});

test('a check saved before the urgency drivers existed keeps all its reasons', () => {
  const summary = assessmentSummary({
    createdAt: '2025-01-01T09:00:00.000Z',
    answers: {},
    result: {
      urgency: 'urgent',
      urgencyReasons: ['A kneecap that slipped out of place should be seen today.'],
    },
  });
  assert.deepEqual(summary.urgencyReasons, ['A kneecap that slipped out of place should be seen today.']);
});
