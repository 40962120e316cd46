import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';
import { CORE, nextQuestion, SCREEN, simulateQuestionnaire, TOTAL_QUESTIONS } from './questionnaire.ts';

const SCREEN_KEYS = SCREEN.filter((s) => s.when === undefined).map((s) => s.key);

/** A runner with classic ITB syndrome, every question answerable. */
const ITBS: Answers = {
  age: 32,
  sex: 'male',
  trauma: false,
  canBearWeight: true,
  kneeWarm: false,
  kneeRed: false,
  fever: false,
  calfPain: false,
  calfSwelling: false,
  lockedNow: false,
  nightPain: false,
  painAtRest: false,
  painLocation: 'lateral',
  swelling: 'none',
  durationDays: 14,
  improving: true,
  groinPain: false,
  numbness: false,
  onset: 'gradual',
  painStartsAfterKm: 5,
  downhillPain: true,
  stairsPain: false,
  squattingPain: false,
  sittingPain: false,
  side: 'right',
  focalBoneTenderness: false,
  painWalking: false,
  givingWay: false,
  boneSwelling: false,
  immunosuppressed: false,
  historyOfGout: false,
};

describe('nextQuestion', () => {
  it('starts with age and the red-flag screen, then asks where it hurts', () => {
    const { asked } = simulateQuestionnaire(ITBS);
    assert.deepEqual(asked.slice(0, SCREEN_KEYS.length), SCREEN_KEYS);
    assert.equal(asked[SCREEN_KEYS.length], 'painLocation');
    assert.ok(
      SCREEN_KEYS.includes('kneeWarm') && SCREEN_KEYS.includes('kneeRed'),
      'warmth and redness apart',
    );
    assert.ok(SCREEN_KEYS.includes('calfSwelling'));
  });

  it('asks the Ottawa items after an injury, and not without one', () => {
    const injured = simulateQuestionnaire({ ...ITBS, trauma: true, canBearWeight: false }).asked;
    for (const k of [
      'canFlex90',
      'fibularHeadTenderness',
      'isolatedPatellarTenderness',
      'canWalk4StepsNow',
    ] as AnswerKey[]) {
      assert.ok(injured.includes(k), k);
      assert.ok(injured.indexOf(k) < injured.indexOf('painLocation'), `${k} before location`);
    }
    assert.ok(!simulateQuestionnaire(ITBS).asked.includes('canFlex90'));
  });

  it('follows a red flag with its follow-up questions', () => {
    const asked = simulateQuestionnaire({ ...ITBS, calfSwelling: true }).asked;
    assert.ok(asked.includes('breathless') && asked.includes('chestPain'));
  });

  it('stops early: far fewer questions than the whole list, same answer', () => {
    const sim = simulateQuestionnaire(ITBS);
    assert.ok(sim.asked.length < TOTAL_QUESTIONS / 2, `${sim.asked.length} of ${TOTAL_QUESTIONS}`);
    assert.equal(sim.assessment.conditions[0]?.id, 'itbs');
    assert.equal(sim.assessment.urgency, 'self-care');
  });

  it('picks an informative question after the fixed steps', () => {
    const fixed = new Set<AnswerKey>([...SCREEN_KEYS, 'painLocation', ...CORE.map((c) => c.key)]);
    const partial = Object.fromEntries(Object.entries(ITBS).filter(([k]) => fixed.has(k as AnswerKey)));
    const q = nextQuestion({ ...partial, painLocation: ['anterior', 'lateral'] });
    assert.ok(q !== null);
    assert.ok(!fixed.has(q.key), q.key);
  });

  it('does not ask again a question answered "don\'t know"', () => {
    const first = nextQuestion({});
    assert.equal(first?.key, 'age');
    assert.equal(nextQuestion({ age: 40 })?.key, 'trauma');
    assert.equal(nextQuestion({ age: 40 }, ['trauma'])?.key, 'canBearWeight');
  });

  it('gives every question text and, for choices, options', () => {
    const { painLocation: _p, ...noLocation } = ITBS;
    const q = nextQuestion(noLocation);
    assert.equal(q?.key, 'painLocation');
    assert.equal(q?.kind, 'multi');
    assert.equal(q?.options?.length, 6);
  });
});
