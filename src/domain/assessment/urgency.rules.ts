/**
 * Red flags and urgency rules (research/clinical.md §4.1–4.5). Any rule that fires sets a floor on the
 * urgency, whatever the condition scores say: red flags always win over scoring. Rules only fire on answers
 * that were given; a missing answer never makes a rule "pass" (see unanswered-screen.ts for that side).
 */
import type { RuleContext, UrgencyRule } from './urgency.types.ts';

const bursaSwelling = ({ f }: RuleContext) => f.swellOnKneecap === true || f.swellBelowKneecap === true;
const calf = ({ a }: RuleContext) => a.calfSwelling === true || a.calfPain === true;
const teen = ({ a }: RuleContext) => a.age !== undefined && a.age >= 8 && a.age <= 16;
const infectionIds = (ctx: RuleContext) =>
  bursaSwelling(ctx) ? (['septic_bursitis'] as const) : (['septic_arthritis', 'crystal_arthritis'] as const);

export const EMERGENCY_RULES: readonly UrgencyRule[] = [
  {
    id: 'hot-joint-with-fever',
    tier: 'emergency',
    mustNotMiss: infectionIds,
    keys: ['redHotJoint', 'fever', 'temperatureC'],
    test: ({ a, f }) => a.redHotJoint === true && f.fever === true,
    reason: 'A red, hot knee together with a fever can be an infection that damages the joint within hours.',
    sources: ['longSeptic', 'glos'],
  },
  {
    id: 'spreading-redness-with-fever',
    tier: 'emergency',
    mustNotMiss: (ctx) =>
      bursaSwelling(ctx) || ctx.a.skinBreak === true ? ['septic_bursitis'] : ['septic_arthritis'],
    keys: ['rednessSpreading', 'fever', 'temperatureC'],
    test: ({ a, f }) => a.rednessSpreading === true && f.fever === true,
    reason: 'Spreading redness with a fever is an infection that may need antibiotics into a vein.',
    sources: ['tayside'],
  },
  {
    id: 'deformity-after-injury',
    tier: 'emergency',
    mustNotMiss: ['knee_dislocation', 'acute_fracture'],
    keys: ['trauma', 'deformity'],
    test: ({ a }) => a.deformity === true,
    reason:
      'The knee looks out of shape: a dislocation or fracture has to be put right in an emergency department.',
    sources: ['glos', 'medvellum'],
  },
  {
    id: 'cold-numb-foot-after-injury',
    tier: 'emergency',
    mustNotMiss: ['knee_dislocation'],
    keys: ['trauma', 'footColdOrNumb'],
    test: ({ a }) => a.trauma === true && a.footColdOrNumb === true,
    reason:
      'A cold, pale or numb foot after a knee injury can mean the main artery behind the knee is damaged.',
    sources: ['medvellum'],
  },
  {
    id: 'extensor-rupture',
    tier: 'emergency',
    mustNotMiss: ['extensor_mechanism_rupture'],
    keys: ['gapAbovePatella', 'canStraightLegRaise', 'trauma', 'onset'],
    test: ({ a }) =>
      a.gapAbovePatella === true ||
      (a.canStraightLegRaise === false && (a.trauma === true || a.onset === 'sudden')),
    reason:
      'Not being able to lift the straightened leg after a stumble or landing (or a gap above the kneecap) suggests a torn thigh or kneecap tendon, which is repaired early.',
    sources: ['glos', 'quadTendon'],
  },
  {
    id: 'clot-with-chest-symptoms',
    tier: 'emergency',
    mustNotMiss: ['pulmonary_embolism', 'dvt'],
    keys: ['breathless', 'chestPain', 'calfSwelling', 'calfPain', 'recentLongTravel'],
    test: (ctx) =>
      ctx.a.chestPain === true ||
      (ctx.a.breathless === true && (calf(ctx) || ctx.a.recentLongTravel === true)),
    reason:
      'Breathlessness or chest pain with a painful or swollen leg can be a clot that has reached the lungs.',
    sources: ['nhsDvt'],
  },
  {
    id: 'ottawa-cannot-bear-weight',
    tier: 'emergency',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'canBearWeight', 'couldWalk4StepsImmediately', 'canWalk4StepsNow'],
    keysFor: ({ ottawa }) => ['trauma', 'canBearWeight', ...ottawa.keys],
    test: ({ a, ottawa }) => ottawa.positive && a.canBearWeight === false,
    reason: 'After the injury you cannot put weight on the leg and the Ottawa knee rule calls for an X-ray.',
    sources: ['stiell1995', 'bachmann2004'],
  },
];

