import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { painLocations } from '../../src/domain/assessment/answers.schema.ts';
import { CONDITION_IDS } from '../../src/domain/assessment/condition.types.ts';
import { MUST_NOT_MISS_IDS, URGENCY_TIERS } from '../../src/domain/assessment/urgency.types.ts';
import { loadVignettes } from './vignette.loader.ts';
import { evaluate } from './vignette.metrics.ts';

const vignettes = loadVignettes();

describe('literature vignettes', () => {
  it('cover ages, sexes, every location, acute and overuse, and at least 15 red-flag cases', () => {
    assert.ok(vignettes.length >= 60, `${vignettes.length} vignettes`);
    const redFlag = vignettes.filter(
      (v) =>
        v.expected.mustNotMiss.length > 0 ||
        (v.expected.urgency !== 'self-care' && v.file.startsWith('red-flags')),
    );
    assert.ok(redFlag.length >= 15, `${redFlag.length} red-flag vignettes`);
    const locations = new Set(vignettes.flatMap((v) => painLocations(v.answers)));
    assert.deepEqual([...locations].sort(), [
      'anterior',
      'diffuse',
      'inferior-patellar',
      'lateral',
      'medial',
      'posterior',
    ]);
    assert.ok(
      vignettes.some((v) => v.answers.sex === 'female') && vignettes.some((v) => v.answers.sex === 'male'),
    );
    assert.ok(vignettes.some((v) => v.answers.age < 16) && vignettes.some((v) => v.answers.age >= 65));
    assert.ok(
      vignettes.some((v) => v.answers.trauma === true) &&
        vignettes.some((v) => v.answers.onset === 'gradual'),
    );
    for (const tier of URGENCY_TIERS)
      assert.ok(
        vignettes.some((v) => v.expected.urgency === tier),
        tier,
      );
  });

  it('use only spec ids, unique names, and each states its source', () => {
    assert.equal(new Set(vignettes.map((v) => v.id)).size, vignettes.length);
    for (const v of vignettes) {
      assert.ok(v.source.length > 10, v.id);
      for (const c of v.expected.conditions)
        assert.ok((CONDITION_IDS as readonly string[]).includes(c), `${v.id}: ${c}`);
      for (const m of v.expected.mustNotMiss)
        assert.ok((MUST_NOT_MISS_IDS as readonly string[]).includes(m), `${v.id}: ${m}`);
    }
  });

  it('meet the evaluation targets', () => {
    const m = evaluate(vignettes);
    const misses = m.outcomes.filter((o) => o.urgency !== o.expectedUrgency).map((o) => o.id);
    assert.equal(m.underTriage, 0, `under-triage in ${misses.join(', ')}`);
    assert.ok(m.urgencyExact >= 0.85, `urgency exact ${m.urgencyExact}`);
    assert.ok(m.top3 >= 0.9, `top-3 ${m.top3}`);
    assert.equal(m.mustNotMissRecall, 1);
    assert.equal(m.adaptiveUnderTriage, 0, 'the shortened questionnaire never under-triages');
    assert.ok(m.meanQuestions < m.totalQuestions / 2, `${m.meanQuestions} questions on average`);
  });
});
