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
        assert.match(c.source, /https?:\/\//, `${key}: a citation with its address`);
      }
    }
  });

  it('keep a third of our real cases apart as a holdout that is never tuned on', () => {
    const real = realCases();
    const holdout = real.filter((c) => c.set === 'real-holdout').length;
    assert.ok(real.length > 0);
    assert.ok(Math.abs(holdout / real.length - 1 / 3) < 0.1, `${holdout} of ${real.length} held out`);
  });

  // Safety holds on every real case, seen or not: no same-day care missed, no under-triage as stated.
  for (const [name, cases] of [
    ['our real published cases (tune and holdout)', realCases()],
    ['the shared published development cases', sharedSets().filter((c) => c.set === 'shared-published')],
  ] as const) {
    it(`never miss same-day care or under-triage on ${name}`, (t) => {
      if (cases.length === 0) {
        t.diagnostic('set not present beside the repository');
        return;
      }
      const m = scoreCases(cases, { questionnaire: false });
      const under = m.outcomes
        .filter((o) => o.statedUrgency !== o.expectedUrgency)
        .map((o) => `${o.id} ${o.statedUrgency}≠${o.expectedUrgency}`);
      assert.equal(m.sameDayMissed, 0, under.join('; '));
      assert.equal(m.underTriage, 0, under.join('; '));
      assert.ok(m.mustNotMissRecall >= 0.9, `must-not-miss recall ${m.mustNotMissRecall}`);
    });
  }
});
