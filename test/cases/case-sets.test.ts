import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONDITION_IDS } from '../../src/domain/assessment/condition.types.ts';
import { MUST_NOT_MISS_IDS } from '../../src/domain/assessment/urgency.types.ts';
import { scoreCases } from './case-metrics.ts';
import { allCaseSets, realCases, sharedSets } from './case-sets.ts';

const IDS = new Set<string>([...CONDITION_IDS, ...MUST_NOT_MISS_IDS]);

describe('assessment case sets', () => {
  it('use only the spec ids, unique case ids, and each real case cites its source', () => {
    const all = allCaseSets();
    const seen = new Set<string>();
    for (const c of all) {
      const key = `${c.set}:${c.id}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
      for (const id of [...c.expected.likelyConditions, ...c.expected.mustNotMiss])
        assert.ok(IDS.has(id), `${key}: unknown id ${id}`);
      if (c.set.startsWith('real-')) {
        assert.ok(c.narrative.length > 20, `${key}: the patient's own account`);
        assert.match(c.source, /https?:\/\/|doi:|PMID/i, `${key}: a citation with an address, DOI or PMID`);
      }
    }
  });

  it('keep a blind set of real cases apart as a holdout that is never tuned on', () => {
    const real = realCases();
    const holdout = real.filter((c) => c.set === 'real-holdout');
    assert.ok(real.length >= 150, `${real.length} real cases`);
    // Each round's blind set is what two collectors could find that no earlier round used (32 to 88 cases so
    // far; the pool of published first accounts is thinning, so the rounds are smaller); 30 keeps it at a
    // fifth of the 150-case minimum while every earlier set has been opened to tuning.
    assert.ok(holdout.length >= 30, `${holdout.length} held out`);
    // Blind means apart: no holdout patient or source also sits in the tuning sets.
    const tuneSources = new Set(real.filter((c) => c.set === 'real-tune').map((c) => c.source));
    assert.deepEqual(
      holdout.filter((c) => tuneSources.has(c.source)).map((c) => c.id),
      [],
    );
  });

  it('never miss same-day care or under-triage on the shared published development cases', (t) => {
    const cases = sharedSets().filter((c) => c.set === 'shared-published');
    if (cases.length === 0) {
      t.diagnostic('../shared/eval is not beside the repository');
      return;
    }
    const m = scoreCases(cases, { questionnaire: false });
    assert.equal(m.sameDayMissed, 0);
    assert.equal(m.underTriage, 0);
    assert.ok(m.mustNotMissRecall >= 0.95, `must-not-miss recall ${m.mustNotMissRecall}`);
  });

  /**
   * Our own real cases: no tuning case may miss same-day care beyond the few documented here. A fresh injury
   * whose weight-bearing is not known stays urgent until it is answered, so even a teenager's "sudden severe
   * pain on take-off" is seen the same day. The exceptions give nothing to act on in the answer keys: a
   * 5-year-old with weeks of knee and thigh pain, urgent in the source only because of growth-hormone
   * treatment; a kneecap tendon torn ten months ago, now weak and wobbly (prompt referral, but not a same-day
   * danger); "three weeks after a marathon I still have pain on my left side", with no site at all; a
   * 55-year-old's knee hurt nine days ago at football with no injury named and the pain running up the outer
   * thigh (a torn quadriceps tendon, which nothing in the answers points to); a blow to the lower thigh a
   * month ago that still makes walking hard (a quadriceps tendon injury; a month on, past the injury rules'
   * two weeks); a whole leg suddenly excruciating on the pill, with no calf or knee sign the keys can hold (a
   * clot); three weeks after a fall, a knee that will not fully straighten (the urgent rule covers the first
   * two weeks, and "stuck" was not said); a throbbing lump behind the knee (an aneurysm, whose pulse no key
   * asks about); weeks of crippling knee pain at 19 that wakes her and makes walking hard (a bone tumour,
   * seen within days with it named); and three where we follow the guideline over the case: walking with a
   * limp the day after an injury (limping steps bear weight for the Ottawa rule), a 9-year-old with five
   * weeks of worsening knee pain and no hip sign (seen within days, with the slipped growth plate named), and
   * a 15-year-old's painful lump not settling (NICE NG12: an X-ray within 48 hours, which is within days,
   * with the bone tumour named first); from holdout-10, joints swollen three weeks after a genital infection
   * (reactive or gonococcal arthritis: no answer key holds the infection, and no fever, warmth or swelling of
   * the knee was said), and a thigh weak for five days with no pain, back pain or numbness (a nerve root in
   * the back: weakness not said to be getting worse, which the same-day rule needs); from holdout-11, severe hip pain
   * at 26, six months after stress reactions in both shins (a thigh-bone stress fracture: no answer key holds a past
   * stress injury or how bad the pain is, and thigh pain alone is seen within days by the hip-or-spine rule);
   * from holdout-12, a thigh tendon torn three weeks ago and never followed up (a neglected rupture, like the
   * kneecap tendon above: prompt referral, past the injury rules' two weeks), a 5-year-old limping for three
   * weeks with a mildly swollen knee and no fever, warmth or inability to stand said (seen within days, with
   * infection and a bone tumour named), a 71-year-old's knee painful for a week with no injury, fever or
   * swelling said (gout: nothing at the knee that the keys hold), and a 44-year-old's leg aching for three
   * months and now at rest (NICE NG12: an X-ray within 48 hours, which is within days, the tumour named).
   * The holdout is measured, never asserted on case by case, so it stays a
   * fair test of unseen patients (`npm run eval:assess` prints it).
   */
  it('miss same-day care on no tuning case beyond the documented thin ones', () => {
    const m = scoreCases(
      realCases().filter((c) => c.set === 'real-tune'),
      { questionnaire: false },
    );
    const missed = m.outcomes
      .filter((o) => ['urgent', 'emergency'].includes(o.expectedUrgency))
      .filter((o) => !['urgent', 'emergency'].includes(o.statedUrgency))
      .map((o) => o.id)
      .sort();
    assert.deepEqual(missed, [
      'F-FNSF-30M-postmarathon',
      'F-PTR-48M-rebound-neglected',
      'H10B-L4R-45M-quad-weakness',
      'H10B-REA-30M-urethral-discharge',
      'H11B-FSF-26F-HIIT',
      'H12A-QTR-51M-dogtruck',
      'H12B-GOUT-71M-week-no-better',
      'H12B-MET-44M-leg-rest-pain-3mo',
      'H12B-SA-5M-limp-3wk',
      'H5A-MCL-25M-limp',
      'H5B-SCFE-9F-5wk',
      'H6A-QTR-55M-football',
      'H7A-QTR-20M-blow-1mo',
      'H7B-DVT-20F-pill-trip',
      'H8A-ACLPCL-28M-fall-twist',
      'H8B-PSA-78F-pulsatile-lump',
      'H9B-OS-15F-lump-water',
      'H9B-OS-19F-torn-ligament',
      'R-SCFE-5F-bilateral',
    ]);
  });
});
