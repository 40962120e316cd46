/**
 * One test per rule of the urgency decision table: an answer set on which it fires (with the tier it must
 * give through the whole engine) and the boundary case just outside it, on which it must stay silent.
 * A rule added without a row here fails the completeness test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answers } from './answers.schema.ts';
import { assessKnee } from './assess.engine.ts';
import { deriveFeatures } from './features.ts';
import { ottawaKneeRule } from './ottawa.rule.ts';
import { SOON_RULES } from './soon.rules.ts';
import { SOURCES } from './sources.catalog.ts';
import { EMERGENCY_RULES, URGENT_RULES } from './urgency.rules.ts';
import { type UrgencyRule, urgencyRank } from './urgency.types.ts';

type A = Partial<Answers> & { age: number };
const RULES: readonly UrgencyRule[] = [...EMERGENCY_RULES, ...URGENT_RULES, ...SOON_RULES];

/** rule id → [answers on which it fires, boundary answers on which it does not]. */
const TABLE: Record<string, [A, A]> = {
  'warm-or-red-knee-with-fever': [
    { age: 40, kneeWarm: true, temperatureC: 38 },
    { age: 40, kneeWarm: true, temperatureC: 37.9 },
  ],
  'badly-swollen-knee-with-fever': [
    { age: 55, fever: true, swelling: 'severe', trauma: false },
    { age: 55, fever: true, swelling: 'mild' },
  ],
  'swollen-cannot-stand-infection-risk': [
    { age: 58, swelling: 'mild', canBearWeight: false, trauma: false, recentJointProcedure: true },
    { age: 58, swelling: 'mild', canBearWeight: false, trauma: false, recentJointProcedure: false },
  ],
  'fever-with-infection-risk': [
    { age: 80, fever: true },
    { age: 79, fever: true },
  ],
  'older-fall-hip-or-thigh-pain': [
    { age: 60, trauma: true, onset: 'sudden', durationDays: 0, thighPain: true },
    { age: 59, trauma: true, onset: 'sudden', durationDays: 0, thighPain: true },
  ],
  'spreading-redness-with-infection-risk': [
    { age: 80, rednessSpreading: true },
    { age: 79, rednessSpreading: true },
  ],
  deformity: [
    { age: 30, trauma: true, deformity: true },
    { age: 30, trauma: true, deformity: false },
  ],
  'kneecap-out-today-shape-unknown': [
    { age: 32, trauma: true, onset: 'sudden', durationDays: 0, patellaDisplaced: true },
    { age: 32, trauma: true, onset: 'sudden', durationDays: 0, patellaDisplaced: true, canBearWeight: true },
  ],
  'cold-numb-foot-after-injury': [
    { age: 30, trauma: true, footColdOrNumb: true },
    { age: 30, trauma: false, footColdOrNumb: true },
  ],
  'cold-foot-with-calf-pain': [
    { age: 56, footColdOrNumb: true, calfPain: true },
    { age: 56, footColdOrNumb: true, calfPain: false, calfSwelling: false },
  ],
  'sudden-buckling-straight-leg-unknown': [
    { age: 61, onset: 'sudden', givingWay: true },
    { age: 61, onset: 'sudden', givingWay: true, canStraightLegRaise: true },
  ],
  'extensor-mechanism': [
    { age: 60, trauma: true, canStraightLegRaise: false },
    { age: 60, trauma: false, onset: 'gradual', canStraightLegRaise: false },
  ],
  'clot-with-chest-symptoms': [
    { age: 40, calfPain: true, breathless: true },
    { age: 40, calfPain: false, breathless: true },
  ],
  'injury-cannot-bear-weight-xray-rule': [
    { age: 56, trauma: true, canBearWeight: false, durationDays: 1 },
    { age: 56, trauma: true, canBearWeight: true, durationDays: 1 },
  ],
  'sudden-pain-no-injury-joint-unknown': [
    { age: 45, trauma: false, onset: 'sudden', durationDays: 0.5 },
    { age: 45, trauma: false, onset: 'sudden', durationDays: 0.5, swelling: 'none', kneeWarm: false },
  ],
  'fresh-injury-cannot-stand': [
    { age: 26, trauma: true, onset: 'sudden', durationDays: 1, canBearWeight: false },
    {
      age: 26,
      trauma: true,
      onset: 'sudden',
      durationDays: 1,
      canBearWeight: false,
      couldWalk4StepsImmediately: true,
    },
  ],
  'unstable-slipped-hip': [
    { age: 13, canBearWeight: false, footTurnsOut: true },
    { age: 17, canBearWeight: false, footTurnsOut: true },
  ],
  'fever-and-cannot-stand': [
    { age: 7, fever: true, limp: true },
    { age: 17, fever: true, limp: true },
  ],
  'numb-leg-after-injury': [
    { age: 43, trauma: true, numbness: true, durationDays: 0 },
    { age: 43, trauma: true, numbness: true, durationDays: 30 },
  ],
  'both-knees-injured-cannot-walk': [
    { age: 24, trauma: true, side: 'both', canBearWeight: false },
    { age: 24, trauma: true, side: 'both', canBearWeight: true },
  ],
  'injury-cannot-stand-badly-swollen': [
    { age: 49, trauma: true, canBearWeight: false, swelling: 'severe', durationDays: 0 },
    { age: 49, trauma: true, canBearWeight: false, swelling: 'mild', durationDays: 0 },
  ],
  'ottawa-positive': [
    { age: 55, trauma: true, durationDays: 14 },
    { age: 55, trauma: true, durationDays: 15 },
  ],
  'pittsburgh-age': [
    { age: 51, trauma: true, durationDays: 2 },
    { age: 50, trauma: true, durationDays: 2 },
  ],
  'warm-or-red-knee': [
    { age: 40, kneeWarm: true },
    { age: 40, kneeRed: true, swelling: 'none' },
  ],
  fever: [
    { age: 40, fever: true },
    { age: 40, fever: false, temperatureC: 37.9 },
  ],
  'new-swelling-without-injury': [
    { age: 41, trauma: false, swelling: 'mild', durationDays: 14 },
    { age: 41, trauma: false, swelling: 'mild', durationDays: 15 },
  ],
  'several-joints-inflamed': [
    { age: 50, otherJointsPainful: true, swelling: 'mild', durationDays: 60 },
    { age: 50, otherJointsPainful: true, swelling: 'none', durationDays: 60 },
  ],
  'swelling-with-infection-risk': [
    { age: 60, immunosuppressed: true, swelling: 'mild', onset: 'gradual' },
    { age: 60, immunosuppressed: true, swelling: 'none' },
  ],
  'new-pain-with-infection-risk': [
    { age: 66, immunosuppressed: true, trauma: false, durationDays: 7 },
    { age: 66, immunosuppressed: true, trauma: false, durationDays: 8 },
  ],
  'swelling-with-active-cancer': [
    { age: 50, activeCancer: true, swellingLocation: 'below-kneecap' },
    { age: 50, activeCancer: true, swelling: 'none' },
  ],
  'bursa-worsening-infection-unknown': [
    { age: 45, swellingLocation: 'on-kneecap', improving: false },
    { age: 45, swellingLocation: 'on-kneecap', improving: false, kneeWarm: false },
  ],
  'swelling-after-surgery-or-bed-rest': [
    { age: 75, recentSurgeryOrImmobile: true, swelling: 'mild', trauma: false },
    { age: 75, recentSurgeryOrImmobile: true, swelling: 'none', trauma: false },
  ],
  'spreading-redness': [
    { age: 38, rednessSpreading: true },
    { age: 38, rednessSpreading: false },
  ],
  'suspected-clot': [
    { age: 30, calfSwelling: true },
    { age: 30, calfSwelling: false, calfPain: false },
  ],
  'new-lump-behind-knee': [
    { age: 60, lumpBehindKnee: true, durationDays: 7 },
    { age: 60, lumpBehindKnee: true, onset: 'gradual', durationDays: 60 },
  ],
  'back-of-knee-pain-with-clot-risk': [
    { age: 55, painLocation: 'posterior', recentSurgeryOrImmobile: true },
    { age: 55, painLocation: 'lateral', recentSurgeryOrImmobile: true },
  ],
  breathless: [
    { age: 30, breathless: true },
    { age: 30, breathless: false },
  ],
  'blood-in-the-joint': [
    { age: 25, trauma: true, swelling: 'mild', swellingOnsetHours: 3 },
    { age: 25, trauma: true, swelling: 'mild', swellingOnsetHours: 4 },
  ],
  'child-swollen-after-injury': [
    { age: 16, trauma: true, swelling: 'mild', durationDays: 0 },
    { age: 17, trauma: true, swelling: 'mild', durationDays: 0 },
  ],
  'fresh-injury-walking-unknown': [
    { age: 42, trauma: true, onset: 'sudden', durationDays: 2 },
    { age: 42, trauma: true, onset: 'sudden', durationDays: 2, canBearWeight: true },
  ],
  'pop-at-injury': [
    { age: 25, trauma: true, popHeard: true, durationDays: 14 },
    { age: 25, trauma: true, popHeard: true, durationDays: 15 },
  ],
  'locked-now': [
    { age: 30, lockedNow: true },
    { age: 30, lockedNow: false },
  ],
  'cannot-straighten-after-injury': [
    { age: 30, trauma: true, canFullyStraighten: false, durationDays: 3 },
    { age: 30, trauma: true, canFullyStraighten: false, durationDays: 30 },
  ],
  'calf-pain-not-a-clot': [
    { age: 27, calfPain: true, onset: 'gradual', side: 'both' },
    { age: 27, calfPain: true, onset: 'sudden', side: 'both' },
  ],
  'pop-without-injury': [
    { age: 49, popHeard: true, trauma: false, onset: 'sudden' },
    { age: 49, popHeard: true, trauma: false, onset: 'sudden', durationDays: 15 },
  ],
  'kneecap-dislocated': [
    { age: 16, patellaDisplaced: true },
    { age: 16, patellaDisplaced: false },
  ],
  'cannot-bear-weight': [
    { age: 30, canBearWeight: false },
    { age: 30, canBearWeight: true },
  ],
  'injury-today-fracture-not-cleared': [
    { age: 30, trauma: true, onset: 'sudden', durationDays: 0, canBearWeight: true },
    {
      age: 30,
      trauma: true,
      onset: 'sudden',
      durationDays: 0,
      canBearWeight: true,
      fibularHeadTenderness: false,
      isolatedPatellarTenderness: false,
      canFlex90: true,
    },
  ],
  'unstable-after-injury': [
    { age: 30, trauma: true, givingWay: true, durationDays: 2 },
    { age: 30, trauma: true, givingWay: true, durationDays: 90 },
  ],
  'both-knees-injured': [
    { age: 40, trauma: true, side: 'both', durationDays: 1 },
    { age: 40, trauma: true, side: 'left', durationDays: 1 },
  ],
  'child-hip-signs': [
    { age: 9, limp: true },
    { age: 8, limp: true },
  ],
  'child-kneecap-injury': [
    { age: 12, onset: 'sudden', swellingLocation: 'on-kneecap', swelling: 'mild' },
    { age: 18, onset: 'sudden', swellingLocation: 'on-kneecap', swelling: 'mild' },
  ],
  'hip-bone-stress': [
    { age: 25, groinPain: true, hopPain: true },
    { age: 25, groinPain: true, hopPain: false },
  ],
  'progressive-weakness': [
    { age: 50, progressiveWeakness: true },
    { age: 50, progressiveWeakness: false },
  ],
  'no-straight-leg-raise': [
    { age: 50, canStraightLegRaise: false },
    { age: 50, canStraightLegRaise: true },
  ],
  'cold-numb-foot': [
    { age: 50, footColdOrNumb: true },
    { age: 50, footColdOrNumb: false },
  ],
  'badly-swollen': [
    { age: 50, swelling: 'severe' },
    { age: 50, swelling: 'mild', onset: 'gradual' },
  ],
  'bone-stress-signs': [
    { age: 25, focalBoneTenderness: true },
    { age: 25, trauma: true, focalBoneTenderness: true },
  ],
  'joint-swelling-without-injury': [
    { age: 30, swelling: 'mild', trauma: false },
    { age: 30, swelling: 'mild', trauma: false, knownKneeOA: true },
  ],
  'possible-bone-tumour': [
    { age: 24, trauma: false, durationDays: 28 },
    { age: 25, trauma: false, durationDays: 28 },
  ],
  'night-or-rest-pain': [
    { age: 40, nightPain: true },
    { age: 40, nightPain: false, painAtRest: false },
  ],
  'young-joint-problem': [
    { age: 10, catching: true },
    { age: 21, catching: true },
  ],
  'mechanical-symptoms': [
    { age: 30, locking: true },
    { age: 30, catching: true, swelling: 'none' },
  ],
  'injury-needs-review': [
    { age: 30, trauma: true, jointLineTenderness: true },
    { age: 30, trauma: false, jointLineTenderness: true },
  ],
  'hip-or-spine': [
    { age: 60, backPain: true },
    { age: 60, backPain: false },
  ],
  'long-morning-stiffness': [
    { age: 40, morningStiffnessMin: 31 },
    { age: 40, morningStiffnessMin: 30 },
  ],
  'lump-behind-knee': [
    { age: 60, lumpBehindKnee: true, onset: 'gradual', durationDays: 60 },
    { age: 60, lumpBehindKnee: false },
  ],
  'not-improving': [
    { age: 30, improving: false, durationDays: 21 },
    { age: 30, improving: false, durationDays: 20 },
  ],
  'pain-with-infection-risk': [
    { age: 20, immunosuppressed: true },
    { age: 20, immunosuppressed: true, durationDays: 60 },
  ],
  'knee-pain-with-gout': [
    { age: 60, historyOfGout: true },
    { age: 60, historyOfGout: true, trauma: true },
  ],
  'lasting-three-months': [
    { age: 48, durationDays: 90 },
    { age: 48, durationDays: 90, painWalking: true },
  ],
};

