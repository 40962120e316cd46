/**
 * "Keep in mind" rules: dangers and easily missed conditions that a clinician would name for these answers
 * even when nothing calls for a faster visit. They add to the differential (so the person knows what to
 * watch for) but never change the urgency tier: the decision table alone sets that.
 */
import type { ConditionId } from './condition.types.ts';
import { acuteInjury, bursaSwelling, locatedAt } from './rule-predicates.ts';
import type { SourceId } from './sources.catalog.ts';
import type { MustNotMissId, RuleContext } from './urgency.types.ts';

export interface ConsiderRule {
  id: string;
  test(ctx: RuleContext): boolean;
  /** Dangers to list among what must be ruled out. */
  mustNotMiss: readonly MustNotMissId[];
  /** Conditions to keep in the likely list even when their score would leave them out. */
  alsoShow: readonly ConditionId[];
  reason: string;
  sources: readonly SourceId[];
}

export const CONSIDER_RULES: readonly ConsiderRule[] = [
  {
    id: 'bursa-can-become-infected',
    // Under 16 a lump below the kneecap is almost always the growth-plate bump (Osgood–Schlatter), not a bursa.
    test: (ctx) => bursaSwelling(ctx) && (ctx.a.age ?? 0) >= 16,
    mustNotMiss: ['septic_bursitis'],
    alsoShow: [],
    reason:
      'A fluid swelling over the kneecap can become infected: if it turns red or hot, the skin breaks, or you get a fever, be seen the same day.',
    sources: ['tayside', 'bsrHotJoint'],
  },
  {
    id: 'fall-on-the-kneecap',
    test: (ctx) =>
      acuteInjury(ctx) &&
      (ctx.a.canBearWeight === false || ctx.a.canFlex90 === false) &&
      (locatedAt(ctx, 'anterior', 'inferior-patellar') || ctx.a.isolatedPatellarTenderness === true),
    mustNotMiss: ['extensor_mechanism_rupture', 'acute_fracture'],
    alsoShow: [],
    reason:
      'After a fall onto the front of the knee with the leg not working, the kneecap and its tendons must be checked (can you lift the straight leg?).',
    sources: ['niceCksAcuteKnee', 'quadTendon'],
  },
  {
    id: 'lump-behind-the-knee',
    test: (ctx) => ctx.a.lumpBehindKnee === true || ctx.f.swellBehind === true,
    mustNotMiss: ['dvt'],
    alsoShow: ['bakers_cyst'],
    reason:
      "A swelling behind the knee is usually a Baker's cyst, but a clot looks the same: if the calf swells or hurts, get a same-day scan.",
    sources: ['ng158', 'bakersCyst'],
  },
  {
    id: 'injury-fracture-not-excluded',
    // The Ottawa rule excludes a fracture only when every item was answered and none is met.
    test: (ctx) =>
      acuteInjury(ctx) && !(ctx.ottawa.criteriaMet.length === 0 && ctx.ottawa.criteriaUnknown.length === 0),
    mustNotMiss: ['acute_fracture'],
    alsoShow: [],
    reason: 'After an injury a broken bone is only ruled out when the Ottawa knee rule is fully negative.',
    sources: ['stiell1995', 'bachmann2004'],
  },
  {
    id: 'runner-bone-stress',
    test: (ctx) =>
      ctx.a.trauma !== true &&
      (locatedAt(ctx, 'medial') || ctx.a.focalBoneTenderness === true || ctx.a.painWalking === true) &&
      ctx.a.onset !== 'sudden',
    mustNotMiss: [],
    alsoShow: ['tibial_stress_fracture'],
    reason: 'Inner-knee or bone pain in a runner can be a bone stress injury of the upper shin.',
    sources: ['warden2021', 'bsi'],
  },
];
