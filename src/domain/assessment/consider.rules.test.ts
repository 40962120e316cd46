/**
 * One row per "keep in mind" rule: answers on which it names its dangers (or keeps its condition listed),
 * and the boundary just outside, on which it stays silent; through the whole engine, what it names is
 * in the differential. A rule added without a row fails the completeness test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answers } from './answers.schema.ts';
import { assessKnee } from './assess.engine.ts';
import { CONSIDER_RULES, type ConsiderRule } from './consider.rules.ts';
import { deriveFeatures } from './features.ts';
import { ottawaKneeRule } from './ottawa.rule.ts';
import { SOURCES } from './sources.catalog.ts';

type A = Partial<Answers> & { age: number };

/** rule id → [answers on which it fires, boundary answers on which it does not]. */
const TABLE: Record<string, [A, A]> = {
  'bursa-can-become-infected': [
    { age: 16, swelling: 'mild', swellingLocation: 'on-kneecap' },
    { age: 15, swelling: 'mild', swellingLocation: 'on-kneecap' },
  ],
  'fall-on-the-kneecap': [
    { age: 40, trauma: true, durationDays: 1, canBearWeight: false, painLocation: 'anterior' },
    {
      age: 40,
      trauma: true,
      durationDays: 1,
      canBearWeight: true,
      canFlex90: true,
      painLocation: 'anterior',
    },
  ],
  'young-knee-keeps-giving-way': [
    { age: 25, recurrentGivingWay: true, givingWay: true, durationDays: 730 },
    { age: 26, recurrentGivingWay: true, givingWay: true, durationDays: 730 },
  ],
  'lump-behind-the-knee': [
    { age: 50, lumpBehindKnee: true },
    { age: 50, lumpBehindKnee: false },
  ],
  'injury-fracture-not-excluded': [
    { age: 30, trauma: true, durationDays: 3 },
    { age: 30, trauma: true, durationDays: 15 },
  ],
  'fresh-injury-extensor-check': [
    { age: 45, trauma: true, onset: 'sudden', durationDays: 2 },
    { age: 45, trauma: true, onset: 'sudden', durationDays: 2, canStraightLegRaise: true },
  ],
  'fresh-injury-reduced-dislocation': [
    { age: 30, trauma: true, onset: 'sudden', durationDays: 2, canBearWeight: false },
    { age: 30, trauma: true, onset: 'sudden', durationDays: 3, canBearWeight: false },
  ],
  'young-twist-kneecap': [
    { age: 25, trauma: true, onset: 'sudden', durationDays: 1, givingWay: true },
    { age: 26, trauma: true, onset: 'sudden', durationDays: 1, givingWay: true },
  ],
  'child-knee-pain-check-the-hip': [
    { age: 12, trauma: false, durationDays: 21 },
    { age: 12, trauma: false, durationDays: 21, limp: false, thighPain: false },
  ],
  'young-lasting-joint-pain': [
    { age: 14, trauma: false, onset: 'gradual', durationDays: 45 },
    { age: 14, trauma: false, onset: 'gradual', durationDays: 45, stairsPain: true, improving: true },
  ],
  'unexplained-lasting-pain': [
    { age: 50, trauma: false, durationDays: 28 },
    { age: 49, trauma: false, durationDays: 28 },
  ],
  'runner-bone-stress': [
    { age: 30, trauma: false, onset: 'gradual', focalBoneTenderness: true },
    { age: 30, trauma: false, onset: 'sudden', focalBoneTenderness: true },
  ],
};

const listed = (a: A) => new Set(assessKnee(a as Answers).differential.map((d) => d.id as string));
const fires = (rule: ConsiderRule, a: A) =>
  rule.test({ a: a as Answers, f: deriveFeatures(a as Answers), ottawa: ottawaKneeRule(a as Answers) });

describe('keep-in-mind rules', () => {
  it('every rule has a row, a reason and known sources', () => {
    for (const rule of CONSIDER_RULES) {
      assert.ok(TABLE[rule.id], `no test row for ${rule.id}`);
      assert.ok(rule.reason.length > 20);
      for (const s of rule.sources) assert.ok(SOURCES[s], `${rule.id}: unknown source ${s}`);
    }
  });

  for (const rule of CONSIDER_RULES) {
    const row = TABLE[rule.id];
    if (!row) continue;
    const [on, boundary] = row;
    it(`${rule.id}: fires on its answers and stays silent at the boundary`, () => {
      assert.ok(fires(rule, on), `fires on ${JSON.stringify(on)}`);
      assert.ok(!fires(rule, boundary), `silent on ${JSON.stringify(boundary)}`);
      const ids = listed(on);
      for (const id of [...rule.mustNotMiss, ...rule.alsoShow]) assert.ok(ids.has(id), `${id} is listed`);
    });
  }

  it('a child whose knee keeps getting worse after a fall still has the hip named; one recovering does not', () => {
    const rule = CONSIDER_RULES.find((r) => r.id === 'child-knee-pain-check-the-hip')!;
    const fell: A = { age: 10, trauma: true, onset: 'sudden', improving: false };
    assert.ok(fires(rule, fell));
    assert.ok(!fires(rule, { ...fell, improving: true }));
  });
});