const fires = (rule: UrgencyRule, a: A) => rule.test({ a, f: deriveFeatures(a), ottawa: ottawaKneeRule(a) });

describe('urgency decision table', () => {
  it('has a test row for every rule, and every rule names its inputs and a known source', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES) {
      assert.ok(r.keys.length > 0, `${r.id} names its inputs`);
      assert.ok(r.sources.length > 0 && r.sources.every((s) => s in SOURCES), `${r.id} cites a source`);
      assert.ok(r.reason.length > 20 && !/[a-z][A-Z]/.test(r.reason), `${r.id}: plain-language reason`);
    }
  });

  for (const rule of RULES) {
    const [yes, no] = TABLE[rule.id] ?? [{ age: 30 }, { age: 30 }];
    it(`${rule.id}: fires → at least ${rule.tier}; boundary → silent`, () => {
      assert.ok(fires(rule, yes), `fires on ${JSON.stringify(yes)}`);
      assert.ok(!fires(rule, no), `silent on ${JSON.stringify(no)}`);
      const result = assessKnee(yes as Answers);
      assert.ok(urgencyRank(result.urgency) >= urgencyRank(rule.tier), `${result.urgency} ≥ ${rule.tier}`);
      assert.ok(result.urgencyDrivers.some((d) => d.rule === rule.id));
      const ids = result.differential.map((d) => d.id as string);
      const raised =
        typeof rule.mustNotMiss === 'function'
          ? rule.mustNotMiss({ a: yes, f: deriveFeatures(yes), ottawa: ottawaKneeRule(yes) })
          : rule.mustNotMiss;
      for (const id of raised) assert.ok(ids.includes(id), `${id} is in the differential`);
    });
  }

  it('hip or thigh pain that grows with running is a possible hip stress fracture, the iliotibial band is not', () => {
    const rule = RULES.find((r) => r.id === 'hip-bone-stress')!;
    assert.ok(fires(rule, { age: 52, thighPain: true, onset: 'gradual', improving: false }));
    assert.ok(fires(rule, { age: 18, thighPain: true, trauma: false, weeklyDistanceChangePct: 8 }));
    assert.ok(
      !fires(rule, { age: 52, thighPain: true, improving: false, backPain: true }),
      'the back explains it',
    );
    assert.ok(
      !fires(rule, { age: 23, thighPain: true, painLocation: 'lateral', weeklyDistanceChangePct: 40 }),
      'thigh pain beside outer-knee pain is the iliotibial band',
    );
    assert.ok(!fires(rule, { age: 52, thighPain: true, improving: true }));
    assert.ok(fires(rule, { age: 32, thighPain: true, painWalking: true, durationDays: 365 }), 'a year');
    assert.ok(
      !fires(rule, { age: 32, thighPain: true, painWalking: true, durationDays: 3650 }),
      'ten years of the same pain is not a bone about to break',
    );
  });

  it('a pop or giving way after an injury is same-day while unsettled, within days once improving', () => {
    for (const id of ['pop-at-injury', 'unstable-after-injury']) {
      const rule = RULES.find((r) => r.id === id)!;
      const a = { age: 28, trauma: true, onset: 'sudden' as const, popHeard: true, givingWay: true };
      assert.ok(fires(rule, a), id);
      assert.ok(!fires(rule, { ...a, improving: true }), `${id}: improving`);
    }
  });

  it('carried off after an injury today and not tried since is as good as not standing', () => {
    const rule = RULES.find((r) => r.id === 'fresh-injury-cannot-stand')!;
    assert.ok(
      fires(rule, {
        age: 17,
        trauma: true,
        onset: 'sudden',
        durationDays: 0,
        couldWalk4StepsImmediately: false,
      }),
    );
    assert.ok(
      !fires(rule, {
        age: 17,
        trauma: true,
        durationDays: 0,
        couldWalk4StepsImmediately: false,
        canWalk4StepsNow: true,
      }),
      'walks four steps now',
    );
    const twoDaysOn = {
      age: 17,
      trauma: true,
      durationDays: 2,
      couldWalk4StepsImmediately: false,
    } as Answers;
    assert.ok(!fires(rule, twoDaysOn));
    assert.equal(assessKnee(twoDaysOn).urgency, 'urgent', 'still same-day while walking now is unknown');
  });

  it('a young person whose pain has not recovered a month after a knock gets the bone X-ray (NG12)', () => {
    const rule = RULES.find((r) => r.id === 'possible-bone-tumour')!;
    assert.ok(fires(rule, { age: 17, trauma: true, durationDays: 28, improving: false }));
    assert.ok(
      !fires(rule, { age: 17, trauma: true, durationDays: 27, improving: false }),
      'the knock is recent',
    );
    assert.ok(!fires(rule, { age: 17, trauma: true, durationDays: 60 }), 'recovering or not said');
  });

  it('a swelling only behind the knee with lowered immunity is the cyst-or-clot question, not joint infection', () => {
    const rule = RULES.find((r) => r.id === 'swelling-with-infection-risk')!;
    const behind = { age: 74, immunosuppressed: true, swelling: 'mild' as const, lumpBehindKnee: true };
    assert.ok(!fires(rule, { ...behind, swellingLocation: 'behind-knee' }));
    assert.ok(fires(rule, { ...behind, swellingLocation: 'whole-joint' }));
  });

  it('cancer under treatment counts as lowered immunity for an infected joint (NG51)', () => {
    const rule = RULES.find((r) => r.id === 'fever-with-infection-risk')!;
    assert.ok(fires(rule, { age: 55, fever: true, activeCancer: true }));
    assert.ok(!fires(rule, { age: 55, fever: true, activeCancer: false }));
    assert.equal(assessKnee({ age: 55, fever: true, activeCancer: true } as Answers).urgency, 'emergency');
  });

  it('under an urgent or emergency tier the dangers lead the differential', () => {
    for (const a of [
      { age: 71, kneeWarm: true, fever: true, swelling: 'severe' as const },
      { age: 13, canBearWeight: false, footTurnsOut: true, trauma: true },
      { age: 63, trauma: true, gapAbovePatella: true, side: 'both' as const },
    ]) {
      const r = assessKnee(a as Answers);
      assert.ok(urgencyRank(r.urgency) >= urgencyRank('urgent'));
      assert.equal(r.differential[0]?.kind, 'must-not-miss');
      // Dangers only an unanswered question keeps open are listed after the likely ones, by design.
      const read = r.differential.filter((d) => !d.openQuestion);
      const firstLikely = read.findIndex((d) => d.kind === 'likely');
      const lastDanger = read.map((d) => d.kind).lastIndexOf('must-not-miss');
      assert.ok(
        firstLikely > lastDanger,
        `dangers before the likely ones: ${read.map((d) => d.id).join(' ')}`,
      );
      assert.ok(r.differential.filter((d) => d.kind === 'likely').every((d) => d.afterUrgentExcluded));
    }
  });

  it('an injury dated today keeps the same-day tier until the fracture questions are answered, an undated one does not', () => {
    const today: Answers = { age: 30, trauma: true, onset: 'sudden', durationDays: 0, canBearWeight: true };
    assert.equal(assessKnee(today).urgency, 'urgent');
    const { durationDays: _, ...undated } = today;
    assert.equal(assessKnee(undated as Answers).urgency, 'soon');
    assert.equal(assessKnee({ ...today, durationDays: 1 }).urgency, 'soon');
  });

  it('a leg that takes no weight without an injury still raises a fracture (stress or weakened bone), a hot one does not', () => {
    const ids = (a: Answers) => assessKnee(a).differential.map((d) => d.id as string);
    const overloaded: Answers = { age: 43, trauma: false, onset: 'gradual', canBearWeight: false };
    assert.ok(ids(overloaded).includes('acute_fracture'));
    assert.ok(!ids({ ...overloaded, kneeWarm: true, kneeRed: true }).includes('acute_fracture'));
  });

  it("not walking straight after an injury keeps the fracture question open for the Ottawa rule's 7 days", () => {
    const rule = RULES.find((r) => r.id === 'fresh-injury-walking-unknown')!;
    const week: A = {
      age: 20,
      trauma: true,
      onset: 'sudden',
      durationDays: 7,
      couldWalk4StepsImmediately: false,
    };
    assert.ok(fires(rule, week));
    assert.ok(!fires(rule, { ...week, durationDays: 8 }));
    const { couldWalk4StepsImmediately: _, ...unsaid } = week;
    assert.ok(!fires(rule, unsaid), 'day 7 and nothing said about walking');
  });

  it('a knee that buckled with an injury named is left to the injury rules', () => {
    const rule = RULES.find((r) => r.id === 'sudden-buckling-straight-leg-unknown')!;
    assert.ok(!fires(rule, { age: 22, trauma: true, onset: 'sudden', givingWay: true }));
    assert.ok(!fires(rule, { age: 61, onset: 'sudden', givingWay: true, durationDays: 30 }));
  });

  it('three months of pain that pivoting or getting up from a chair brings on is explained by movement, unexplained pain is not', () => {
    const rule = RULES.find((r) => r.id === 'lasting-three-months')!;
    const unexplained: A = { age: 56, durationDays: 90, trauma: false };
    assert.ok(fires(rule, unexplained));
    assert.ok(!fires(rule, { ...unexplained, twistingPain: true }));
    assert.ok(!fires(rule, { ...unexplained, risingFromChairPain: true }));
  });

  it('a knee out of shape after a fall from 40 names a torn quadriceps or kneecap tendon too', () => {
    const rule = RULES.find((r) => r.id === 'deformity')!;
    const named = (a: A) =>
      typeof rule.mustNotMiss === 'function'
        ? rule.mustNotMiss({ a, f: deriveFeatures(a), ottawa: ottawaKneeRule(a) })
        : rule.mustNotMiss;
    const fall: A = { age: 59, trauma: true, onset: 'sudden', deformity: true };
    assert.ok(named(fall).includes('extensor_mechanism_rupture'));
    assert.ok(!named({ ...fall, age: 30 }).includes('extensor_mechanism_rupture'));
    assert.ok(assessKnee(fall).differential.some((d) => d.id === 'extensor_mechanism_rupture'));
  });

  it('a calf pain that another cause explains better is not a suspected clot (Wells): sciatica, or a month of gradual ache with no swelling', () => {
    const rule = RULES.find((r) => r.id === 'suspected-clot')!;
    const calf: A = { age: 23, calfPain: true };
    assert.ok(fires(rule, calf));
    assert.ok(!fires(rule, { ...calf, backPain: true, numbness: true }));
    assert.ok(fires(rule, { ...calf, backPain: true }), 'back pain alone does not explain the calf');
    assert.ok(!fires(rule, { ...calf, onset: 'gradual', durationDays: 28 }));
    assert.ok(fires(rule, { ...calf, onset: 'gradual', durationDays: 27 }));
    assert.ok(!fires(rule, { ...calf, onset: 'gradual', side: 'both' }), 'both calves aching gradually');
    assert.ok(fires(rule, { ...calf, onset: 'sudden', side: 'both' }));
    assert.ok(
      fires(rule, { ...calf, backPain: true, numbness: true, calfSwelling: true }),
      'a swollen calf always',
    );
  });

  it('a cold or numb foot with a swelling behind the knee is a blocked artery, as with a painful calf', () => {
    const rule = RULES.find((r) => r.id === 'cold-foot-with-calf-pain')!;
    assert.ok(fires(rule, { age: 67, footColdOrNumb: true, lumpBehindKnee: true }));
    assert.ok(
      fires(rule, { age: 67, footColdOrNumb: true, swelling: 'mild', swellingLocation: 'behind-knee' }),
    );
    assert.ok(!fires(rule, { age: 67, footColdOrNumb: false, lumpBehindKnee: true }));
  });

  it('both knees hurting suddenly at once count as injured until an injury is denied', () => {
    const rule = RULES.find((r) => r.id === 'both-knees-injured')!;
    const squat: A = { age: 56, side: 'both', onset: 'sudden' };
    assert.ok(fires(rule, squat));
    assert.ok(!fires(rule, { ...squat, trauma: false }));
    assert.ok(!fires(rule, { ...squat, onset: 'gradual' }));
    assert.ok(!fires(rule, { ...squat, durationDays: 15 }));
  });

  it('a painful calf lists a clot in the lungs until breathlessness and chest pain are both answered no', () => {
    // What the answers raise leads; what an unanswered question keeps open comes last (openQuestion).
    const listed = (a: A) => {
      const d = assessKnee(a as Answers).differential.filter((x) => x.kind === 'must-not-miss');
      return {
        raised: d.filter((x) => !x.openQuestion).map((x) => x.id),
        open: d.filter((x) => x.openQuestion).map((x) => x.id),
      };
    };
    const calf: A = { age: 64, calfPain: true, calfSwelling: true };
    assert.deepEqual(listed(calf).raised, ['dvt']);
    assert.ok(listed(calf).open.includes('pulmonary_embolism'), 'not asked yet: kept open');
    assert.ok(
      listed({ ...calf, breathless: false }).open.includes('pulmonary_embolism'),
      'one of the two said',
    );
    const neither = listed({ ...calf, breathless: false, chestPain: false });
    assert.ok(!neither.raised.includes('pulmonary_embolism') && !neither.open.includes('pulmonary_embolism'));
    assert.deepEqual(listed({ ...calf, breathless: true }).raised.slice(0, 2), ['pulmonary_embolism', 'dvt']);
    assert.equal(assessKnee({ ...calf, breathless: false, chestPain: false } as Answers).urgency, 'urgent');
  });

  it('a knee that takes no weight within days and with no injury names an infected joint and gout too; a slow build-up names the bone', () => {
    const rule = RULES.find((r) => r.id === 'cannot-bear-weight')!;
    const ids = (a: A) =>
      typeof rule.mustNotMiss === 'function'
        ? rule.mustNotMiss({ a, f: deriveFeatures(a), ottawa: ottawaKneeRule(a) })
        : rule.mustNotMiss;
    const noWeight: A = { age: 83, canBearWeight: false };
    assert.deepEqual(ids(noWeight), ['acute_fracture', 'septic_arthritis', 'crystal_arthritis']);
    assert.deepEqual(ids({ ...noWeight, kneeWarm: true }), [], 'a hot joint: the infection rules name them');
    assert.deepEqual(ids({ ...noWeight, trauma: true }), ['acute_fracture']);
    assert.deepEqual(
      ids({ ...noWeight, onset: 'gradual' }),
      ['acute_fracture'],
      "the runner's overloaded bone",
    );
    assert.deepEqual(ids({ ...noWeight, durationDays: 15 }), ['acute_fracture']);
  });

  it('groin or thigh pain after a fall from 60 is a broken hip: an emergency unless the leg still bears weight', () => {
    const rule = RULES.find((r) => r.id === 'older-fall-hip-or-thigh-pain')!;
    const fall: A = { age: 75, trauma: true, onset: 'sudden', durationDays: 0, groinPain: true };
    assert.ok(fires(rule, fall));
    assert.ok(!fires(rule, { ...fall, canBearWeight: true }));
    assert.equal(assessKnee({ ...fall, canBearWeight: true } as Answers).urgency, 'urgent', 'X-ray today');
  });

  it('a kneecap that came out today is an emergency until the knee is said to look normal or to take weight', () => {
    const rule = RULES.find((r) => r.id === 'kneecap-out-today-shape-unknown')!;
    const today: A = { age: 17, trauma: true, onset: 'sudden', durationDays: 0, patellaDisplaced: true };
    assert.ok(fires(rule, today));
    assert.ok(!fires(rule, { ...today, deformity: false }));
    assert.ok(!fires(rule, { ...today, durationDays: 1 }), 'yesterday: it is back or already treated');
    assert.equal(assessKnee({ ...today, deformity: false } as Answers).urgency, 'urgent');
  });

  it('a few days of new pain with no injury is an acute joint until swelling and warmth are answered, whether or not it is called sudden', () => {
    const rule = RULES.find((r) => r.id === 'sudden-pain-no-injury-joint-unknown')!;
    const threeDays: A = { age: 69, trauma: false, durationDays: 3 };
    assert.ok(fires(rule, threeDays));
    assert.ok(!fires(rule, { ...threeDays, onset: 'gradual' }));
    assert.ok(!fires(rule, { ...threeDays, durationDays: 4 }));
    assert.ok(!fires(rule, { age: 69, durationDays: 3 }), 'injury not asked yet: the screen asks it first');
    assert.ok(
      fires(rule, { ...threeDays, kneeWarm: false }),
      'not warm, but swelling not said: gout swells first',
    );
    assert.ok(!fires(rule, { ...threeDays, swelling: 'none' }));
    assert.ok(
      !fires(rule, { ...threeDays, calfPain: true }),
      'a sudden painful calf is the clot rules’ case',
    );
  });

  it('a thin history never shows near-certainty', () => {
    for (const a of [
      { age: 30, sex: 'female' as const, painLocation: 'lateral' as const },
      { age: 13, painLocation: 'inferior-patellar' as const },
      { age: 59, painLocation: 'anterior' as const, trauma: false },
    ]) {
      const r = assessKnee(a as Answers);
      const top = r.conditions[0]!;
      assert.ok(top.likelihood < 0.8, `${JSON.stringify(a)} → ${top.id} ${top.likelihood}`);
      assert.ok(r.historyIsThin && r.wouldHelp.length > 0, 'says it knows little and what would help');
    }
    const full = assessKnee({
      age: 32,
      painLocation: 'lateral',
      painStartsAfterKm: 5,
      downhillPain: true,
      onset: 'gradual',
    } as Answers);
    assert.equal(full.historyIsThin, false);
  });
});
