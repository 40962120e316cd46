import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Answers } from './answers.schema.ts';
import { assessKnee } from './assess.engine.ts';
import { CONDITION_IDS } from './condition.types.ts';
import { MUST_NOT_MISS_IDS, urgencyRank } from './urgency.types.ts';

/** Gradual anterior knee pain in a 24-year-old with the whole red-flag screen answered "no". */
const BENIGN: Answers = {
  age: 24,
  sex: 'female',
  painLocation: 'anterior',
  onset: 'gradual',
  durationDays: 14,
  improving: true,
  stairsPain: true,
  squattingPain: true,
  trauma: false,
  redHotJoint: false,
  kneeWarm: false,
  kneeRed: false,
  fever: false,
  calfSwelling: false,
  calfPain: false,
  lockedNow: false,
  canBearWeight: true,
  nightPain: false,
  painAtRest: false,
  swelling: 'none',
};

/** Each entry on its own is a red flag (research/clinical.md §4.1). */
const RED_FLAGS: Partial<Answers>[] = [
  { redHotJoint: true },
  { kneeWarm: true },
  { kneeRed: true, swelling: 'mild' },
  { swelling: 'mild', onset: 'sudden' },
  { otherJointsPainful: true, swelling: 'mild' },
  { immunosuppressed: true, swelling: 'mild' },
  { recentJointProcedure: true, kneeWarm: true },
  { thighPain: true, age: 13 },
  { footTurnsOut: true, age: 10 },
  { overweight: true, age: 14 },
  { painWalking: true, amenorrhoea: true },
  { weightLoss: true },
  { trauma: true, side: 'both' },
  { trauma: true, popHeard: true },
  { fever: true },
  { temperatureC: 38.5 },
  { calfSwelling: true },
  { calfPain: true },
  { breathless: true },
  { chestPain: true },
  { lockedNow: true },
  { canBearWeight: false },
  { nightPain: true },
  { painAtRest: true },
  { deformity: true },
  { patellaDisplaced: true },
  { gapAbovePatella: true },
  { canStraightLegRaise: false },
  { footColdOrNumb: true },
  { progressiveWeakness: true },
  { boneSwelling: true },
  { focalBoneTenderness: true },
  { hopPain: true },
  { swelling: 'severe' },
  { locking: true },
  { recurrentGivingWay: true },
  { rednessSpreading: true, swellingLocation: 'on-kneecap', swelling: 'mild' },
  { lumpBehindKnee: true },
  { groinPain: true },
  { numbness: true },
  { morningStiffnessMin: 60 },
  { trauma: true, fibularHeadTenderness: true },
  { trauma: true, isolatedPatellarTenderness: true },
  { trauma: true, canFlex90: false },
  { trauma: true, popHeard: true, swelling: 'severe', swellingOnsetHours: 2 },
  { limp: true, age: 12 },
];