export const URGENT_RULES: readonly UrgencyRule[] = [
  {
    id: 'ottawa-positive',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: [
      'trauma',
      'age',
      'fibularHeadTenderness',
      'isolatedPatellarTenderness',
      'canFlex90',
      'canWalk4StepsNow',
    ],
    test: ({ ottawa }) => ottawa.positive,
    reason: 'After an injury, the Ottawa knee rule says an X-ray is needed today to check for a fracture.',
    sources: ['stiell1995', 'stiell1996', 'bachmann2004'],
  },
  {
    id: 'hot-joint',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['redHotJoint'],
    test: ({ a }) => a.redHotJoint === true,
    reason:
      'A red, hot, swollen knee needs checking today: infection and gout-type crystals look alike without a test.',
    sources: ['longSeptic', 'nhsKnee'],
  },
  {
    id: 'fever',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['fever', 'temperatureC'],
    test: ({ f }) => f.fever === true,
    reason:
      'A painful knee with a fever needs checking today: a joint infection does not always make the knee red.',
    sources: ['longSeptic'],
  },
  {
    id: 'infected-bursa',
    tier: 'urgent',
    mustNotMiss: ['septic_bursitis'],
    keys: ['swellingLocation', 'rednessSpreading', 'skinBreak', 'kneelingPain'],
    test: (ctx) =>
      ctx.a.rednessSpreading === true &&
      (bursaSwelling(ctx) || ctx.a.skinBreak === true || ctx.a.kneelingPain === true),
    reason:
      'Redness spreading from a swelling on the front of the knee (often after a graze) suggests an infected bursa.',
    sources: ['tayside'],
  },
  {
    id: 'suspected-clot',
    tier: 'urgent',
    mustNotMiss: ['dvt'],
    keys: ['calfSwelling', 'calfPain', 'recentLongTravel', 'lumpBehindKnee'],
    test: calf,
    reason:
      "A painful or swollen calf needs a scan today to rule out a clot (a burst Baker's cyst looks the same from outside).",
    sources: ['nhsDvt', 'bakersCyst'],
  },
  {
    id: 'breathless',
    tier: 'urgent',
    mustNotMiss: ['pulmonary_embolism'],
    keys: ['breathless'],
    test: ({ a }) => a.breathless === true,
    reason: 'New breathlessness needs a doctor today.',
    sources: ['nhsDvt'],
  },
  {
    id: 'fast-swelling-after-injury',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['trauma', 'swelling', 'swellingOnsetHours'],
    test: ({ a, f }) =>
      a.trauma === true && (f.swellingSevere === true || (f.swellingAny === true && f.swellingFast === true)),
    reason:
      'Large or fast swelling after an injury usually means bleeding inside the joint, most often a torn ACL; it should be assessed today.',
    sources: ['gpnotebookAcl', 'glos'],
  },
  {
    id: 'locked-now',
    tier: 'urgent',
    mustNotMiss: ['locked_knee'],
    keys: ['lockedNow', 'canFullyStraighten'],
    test: ({ a }) => a.lockedNow === true,
    reason: 'A knee that is stuck and will not straighten may have a torn piece of cartilage caught in it.',
    sources: ['glos'],
  },
  {
    id: 'kneecap-dislocated',
    tier: 'urgent',
    mustNotMiss: ['patellar_dislocation'],
    keys: ['patellaDisplaced'],
    test: ({ a }) => a.patellaDisplaced === true,
    reason: 'A kneecap that slipped out of place needs checking today, even if it went back.',
    sources: ['glos'],
  },
  {
    id: 'cannot-bear-weight',
    tier: 'urgent',
    mustNotMiss: ({ a }) => (a.trauma === true ? ['acute_fracture'] : []),
    keys: ['canBearWeight'],
    test: ({ a }) => a.canBearWeight === false,
    reason: 'You cannot put weight on the leg: that needs a same-day assessment.',
    sources: ['nhsKnee'],
  },
  {
    id: 'unstable-after-injury',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['trauma', 'givingWay', 'locking'],
    test: ({ a }) => a.trauma === true && (a.givingWay === true || a.locking === true),
    reason: 'Giving way or locking right after an injury suggests a torn ligament or meniscus.',
    sources: ['nhsKnee', 'glos'],
  },
  {
    id: 'child-limp',
    tier: 'urgent',
    mustNotMiss: ['scfe'],
    keys: ['age', 'limp', 'footTurnsOut', 'groinPain', 'hipStiffness'],
    test: (ctx) =>
      teen(ctx) &&
      ctx.a.trauma !== true &&
      (ctx.a.limp === true ||
        ctx.a.footTurnsOut === true ||
        ctx.a.groinPain === true ||
        ctx.a.hipStiffness === true),
    reason:
      'In a child or teenager, knee pain with a limp or hip symptoms can come from a slipped hip growth plate (SCFE); it is often missed when only the knee hurts.',
    sources: ['matava1999', 'peck2017'],
  },
  {
    id: 'femoral-neck-stress',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['groinPain', 'hopPain', 'focalBoneTenderness', 'nightPain', 'painAtRest', 'amenorrhoea'],
    test: ({ a }) =>
      a.trauma !== true &&
      a.groinPain === true &&
      (a.hopPain === true || a.focalBoneTenderness === true || a.nightPain === true || a.painAtRest === true),
    reason:
      'Groin pain that hurts on hopping can be a stress fracture of the hip bone, which can break through if you keep running.',
    sources: ['bsi'],
  },
  {
    id: 'progressive-weakness',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['progressiveWeakness'],
    test: ({ a }) => a.progressiveWeakness === true,
    reason: 'Weakness that is getting worse points to a nerve problem that needs a doctor today.',
    sources: ['lumbarReferral'],
  },
  {
    id: 'no-straight-leg-raise',
    tier: 'urgent',
    mustNotMiss: ['extensor_mechanism_rupture'],
    keys: ['canStraightLegRaise'],
    test: ({ a }) => a.canStraightLegRaise === false,
    reason:
      'Not being able to lift the straightened leg needs a same-day check of the thigh and kneecap tendons.',
    sources: ['glos'],
  },
  {
    id: 'cold-numb-foot',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['footColdOrNumb'],
    test: ({ a }) => a.footColdOrNumb === true,
    reason: 'A cold or numb foot needs a same-day check of circulation and nerves.',
    sources: ['medvellum'],
  },
  {
    id: 'badly-swollen',
    tier: 'urgent',
    mustNotMiss: ['septic_arthritis', 'crystal_arthritis'],
    keys: ['swelling', 'trauma', 'historyOfGout'],
    test: ({ a, f }) =>
      a.trauma !== true &&
      (f.swellingSevere === true ||
        (a.historyOfGout === true && f.swellingAny === true && f.sudden === true)),
    reason:
      'A badly swollen knee without an injury needs checking today: infection and gout-type crystals must be excluded.',
    sources: ['nhsKnee', 'longSeptic'],
  },
];
