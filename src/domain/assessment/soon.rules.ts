/**
 * The urgency decision table, part 2: "see a clinician within days" — problems that are not emergencies but
 * should not be self-managed (NICE CKS knee pain; NG12; IOC REDs and bone-stress consensus).
 */

import { painLocations } from './answers.schema.ts';
import {
  clotLikeCalf,
  hipSigns,
  jointSwelling,
  locatedAt,
  ocdAge,
  overusePattern,
  youngPerson,
} from './rule-predicates.ts';
import type { RuleContext, UrgencyRule } from './urgency.types.ts';

const painLocationsOnly = ({ a }: RuleContext, where: string) => {
  const l = painLocations(a);
  return l.length > 0 && l.every((x) => x === where);
};
const otherHipSign = ({ a }: RuleContext) =>
  a.limp === true || a.groinPain === true || a.hipStiffness === true || a.footTurnsOut === true;

/**
 * In a child of up to 16 with pain only just below the kneecap, a bony swelling there is the tibial
 * tubercle of Osgood–Schlatter, the commonest lump of that age: explained, not an NG12 "unexplained" one.
 */
const tubercleBump = (ctx: RuleContext) =>
  ctx.a.age !== undefined &&
  ctx.a.age <= 16 &&
  (ctx.a.swellingLocation === 'below-kneecap' ||
    (painLocationsOnly(ctx, 'inferior-patellar') && ctx.a.swellingLocation === undefined));

/**
 * NICE NG12 asks for an X-ray within 48 hours for unexplained bone pain in children and young people: no
 * injury, no activity-provoked overuse pattern, and lasting (four weeks or more) or getting worse. A minor
 * knock a month ago that the pain has not recovered from does not explain it: bone sarcomas are often
 * first put down to a sports injury (Widhe 2000).
 */
const unexplainedYoungPain = (ctx: RuleContext) =>
  youngPerson(ctx) &&
  !tubercleBump(ctx) &&
  // A bone tumour is in one bone: the same pain in both knees is a load or growth story.
  ctx.a.side !== 'both' &&
  (ctx.a.trauma !== true ||
    (ctx.a.improving === false && ctx.a.durationDays !== undefined && ctx.a.durationDays >= 28)) &&
  !overusePattern(ctx) &&
  ((ctx.a.durationDays !== undefined && ctx.a.durationDays >= 28) ||
    ctx.a.improving === false ||
    // a swelling that has lasted a fortnight without an injury: NG12's "unexplained bone swelling"
    (ctx.f.swellingAny === true && ctx.a.durationDays !== undefined && ctx.a.durationDays >= 14));

/** Night pain that is worsening, or comes with rest pain or a tender spot on the bone, at any age. */
const worryingNightPain = ({ a }: RuleContext) =>
  a.nightPain === true && (a.painAtRest === true || a.improving === false || a.focalBoneTenderness === true);

const boneTumourSigns = (ctx: RuleContext) =>
  (ctx.a.boneSwelling === true && !tubercleBump(ctx)) ||
  ctx.a.weightLoss === true ||
  (ctx.a.activeCancer === true && ctx.a.trauma !== true) ||
  worryingNightPain(ctx) ||
  (youngPerson(ctx) && ctx.a.nightPain === true) ||
  unexplainedYoungPain(ctx);

