/**
 * "Keep in mind" rules: dangers and easily missed conditions that a clinician would name for these answers
 * even when nothing calls for a faster visit. They add to the differential (so the person knows what to
 * watch for) but never change the urgency tier: the decision table alone sets that.
 */
import type { ConditionId } from './condition.types.ts';
import {
  acuteInjury,
  bursaSwelling,
  jointSwelling,
  locatedAt,
  ocdAge,
  overusePattern,
  scfeAge,
  swollen,
} from './rule-predicates.ts';
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
    id: 'fresh-injury-extensor-check',
    // The straight-leg raise is the one test that separates a torn kneecap or thigh tendon (or, in a child,
    // a piece of the kneecap or shin bump pulled off) from a sprain; until it is answered, it stays listed.
    test: (ctx) =>
      acuteInjury(ctx) &&
      ctx.a.onset !== 'gradual' &&
      (ctx.a.durationDays === undefined || ctx.a.durationDays <= 2) &&
      ctx.a.canStraightLegRaise !== true &&
      ctx.a.canBearWeight !== true &&
      ctx.a.givingWay !== true,
    mustNotMiss: ['extensor_mechanism_rupture'],
    alsoShow: [],
    reason:
      'After a sudden knee injury, check that you can lift the straightened leg off the bed: if you cannot, a tendon of the kneecap may be torn and you need an emergency department.',
    sources: ['niceCksAcuteKnee', 'quadTendon'],
  },
  {
    id: 'fresh-injury-reduced-dislocation',
    // Many knee dislocations slip back before anyone sees them and then look like a bad sprain; the
    // artery behind the knee can still be damaged, so a clinician checks the pulses of any knee that gave
    // way completely after a fresh injury (NICE CKS acute knee injury; MedVellum).
    test: (ctx) =>
      acuteInjury(ctx) &&
      ctx.a.onset !== 'gradual' &&
      (ctx.a.durationDays === undefined || ctx.a.durationDays <= 2) &&
      ctx.a.canBearWeight === false &&
      // A torn kneecap tendon or a kneecap out of place already explains a leg that gives no support.
      ctx.a.canStraightLegRaise !== false &&
      ctx.a.gapAbovePatella !== true &&
      ctx.a.patellaDisplaced !== true,
    mustNotMiss: ['knee_dislocation'],
    alsoShow: [],
    reason:
      'A knee that cannot take weight right after an injury may have dislocated and slipped back: the pulses and feeling in the foot must be checked.',
    sources: ['niceCksAcuteKnee', 'medvellum'],
  },
  {
    id: 'young-twist-kneecap',
    // Kneecap dislocations peak at 10–25 and most slip back by themselves, so the person often reports only
    // a twist, a pop, swelling or giving way (Stefancin 2007).
    test: (ctx) =>
      ctx.a.age !== undefined &&
      ctx.a.age >= 10 &&
      ctx.a.age <= 25 &&
      acuteInjury(ctx) &&
      ctx.a.onset !== 'gradual' &&
      ctx.a.patellaDisplaced !== false &&
      (swollen(ctx) ||
        ctx.a.givingWay === true ||
        ctx.a.popHeard === true ||
        ctx.a.canBearWeight === false ||
        ctx.a.limp === true),
    mustNotMiss: ['patellar_dislocation'],
    alsoShow: [],
    reason:
      'At your age a twist with a pop, giving way or swelling is often a kneecap that slipped out and back: it needs an X-ray for a broken-off piece.',
    sources: ['stefancin2007', 'niceCksAcuteKnee'],
  },
  {
    id: 'young-knee-keeps-giving-way',
    // After a first kneecap dislocation a third to a half of young people have it slip again, and a knee that
    // keeps giving way in the years kneecap dislocations peak (10–25, as for a fresh twist) is as often the
    // kneecap as a torn cruciate (Stefancin 2007): the instability is treatable, and each new slip can break
    // off cartilage. Not for a fresh injury (the injury rules).
    test: (ctx) =>
      ctx.a.age !== undefined &&
      ctx.a.age >= 10 &&
      ctx.a.age <= 25 &&
      ctx.a.recurrentGivingWay === true &&
      !(acuteInjury(ctx) && (ctx.a.durationDays === undefined || ctx.a.durationDays <= 14)),
    mustNotMiss: ['patellar_dislocation'],
    alsoShow: [],
    reason:
      'A knee that keeps giving way at your age is often a kneecap that slips out of its groove: it is worth an examination and an X-ray, since each slip can chip the cartilage.',
    sources: ['stefancin2007', 'niceCksKnee'],
  },
  {
    id: 'child-knee-pain-check-the-hip',
    // A slipped upper femoral epiphysis is felt in the knee or thigh in about a third of children and is
    // missed for months when only the knee is examined; the guidance is to examine the hip of every child
    // of 9–16 with knee pain that nothing at the knee explains. Named until the hip questions clear it.
    test: (ctx) =>
      scfeAge(ctx) &&
      // A fall does not explain pain that keeps getting worse: a slip often follows a minor fall.
      (!acuteInjury(ctx) || ctx.a.improving === false) &&
      !overusePattern(ctx) &&
      !locatedAt(ctx, 'inferior-patellar', 'lateral', 'posterior') &&
      !(ctx.a.limp === false && ctx.a.thighPain === false),
    mustNotMiss: ['scfe'],
    alsoShow: [],
    reason:
      'At 9–16 a problem at the top of the thigh bone (a slipped growth plate) can be felt only in the knee: ask for the hip to be examined too, today if walking becomes painful or limping.',
    sources: ['matava1999', 'peck2017'],
  },
  {
    id: 'young-lasting-joint-pain',
    // Osteochondritis dissecans presents at 10–20 as vague, activity-related knee pain that lasts, often with
    // nothing else to point to it; it is found only on an X-ray (Kocher 2006). The growth-plate bumps
    // (Osgood–Schlatter, Sinding-Larsen–Johansson) sit below the kneecap and explain pain there.
    test: (ctx) =>
      ocdAge(ctx) &&
      !(ctx.a.trauma === true && ctx.a.onset === 'sudden' && (ctx.a.durationDays ?? 0) <= 14) &&
      !locatedAt(ctx, 'inferior-patellar') &&
      // Weeks of pain with no overuse pattern to explain it (kneecap pain on stairs and sitting that is
      // getting better is the common, benign story), or pain that is not getting better, night pain, a swelling.
      ((ctx.a.durationDays !== undefined &&
        ctx.a.durationDays >= 28 &&
        ctx.a.improving !== true &&
        !overusePattern(ctx)) ||
        ctx.a.improving === false ||
        ctx.a.nightPain === true ||
        jointSwelling(ctx)),
    mustNotMiss: ['osteochondritis_dissecans'],
    alsoShow: [],
    reason:
      'Knee pain that lasts in a young person can come from a loose piece of bone and cartilage in the joint (osteochondritis dissecans), which only an X-ray shows.',
    sources: ['kocher2006', 'niceCksKnee'],
  },
  {
    id: 'unexplained-lasting-pain',
    // NG12's "unexplained bone pain" in an adult: no injury, no known arthritis and no activity pattern, yet
    // it lasts or is not getting better. Secondary bone cancer is commonest after 50; before that, only pain
    // that has gone on for months without getting better counts (benign bone tumours such as osteoid osteoma).
    test: (ctx) =>
      ctx.a.age !== undefined &&
      ctx.a.age >= 25 &&
      (ctx.a.trauma !== true || ctx.a.onset === 'gradual') &&
      ctx.a.knownKneeOA !== true &&
      !overusePattern(ctx) &&
      (ctx.a.age >= 50
        ? ctx.a.improving === false || (ctx.a.durationDays !== undefined && ctx.a.durationDays >= 28)
        : ctx.a.improving === false && ctx.a.durationDays !== undefined && ctx.a.durationDays >= 90),
    mustNotMiss: ['bone_tumour'],
    alsoShow: [],
    reason:
      'Knee or shin pain with no clear cause that is not settling should be X-rayed to rule out a bone lesion, rare as it is.',
    sources: ['ng12', 'niceCksKnee'],
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
