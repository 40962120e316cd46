import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answers } from './answers.schema.ts';
import { ottawaKneeRule } from './ottawa.rule.ts';

/** An injured 30-year-old with every Ottawa item negative. */
const NEGATIVE: Answers = {
  age: 30,
  trauma: true,
  isolatedPatellarTenderness: false,
  fibularHeadTenderness: false,
  canFlex90: true,
  couldWalk4StepsImmediately: true,
  canWalk4StepsNow: true,
};

describe('Ottawa knee rule', () => {
  it('is negative when every item is negative', () => {
    const r = ottawaKneeRule(NEGATIVE);
    assert.deepEqual(r, { applies: true, positive: false, criteriaMet: [], criteriaUnknown: [], keys: [] });
  });

  const single: [string, Partial<Answers>, string][] = [
    ['age 55', { age: 55 }, 'age 55 or over'],
    ['fibular head', { fibularHeadTenderness: true }, 'tenderness at the head of the fibula'],
    ['patella', { isolatedPatellarTenderness: true }, 'isolated tenderness of the kneecap'],
    ['flexion', { canFlex90: false }, 'cannot bend the knee to 90°'],
    [
      'weight bearing',
      { couldWalk4StepsImmediately: false, canWalk4StepsNow: false },
      'could not take 4 steps right after the injury and cannot now',
    ],
  ];
  for (const [name, change, text] of single) {
    it(`is positive on ${name} alone`, () => {
      const r = ottawaKneeRule({ ...NEGATIVE, ...change });
      assert.equal(r.positive, true);
      assert.deepEqual(r.criteriaMet, [text]);
    });
  }

  it('age 54 is not a criterion', () => {
    assert.equal(ottawaKneeRule({ ...NEGATIVE, age: 54 }).positive, false);
  });

  it('needs inability to walk both immediately and now', () => {
    assert.equal(ottawaKneeRule({ ...NEGATIVE, couldWalk4StepsImmediately: false }).positive, false);
    assert.equal(ottawaKneeRule({ ...NEGATIVE, canWalk4StepsNow: false }).positive, false);
  });

  it('does not apply without trauma, even with positive items', () => {
    const r = ottawaKneeRule({
      ...NEGATIVE,
      trauma: false,
      age: 70,
      fibularHeadTenderness: true,
      canFlex90: false,
    });
    assert.deepEqual(r, { applies: false, positive: false, criteriaMet: [], criteriaUnknown: [], keys: [] });
    assert.equal(ottawaKneeRule({ age: 70 }).applies, false);
  });

  it('reports unanswered items as unknown, not as negative', () => {
    const r = ottawaKneeRule({ age: 30, trauma: true });
    assert.equal(r.positive, false);
    assert.equal(r.criteriaUnknown.length, 4);
  });
});