export const SOON_RULES: readonly UrgencyRule[] = [
  {
    id: 'bone-stress-signs',
    tier: 'soon',
    // A stress fracture that is run on can break through: the fracture is named among what must be excluded.
    mustNotMiss: ['acute_fracture'],
    keys: ['focalBoneTenderness', 'hopPain', 'painWalking', 'amenorrhoea', 'trauma'],
    test: ({ a }) =>
      a.trauma !== true &&
      (a.focalBoneTenderness === true ||
        a.hopPain === true ||
        // Pain on ordinary walking that is not settling is how a runner's bone stress injury goes on
        // (a recent problem: after three months walking pain is far more often osteoarthritis).
        (a.painWalking === true && a.improving === false && (a.durationDays ?? 0) < 90) ||
        (a.amenorrhoea === true && (a.painWalking === true || a.nightPain === true))),
    reason:
      'A tender spot on the bone, pain on hopping, or pain with missed periods can be a bone stress injury: stop running until it is examined.',
    sources: ['warden2021', 'iocReds2023', 'bsi'],
  },
  {
    id: 'possible-bone-tumour',
    tier: 'soon',
    mustNotMiss: ['bone_tumour'],
    keys: [
      'boneSwelling',
      'weightLoss',
      'nightPain',
      'painAtRest',
      'improving',
      'age',
      'durationDays',
      'trauma',
    ],
    test: boneTumourSigns,
    reason:
      'Bone pain that is unexplained, lasting, worse at night or comes with a swelling or weight loss needs an X-ray within a couple of days to rule out a bone tumour (rare, but it must not be missed).',
    sources: ['ng12', 'bmjTumour', 'widhe2000'],
  },
  {
    id: 'night-or-rest-pain',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['nightPain', 'painAtRest'],
    test: ({ a }) => a.nightPain === true || a.painAtRest === true,
    reason:
      'Pain at night or constant pain that does not depend on activity is not typical of running overuse and should be examined.',
    sources: ['niceCksKnee', 'nhsGgc'],
  },
  {
    id: 'young-joint-problem',
    tier: 'soon',
    mustNotMiss: ['osteochondritis_dissecans'],
    keys: ['age', 'locking', 'catching', 'clicking', 'givingWay', 'swelling', 'painLocation', 'trauma'],
    test: (ctx) =>
      ocdAge(ctx) &&
      !(ctx.a.trauma === true && ctx.a.onset === 'sudden') &&
      (ctx.a.locking === true ||
        ctx.a.catching === true ||
        (ctx.a.givingWay === true && ctx.a.trauma !== true) ||
        // Vague deep pain or an effusion with no overuse pattern to explain it.
        ((jointSwelling(ctx) || locatedAt(ctx, 'medial', 'diffuse') || ctx.a.improving === false) &&
          !overusePattern(ctx))),
    reason:
      'In a young person, catching, locking, swelling or pain deep on the inner side can come from a loose piece of bone and cartilage (osteochondritis dissecans): an X-ray is needed.',
    sources: ['kocher2006', 'niceCksKnee'],
  },
  {
    id: 'mechanical-symptoms',
    tier: 'soon',
    // A knee that locks can jam for good (a displaced meniscus or loose body), which then needs surgery soon.
    mustNotMiss: ({ a }) => (a.locking === true ? ['locked_knee'] : []),
    keys: ['locking', 'catching', 'painfulClicking', 'swelling', 'age', 'recurrentGivingWay', 'givingWay'],
    test: ({ a, f }) =>
      a.locking === true ||
      a.recurrentGivingWay === true ||
      (a.givingWay === true && a.trauma !== true) ||
      ((a.catching === true || a.painfulClicking === true) && (f.swellingAny === true || (a.age ?? 0) >= 40)),
    reason:
      'A knee that locks or gives way, or that catches (with swelling, or from the age of 40), points to a meniscus or ligament problem that needs examining.',
    sources: ['niceCksKnee', 'solomon2001'],
  },
  {
    id: 'injury-needs-review',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['trauma', 'popHeard', 'jointLineTenderness', 'catching', 'givingWay'],
    test: ({ a }) =>
      a.trauma === true && (a.popHeard === true || a.jointLineTenderness === true || a.catching === true),
    reason:
      'A pop, joint-line tenderness or catching after an injury suggests a ligament or meniscus injury; have it examined within days.',
    sources: ['niceCksAcuteKnee', 'jackson2003'],
  },
  {
    id: 'hip-or-spine',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['groinPain', 'hipStiffness', 'thighPain', 'numbness', 'backPain', 'limp'],
    // Thigh pain beside outer-knee pain is the iliotibial band itself, not the hip.
    test: (ctx) =>
      (hipSigns(ctx) && !(ctx.a.thighPain === true && locatedAt(ctx, 'lateral') && !otherHipSign(ctx))) ||
      ctx.a.numbness === true ||
      ctx.a.backPain === true,
    reason:
      'Groin or thigh pain, a stiff hip, a limp, back pain or numbness suggest the pain may come from the hip or the back; the knee alone will not explain it.',
    sources: ['khan2004', 'lumbarReferral', 'niceCksKnee'],
  },
  {
    id: 'long-morning-stiffness',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['morningStiffnessMin'],
    test: ({ f }) => f.morningStiffLong === true,
    reason:
      'Morning stiffness longer than 30 minutes can mean an inflammatory arthritis rather than wear or overuse.',
    sources: ['nice226', 'niceCksKnee'],
  },
  {
    id: 'lump-behind-knee',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['lumpBehindKnee'],
    test: ({ a }) => a.lumpBehindKnee === true,
    reason: 'A lump behind the knee should be examined to confirm what it is.',
    sources: ['bakersCyst', 'nhsGgc'],
  },
  {
    id: 'calf-pain-not-a-clot',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['calfPain', 'onset', 'durationDays', 'side', 'backPain', 'numbness'],
    // A calf pain the clot rule sets aside (a trapped nerve, a gradual ache of weeks, both calves aching with
    // exercise) is still not a knee problem to manage alone: a squeezed artery behind the knee, a tight muscle
    // compartment or a nerve root each needs examining.
    test: (ctx) => ctx.a.calfPain === true && !clotLikeCalf(ctx),
    reason:
      'Calf pain that does not look like a clot still needs examining: exercise pain in the calf can come from an artery squeezed behind the knee, a tight muscle compartment or a nerve from the back.',
    sources: ['exertionalLegPain', 'lumbarReferral'],
  },
  {
    id: 'not-improving',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['improving', 'durationDays'],
    // An unknown duration is not taken as "short". Years of slowly varying pain from 45 on is the usual
    // course of osteoarthritis (NICE NG226), reviewed in primary care rather than "not improving".
    test: ({ a }) =>
      a.improving === false &&
      (a.durationDays === undefined || a.durationDays >= 21) &&
      !((a.age ?? 0) >= 45 && (a.durationDays ?? 0) >= 365 && a.onset !== 'sudden'),
    reason:
      'The pain is not getting better after three weeks or more (or for an unknown time): time for a clinician to look at it.',
    sources: ['uhmb', 'niceCksKnee'],
  },
  {
    id: 'joint-swelling-without-injury',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['swelling', 'swellingLocation', 'trauma'],
    // Fluid in the joint that no injury explains has a cause to find (gout and other crystals, an
    // inflammatory arthritis, a torn degenerate meniscus, rarely a tumour); warm or with a fever it is the
    // same-day hot-joint rule instead. Explained, and not sent on: a known osteoarthritic knee that swells
    // (its usual flare); activity-related pain with a little puffiness after runs and short stiffness (the
    // load story, and from 45 osteoarthritis by NICE NG226's clinical definition); a child's bump below the
    // kneecap (Osgood–Schlatter).
    test: (ctx) =>
      jointSwelling(ctx) &&
      ctx.a.trauma !== true &&
      ctx.a.knownKneeOA !== true &&
      !(overusePattern(ctx) && ctx.a.swelling !== 'severe' && ctx.f.morningStiffLong !== true) &&
      !tubercleBump(ctx),
    reason:
      'The knee has swollen without an injury: a doctor should find out why (for example gout or an arthritis), and sooner if it turns warm or red.',
    sources: ['niceCksKnee', 'bsrHotJoint', 'nice226'],
  },
  {
    id: 'pain-with-infection-risk',
    tier: 'soon',
    mustNotMiss: ['septic_arthritis'],
    keys: ['immunosuppressed', 'recentJointProcedure', 'trauma', 'durationDays'],
    // Lowered immunity or a recent injection or operation blunts the warmth, redness and fever that announce
    // an infected joint (Margaretten 2007): a painful knee not known to be long-standing is examined within
    // days rather than self-managed (the same-day rule covers pain that started in the last week).
    test: ({ a }) =>
      (a.immunosuppressed === true || a.recentJointProcedure === true) &&
      a.trauma !== true &&
      (a.durationDays === undefined || a.durationDays <= 28),
    reason:
      'With lowered immunity, or after a joint injection or operation, an infected knee can show few signs: have it examined within days, and the same day if it swells, turns warm or you feel unwell.',
    sources: ['margaretten2007', 'bsrHotJoint'],
  },
  {
    id: 'knee-pain-with-gout',
    tier: 'soon',
    mustNotMiss: ['crystal_arthritis'],
    keys: ['historyOfGout', 'trauma'],
    // In someone who has had gout, a painful knee without an injury is a flare until shown otherwise: it needs
    // prompt treatment, and a swollen or warm one can also be infected, since the two look alike and can
    // occur together (BSR/BOA hot swollen joint).
    test: ({ a }) => a.historyOfGout === true && a.trauma !== true,
    reason:
      'You have had gout: a painful knee can be a gout flare, which a doctor should see within days to treat it. If it swells, turns warm or red, or you get a fever, be seen the same day, because an infection looks the same.',
    sources: ['bsrHotJoint', 'niceCksKnee'],
  },
  {
    id: 'lasting-three-months',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['durationDays', 'knownKneeOA'],
    // From 45 on, activity-related pain with short stiffness is osteoarthritis by NICE NG226's clinical
    // definition and is managed without imaging; at any age typical activity-provoked overuse pain is managed
    // by load, however long it has lasted. Pain that no activity explains has no such diagnosis yet.
    test: (ctx) =>
      ctx.a.durationDays !== undefined &&
      ctx.a.durationDays >= 90 &&
      ctx.a.knownKneeOA !== true &&
      !overusePattern(ctx) &&
      !((ctx.a.age ?? 0) >= 45 && ctx.a.painWalking === true) &&
      // a child's bump below the kneecap lasts until growth ends (Osgood–Schlatter)
      !tubercleBump(ctx),
    reason:
      'Knee pain for three months or more has outlasted the usual recovery from overuse: have it examined rather than keep managing it alone.',
    sources: ['uhmb', 'niceCksKnee'],
  },
];
