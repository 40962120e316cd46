import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleUrgency } from '../assessment/assess.engine.ts';
import { adviceTopic } from './advice.catalog.ts';
import { HELP_SIGNS, TIER_ACTION } from './help-signs.ts';

const points = () => adviceTopic('when-to-get-help')!.points;

/** The signs a point's words list: after its tier's action, "if a; or b; or c." */
function signsIn(text: string): string[] {
  const at = text.indexOf(', if ');
  return text
    .slice(at + ', if '.length, -1)
    .split('; or ')
    .map((s) => s.trim());
}

test('each sign in "when to get help" sits under the tier the knee check gives the same answers', () => {
  for (const sign of HELP_SIGNS) {
    const expected = ruleUrgency(sign.answers);
    const holding = points().filter((p) => signsIn(p.text).includes(sign.text));
    assert.equal(holding.length, 1, `${sign.id}: listed once`);
    const point = holding[0]!;
    assert.equal(point.tier, expected, `${sign.id}: advice says ${point.tier}, the knee check ${expected}`);
    assert.ok(point.text.startsWith(TIER_ACTION[expected]), `${sign.id}: the words name the same tier`);
  }
});

test('a hot, red knee with a fever is an emergency in the advice, as in the knee check', () => {
  const sign = HELP_SIGNS.find((s) => s.id === 'hot-red-fever')!;
  assert.deepEqual(sign.answers, { age: 40, kneeWarm: true, kneeRed: true, fever: true });
  const point = points().find((p) => signsIn(p.text).includes(sign.text))!;
  assert.equal(point.tier, 'emergency');
  assert.match(point.text, /^Emergency: go to an emergency department now/);
});

test('every sign needs a clinician (none is self-care), most pressing tier first, each tier once', () => {
  const tiers = points().map((p) => p.tier);
  for (const sign of HELP_SIGNS) assert.notEqual(ruleUrgency(sign.answers), 'self-care', sign.id);
  assert.deepEqual(
    tiers,
    ['emergency', 'urgent', 'soon'].filter((t) => tiers.includes(t as never)),
  );
  assert.ok(tiers.length >= 3, 'emergency, urgent and soon signs are all listed');
  const listed = points().flatMap((p) => signsIn(p.text));
  assert.deepEqual(
    [...listed].sort(),
    HELP_SIGNS.map((s) => s.text).sort(),
    'every sign listed, nothing else',
  );
});