describe('assessKnee', () => {
  it('produces the spec shape', () => {
    const a = assessKnee(BENIGN);
    assert.equal(a.urgency, 'self-care');
    assert.ok(a.urgencyReasons.length > 0);
    assert.ok(a.conditions.length >= 3);
    for (const c of a.conditions) {
      assert.ok((CONDITION_IDS as readonly string[]).includes(c.id));
      assert.ok(c.likelihood >= 0 && c.likelihood <= 1);
      assert.equal(typeof c.name, 'string');
      assert.ok(Array.isArray(c.reasons));
    }
    assert.equal(a.conditions[0]?.id, 'pfps');
    assert.ok(
      a.conditions[0]!.drivers.some((d) => d.keys.includes('stairsPain')),
      'drivers name the answer key',
    );
    for (const text of [...a.urgencyReasons, ...a.conditions.flatMap((c) => c.reasons)])
      assert.doesNotMatch(
        text,
        /\((stairsPain|painLocation|squattingPain)[,)]/,
        'no answer keys in what people read',
      );
    const ids = a.differential.map((d) => d.id as string);
    assert.equal(new Set(ids).size, ids.length, 'each entry once');
    for (const id of [...a.conditions.map((c) => c.id), ...a.mustNotMiss.map((m) => m.id)])
      assert.ok(ids.includes(id), `${id} in the differential`);
    assert.deepEqual(a.ottawa, { applies: false, positive: false, criteriaMet: [] });
    assert.ok(a.nextSteps.length > 0 && a.sources.length > 0);
    assert.ok(a.getHelpWhen.length > 0, 'self-care states when to get help');
    assert.match(a.disclaimer, /not a diagnosis/);
  });

  for (const flag of RED_FLAGS) {
    it(`never self-care with red flag ${JSON.stringify(flag)}`, () => {
      const a = assessKnee({ ...BENIGN, ...flag } as Answers);
      assert.notEqual(a.urgency, 'self-care');
      assert.ok(
        a.urgencyDrivers.some((d) => d.rule !== 'unanswered-screen'),
        'a rule names the reason',
      );
      assert.deepEqual(a.getHelpWhen, []);
    });
  }

  it('raises the right must-not-miss problems', () => {
    const ids = (x: Partial<Answers>) =>
      assessKnee({ ...BENIGN, ...x } as Answers).mustNotMiss.map((m) => m.id);
    assert.deepEqual(ids({ redHotJoint: true, fever: true }), ['septic_arthritis', 'crystal_arthritis']);
    assert.ok(ids({ calfSwelling: true, breathless: true }).includes('pulmonary_embolism'));
    assert.ok(ids({ trauma: true, canFlex90: false }).includes('acute_fracture'));
    assert.ok(ids({ limp: true, age: 12 }).includes('scfe'));
    for (const m of assessKnee({ ...BENIGN, redHotJoint: true } as Answers).mustNotMiss) {
      assert.ok((MUST_NOT_MISS_IDS as readonly string[]).includes(m.id));
    }
  });

  it('ranks red flags above scoring: emergency whatever the conditions say', () => {
    const a = assessKnee({ ...BENIGN, redHotJoint: true, fever: true });
    assert.equal(a.urgency, 'emergency');
    assert.equal(a.conditions[0]?.id !== undefined, true);
  });

  it('treats "don\'t know" as not ruled out, never as "no"', () => {
    const { fever: _f, ...noFever } = BENIGN;
    const a = assessKnee(noFever as Answers);
    assert.notEqual(a.urgency, 'self-care');
    assert.ok(a.notRuledOut.some((g) => g.keys.includes('fever')));

    const injured: Answers = { ...BENIGN, trauma: true, onset: 'sudden' };
    const unknown = assessKnee(injured);
    assert.notEqual(unknown.urgency, 'self-care');
    assert.ok(unknown.ottawaCriteriaUnknown.length > 0);
    const checked = assessKnee({
      ...injured,
      isolatedPatellarTenderness: false,
      fibularHeadTenderness: false,
      canFlex90: true,
    });
    assert.deepEqual(checked.ottawaCriteriaUnknown, []);
  });

  it("keeps a thin history's dangers on the list, last, until the screen answers them", () => {
    const thin = assessKnee({ age: 34, sex: 'male' } as Answers);
    const open = thin.differential.filter((d) => d.openQuestion);
    assert.deepEqual(open.map((d) => d.id).sort(), [
      'acute_fracture',
      'bone_tumour',
      'dvt',
      'locked_knee',
      'septic_arthritis',
    ]);
    const firstOpen = thin.differential.findIndex((d) => d.openQuestion);
    assert.ok(
      thin.differential.slice(0, firstOpen).some((d) => d.kind === 'likely') &&
        thin.differential.slice(firstOpen).every((d) => d.openQuestion),
      'after what the answers point to',
    );
    const tumour = open.find((d) => d.id === 'bone_tumour')!;
    assert.equal(tumour.band, 'not ruled out yet');
    assert.deepEqual(tumour.reasons, [
      'You did not say whether it hurts at night or whether the pain is there all the time.',
    ]);
    for (const d of open)
      assert.ok(
        thin.mustNotMiss.some((m) => m.id === d.id),
        `${d.id} in mustNotMiss`,
      );
    // The screen answered "no" closes every one of them.
    assert.deepEqual(
      assessKnee(BENIGN).differential.filter((d) => d.openQuestion),
      [],
    );
    // No injury: nothing unanswered stands for a fracture.
    const { canBearWeight: _w, ...noWeight } = BENIGN;
    assert.ok(!assessKnee(noWeight as Answers).differential.some((d) => d.id === 'acute_fracture'));
  });

  it('after an injury keeps the dislocations and the tendons open until asked, without refusing self-care alone', () => {
    const checked: Answers = {
      ...BENIGN,
      trauma: true,
      onset: 'sudden',
      isolatedPatellarTenderness: false,
      fibularHeadTenderness: false,
      canFlex90: true,
    };
    const a = assessKnee(checked);
    assert.equal(a.urgency, 'self-care', 'a bump with the Ottawa rule negative and weight borne');
    assert.deepEqual(
      a.differential
        .filter((d) => d.openQuestion)
        .map((d) => d.id)
        .sort(),
      ['extensor_mechanism_rupture', 'knee_dislocation', 'patellar_dislocation'],
    );
    const asked = assessKnee({
      ...checked,
      deformity: false,
      footColdOrNumb: false,
      patellaDisplaced: false,
      canStraightLegRaise: true,
    });
    assert.deepEqual(
      asked.differential.filter((d) => d.openQuestion),
      [],
    );
  });

  it('uses an answered "no" as evidence but a missing answer as none', () => {
    const lateral: Answers = { ...BENIGN, painLocation: 'lateral', stairsPain: false, squattingPain: false };
    const itbs = (a: Answers) => assessKnee(a).conditions.find((c) => c.id === 'itbs')?.likelihood ?? 0;
    const withNo = itbs({ ...lateral, painStartsAfterKm: 0 });
    const missing = itbs(lateral);
    const withYes = itbs({ ...lateral, painStartsAfterKm: 5 });
    assert.ok(withNo < missing && missing < withYes, `${withNo} < ${missing} < ${withYes}`);
  });

  it('says how sex weighs in words a person would use, never "you answered no to female sex"', () => {
    const base = {
      age: 27,
      side: 'both',
      onset: 'gradual',
      trauma: false,
      painWalking: true,
      focalBoneTenderness: true,
    };
    const reasonsFor = (sex: 'male' | 'female') =>
      assessKnee({ ...base, sex } as Answers).conditions.flatMap((c) => c.reasons);
    const men = reasonsFor('male');
    assert.ok(men.includes('This is less common in men than in women'), men.join(' | '));
    assert.ok(!men.some((r) => r.includes('female sex')));
    assert.ok(reasonsFor('female').includes('This is more common in women than in men'));
  });

  it('is deterministic', () => {
    const x: Answers = { ...BENIGN, painLocation: ['anterior', 'medial'], clicking: true };
    assert.equal(JSON.stringify(assessKnee(x)), JSON.stringify(assessKnee(structuredClone(x))));
  });

  it('takes training change as evidence and says so', () => {
    const lateral: Answers = { ...BENIGN, painLocation: 'lateral', stairsPain: false, squattingPain: false };
    const before = assessKnee(lateral);
    const after = assessKnee(lateral, { descentIncreasePct: 80, summary: ['Descent doubled in 2 weeks'] });
    const p = (a: typeof before) => a.conditions.find((c) => c.id === 'itbs')?.likelihood ?? 0;
    assert.ok(p(after) > p(before));
    assert.equal(after.trainingEvidence.used, true);
    assert.ok(after.trainingEvidence.effects[0]?.raises.includes('itbs'));
    assert.ok(
      after.conditions
        .find((c) => c.id === 'itbs')
        ?.reasons.some((r) => r.includes('downhill metres up +80 %')),
    );
    assert.equal(before.trainingEvidence.used, false);
  });

  it('a load spike raises stress fracture only with bone signs', () => {
    const bone: Answers = { ...BENIGN, painLocation: 'medial', stairsPain: false, squattingPain: false };
    const tsf = (a: Answers) =>
      assessKnee(a, { longRunIncreasePct: 60 }).trainingEvidence.effects[0]?.raises ?? [];
    assert.ok(!tsf(bone).includes('tibial_stress_fracture'));
    assert.ok(tsf({ ...bone, focalBoneTenderness: true }).includes('tibial_stress_fracture'));
  });

  it('property: adding any red flag never lowers urgency', () => {
    const bool = fc.option(fc.boolean(), { nil: undefined });
    const base = fc.record(
      {
        age: fc.integer({ min: 5, max: 100 }),
        painLocation: fc.option(
          fc.constantFrom('anterior', 'inferior-patellar', 'lateral', 'medial', 'posterior', 'diffuse'),
          { nil: undefined },
        ),
        onset: fc.option(fc.constantFrom('sudden', 'gradual'), { nil: undefined }),
        swelling: fc.option(fc.constantFrom('none', 'mild', 'severe'), { nil: undefined }),
        durationDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        trauma: bool,
        improving: bool,
        fever: bool,
        redHotJoint: bool,
        calfPain: bool,
        canBearWeight: bool,
        givingWay: bool,
        catching: bool,
        jointLineTenderness: bool,
        hopPain: bool,
        groinPain: bool,
        stairsPain: bool,
        nightPain: bool,
        lockedNow: bool,
        popHeard: bool,
      },
      { requiredKeys: ['age'] },
    );
    fc.assert(
      fc.property(base, fc.constantFrom(...RED_FLAGS), (raw, flag) => {
        // A flag that names an age (a child's hip signs) is about a person of that age: compare the same person.
        const b = {
          ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
          ...(flag.age !== undefined ? { age: flag.age } : {}),
        } as unknown as Answers;
        const before = assessKnee(b).urgency;
        // Adding a flag adds answers; it never makes a swelling the person already reported smaller.
        const merged = { ...b, ...flag } as Answers;
        if (b.swelling === 'severe' && flag.swelling !== undefined) merged.swelling = 'severe';
        const after = assessKnee(merged).urgency;
        return urgencyRank(after) >= urgencyRank(before) && after !== 'self-care';
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });
});
