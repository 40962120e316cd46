/**
 * The urgency decision table, part 1: emergency and same-day rules. Each rule names its inputs (`keys`), its
 * tier and its sources (guidelines first). Any rule that fires sets a floor on the urgency, whatever the
 * condition scores say: red flags always win over scoring. Rules fire only on answers that were given; a
 * missing answer never makes a rule "pass" (unanswered-screen.ts handles that side).
 */

import { painLocations } from './answers.schema.ts';
import {
  acuteInjury,
  bursaSwelling,
  calf,
  child,
  clotLikeCalf,
  clotRisk,
  hipSigns,
  jointSwelling,
  locatedAt,
  recentOnset,
  red,
  scfeAge,
  septicRisk,
  swollen,
  warm,
} from './rule-predicates.ts';
import type { MustNotMissId, RuleContext, UrgencyRule } from './urgency.types.ts';

/** An infected bursa can spread to the joint, so a septic bursa never hides septic arthritis. */
const infectionIds = (ctx: RuleContext): readonly MustNotMissId[] =>
  bursaSwelling(ctx) || ctx.a.skinBreak === true
    ? ['septic_bursitis', 'septic_arthritis']
    : ['septic_arthritis', 'crystal_arthritis'];

export const EMERGENCY_RULES: readonly UrgencyRule[] = [
  {
    id: 'warm-or-red-knee-with-fever',
    tier: 'emergency',
    mustNotMiss: infectionIds,
    keys: ['kneeWarm', 'kneeRed', 'redHotJoint', 'rednessSpreading', 'fever', 'temperatureC'],
    test: (ctx) => ctx.f.fever === true && (warm(ctx) || red(ctx)),
    reason:
      'A warm or red knee together with a fever can be a joint infection, which damages the joint within hours.',
    sources: ['bsrHotJoint', 'niceCksKnee', 'longSeptic'],
  },
  {
    id: 'badly-swollen-knee-with-fever',
    tier: 'emergency',
    mustNotMiss: infectionIds,
    keys: ['fever', 'temperatureC', 'swelling', 'swellingLocation'],
    // An infected joint is not always felt as warm or seen as red (least of all under thick skin or in both
    // knees at once), so a badly swollen knee with a fever is treated as septic whatever the skin looks like,
    // and whether or not a knock came first. A mild swelling with a fever is the same-day `fever` rule. A
    // bursa with a measured temperature under 38 °C is a local infection, also treated the same day.
    test: (ctx) =>
      ctx.f.fever === true &&
      ctx.f.swellingSevere === true &&
      ctx.f.swellBehind !== true &&
      (jointSwelling(ctx) || ctx.a.temperatureC === undefined || ctx.a.temperatureC >= 38),
    reason:
      'A badly swollen knee together with a fever can be a joint infection even when the skin is not red or warm: go to an emergency department.',
    sources: ['bsrHotJoint', 'niceCksKnee', 'longSeptic'],
  },
  {
    id: 'swollen-cannot-stand-infection-risk',
    tier: 'emergency',
    mustNotMiss: ['septic_arthritis', 'crystal_arthritis'],
    keys: [
      'swelling',
      'canBearWeight',
      'trauma',
      'immunosuppressed',
      'recentJointProcedure',
      'activeCancer',
      'age',
    ],
    // Fever is absent in about half of septic joints (Margaretten 2007), least often noticed under
    // diabetes, steroids or after an injection: a swollen knee that stops you standing is enough.
    test: (ctx) => swollen(ctx) && ctx.a.canBearWeight === false && ctx.a.trauma !== true && septicRisk(ctx),
    reason:
      'A swollen knee you can no longer stand on, without an injury, with diabetes, lowered immunity or a recent injection, can be an infected joint even without a fever: go to an emergency department.',
    sources: ['margaretten2007', 'bsrHotJoint'],
  },
  {
    id: 'fever-with-infection-risk',
    tier: 'emergency',
    mustNotMiss: infectionIds,
    keys: ['fever', 'temperatureC', 'recentJointProcedure', 'immunosuppressed', 'activeCancer', 'age'],
    // A painful knee with a fever is an infected joint until the joint fluid says otherwise, and in those at
    // higher risk of septic arthritis (over 80, diabetes or lowered immunity, a recent operation or injection
    // in the joint: Margaretten 2007) it is also the sepsis risk group NICE NG51 sends to hospital at once.
    test: (ctx) => ctx.f.fever === true && septicRisk(ctx),
    reason:
      'A fever with a painful knee when you are over 80, have diabetes, lowered immunity or cancer treatment, or had an operation or injection in the knee can be an infected joint: go to an emergency department now.',
    sources: ['margaretten2007', 'bsrHotJoint', 'ng51'],
  },
  {
    id: 'older-fall-hip-or-thigh-pain',
    tier: 'emergency',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'age', 'groinPain', 'thighPain'],
    // A broken hip is often felt in the knee, and after a fall from 60 on, groin or thigh pain is a hip
    // fracture until an X-ray says otherwise: hospital the same day, usually by ambulance (NICE CG124). Someone
    // who still walks on the leg is X-rayed the same day instead (the Pittsburgh rule's urgent tier).
    test: (ctx) =>
      acuteInjury(ctx) &&
      ctx.a.age !== undefined &&
      ctx.a.age >= 60 &&
      (ctx.a.groinPain === true || ctx.a.thighPain === true) &&
      ctx.a.canBearWeight !== true,
    reason:
      'After a fall, pain in the groin or thigh at your age can be a broken hip felt in the knee: go to an emergency department now (call an ambulance if you cannot get up).',
    sources: ['cg124', 'khan2004'],
  },
  {
    id: 'spreading-redness-with-infection-risk',
    tier: 'emergency',
    mustNotMiss: infectionIds,
    keys: ['rednessSpreading', 'immunosuppressed', 'recentJointProcedure', 'activeCancer', 'age'],
    test: (ctx) => ctx.a.rednessSpreading === true && septicRisk(ctx),
    reason:
      'Spreading redness in someone at higher risk of infection (over 80, diabetes or lowered immunity, or a recent injection or operation) needs antibiotics and a hospital assessment now.',
    sources: ['margaretten2007', 'bsrHotJoint', 'tayside'],
  },
  {
    id: 'deformity',
    tier: 'emergency',
    // The commonest visible deformity in the young is a kneecap out of place (Stefancin 2007); later in
    // life it is a fracture, or a torn quadriceps or kneecap tendon, whose gap above or below the kneecap
    // is the visible change (from 40, when those tendons tear; Ilan 2003).
    mustNotMiss: ({ a }) =>
      a.age !== undefined && a.age <= 25
        ? ['patellar_dislocation', 'knee_dislocation', 'acute_fracture']
        : a.age !== undefined && a.age >= 40
          ? ['acute_fracture', 'extensor_mechanism_rupture', 'knee_dislocation', 'patellar_dislocation']
          : ['acute_fracture', 'knee_dislocation', 'patellar_dislocation'],
    keys: ['trauma', 'deformity'],
    test: ({ a }) => a.deformity === true,
    reason:
      'The knee looks out of shape: a dislocation or fracture has to be put right in an emergency department.',
    sources: ['niceCksAcuteKnee', 'medvellum', 'ilan2003'],
  },
  {
    id: 'kneecap-out-today-shape-unknown',
    tier: 'emergency',
    // A kneecap that slipped out today may still be out: one that has not gone back is put back in an
    // emergency department (NICE CKS acute knee injury). Until "does the knee look out of shape?" is answered
    // no, the kneecap is not known to be back in place; a kneecap still out holds the knee bent, so someone
    // who can stand on the leg has it back in.
    mustNotMiss: ['patellar_dislocation', 'acute_fracture'],
    keys: ['patellaDisplaced', 'deformity', 'canBearWeight', 'durationDays'],
    test: ({ a }) =>
      a.patellaDisplaced === true &&
      a.deformity !== false &&
      a.canBearWeight !== true &&
      a.durationDays === 0,
    reason:
      'Your kneecap slipped out today: if it has not gone back into place, or the knee looks out of shape, go to an emergency department to have it put back.',
    sources: ['niceCksAcuteKnee', 'stefancin2007'],
  },
  {
    id: 'cold-numb-foot-after-injury',
    tier: 'emergency',
    mustNotMiss: ['knee_dislocation'],
    keys: ['trauma', 'footColdOrNumb'],
    test: ({ a }) => a.trauma === true && a.footColdOrNumb === true,
    reason:
      'A cold, pale or numb foot after a knee injury can mean the main artery behind the knee is damaged.',
    sources: ['niceCksAcuteKnee', 'medvellum'],
  },
  {
    id: 'cold-foot-with-calf-pain',
    tier: 'emergency',
    mustNotMiss: ['dvt'],
    keys: ['footColdOrNumb', 'calfPain', 'calfSwelling', 'lumpBehindKnee', 'swellingLocation'],
    // A painful calf with a cold or numb foot is how a blocked artery behind the knee (a clotted popliteal
    // aneurysm, an entrapped artery) or a clot so large it stops the circulation presents: acute limb
    // ischaemia, which costs the leg within hours (ESVS 2020). Without the calf, a numb foot alone may be a
    // nerve and stays same-day. A swelling behind the knee with a cold foot is the same artery: a popliteal
    // aneurysm that has clotted is the commonest swelling there to cut the blood supply off.
    test: ({ a, f }) =>
      a.footColdOrNumb === true &&
      (a.calfPain === true || a.calfSwelling === true || a.lumpBehindKnee === true || f.swellBehind === true),
    reason:
      'A painful or swollen calf, or a swelling behind the knee, with a cold or numb foot can mean the blood supply to the leg is blocked: go to an emergency department now.',
    sources: ['esvs2020', 'ng158'],
  },
  {
    id: 'extensor-mechanism',
    tier: 'emergency',
    mustNotMiss: ['extensor_mechanism_rupture', 'acute_fracture'],
    keys: ['gapAbovePatella', 'canStraightLegRaise', 'trauma', 'onset'],
    test: ({ a }) =>
      a.gapAbovePatella === true ||
      (a.canStraightLegRaise === false && (a.trauma === true || a.onset === 'sudden')),
    reason:
      'Not being able to lift the straightened leg after a stumble or landing (or a gap above the kneecap) suggests a torn thigh or kneecap tendon, which is repaired early.',
    sources: ['niceCksAcuteKnee', 'quadTendon'],
  },
  {
    id: 'clot-with-chest-symptoms',
    tier: 'emergency',
    mustNotMiss: ['pulmonary_embolism', 'dvt'],
    keys: ['breathless', 'chestPain', 'calfSwelling', 'calfPain', 'recentLongTravel'],
    test: (ctx) => ctx.a.chestPain === true || (ctx.a.breathless === true && (calf(ctx) || clotRisk(ctx))),
    reason:
      'Breathlessness or chest pain with a painful or swollen leg can be a clot that has reached the lungs.',
    sources: ['ng158', 'nhsDvt'],
  },
  {
    id: 'injury-cannot-bear-weight-xray-rule',
    tier: 'emergency',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'canBearWeight', 'couldWalk4StepsImmediately', 'canWalk4StepsNow'],
    keysFor: ({ ottawa }) => ['trauma', 'canBearWeight', ...ottawa.keys],
    test: ({ a, ottawa }) => ottawa.positive && a.canBearWeight === false,
    reason: 'After the injury you cannot put weight on the leg and the Ottawa knee rule calls for an X-ray.',
    sources: ['stiell1995', 'bachmann2004', 'niceCksAcuteKnee'],
  },
  {
    id: 'fresh-injury-cannot-stand',
    tier: 'emergency',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'durationDays', 'canBearWeight', 'couldWalk4StepsImmediately'],
    // On the day of an injury, a leg that takes no weight is the Ottawa rule's strongest item and the one
    // NHS injury advice sends to an emergency department: the person cannot get themselves to a clinic, and
    // a fracture, a torn tendon or a dislocation that slipped back are all still possible. Having walked
    // four steps straight after it is what lowers the worry (the rule needs both), so that case stays urgent.
    test: (ctx) =>
      ctx.a.trauma === true &&
      ctx.a.onset !== 'gradual' &&
      (ctx.a.durationDays === undefined || ctx.a.durationDays <= 1) &&
      (ctx.a.canBearWeight === false ||
        // carried off and not yet tried: on the same day, as good as not standing
        (ctx.a.couldWalk4StepsImmediately === false &&
          ctx.a.canBearWeight === undefined &&
          ctx.a.canWalk4StepsNow !== true)) &&
      ctx.a.couldWalk4StepsImmediately !== true,
    reason:
      'You hurt the knee today and cannot stand on the leg: go to an emergency department for an X-ray and a check of the tendons and the blood supply.',
    sources: ['stiell1995', 'elhtKneeInjury', 'niceCksAcuteKnee'],
  },
  {
    id: 'unstable-slipped-hip',
    tier: 'emergency',
    mustNotMiss: ['scfe', 'acute_fracture'],
    keys: [
      'age',
      'canBearWeight',
      'limp',
      'thighPain',
      'groinPain',
      'hipStiffness',
      'footTurnsOut',
      'overweight',
    ],
    test: (ctx) =>
      scfeAge(ctx) && ctx.a.canBearWeight === false && (hipSigns(ctx) || ctx.a.overweight === true),
    reason:
      'A child or teenager who cannot stand on the leg, with hip or thigh signs or a foot turned out, may have an unstable slipped hip growth plate (SCFE): that is an emergency.',
    sources: ['boastScfe', 'peck2017', 'matava1999'],
  },
  {
    id: 'fever-and-cannot-stand',
    tier: 'emergency',
    // In a child, bone infection and the bone tumour that mimics it (Ewing sarcoma) present the same way.
    mustNotMiss: (ctx) =>
      child(ctx)
        ? ['septic_arthritis', 'acute_fracture', 'bone_tumour']
        : ['septic_arthritis', 'acute_fracture'],
    keys: ['fever', 'temperatureC', 'canBearWeight', 'limp', 'age'],
    test: (ctx) =>
      ctx.f.fever === true && (ctx.a.canBearWeight === false || (child(ctx) && ctx.a.limp === true)),
    reason:
      'A fever with a leg you cannot stand on (or, in a child, a new limp) is a joint or bone infection until proven otherwise: go to an emergency department.',
    sources: ['kocher1999', 'bsrHotJoint'],
  },
  {
    id: 'numb-leg-after-injury',
    tier: 'emergency',
    mustNotMiss: ['knee_dislocation'],
    keys: ['trauma', 'numbness', 'progressiveWeakness'],
    test: (ctx) => acuteInjury(ctx) && (ctx.a.numbness === true || ctx.a.progressiveWeakness === true),
    reason:
      'Numbness or weakness of the leg right after a knee injury can mean the knee dislocated and damaged a nerve or the artery behind it.',
    sources: ['niceCksAcuteKnee', 'medvellum'],
  },
  {
    id: 'both-knees-injured-cannot-walk',
    tier: 'emergency',
    mustNotMiss: ['extensor_mechanism_rupture', 'acute_fracture'],
    keys: ['trauma', 'side', 'canBearWeight', 'canWalk4StepsNow'],
    // "I can't walk" is the same answer whichever question it came through.
    test: (ctx) =>
      acuteInjury(ctx) &&
      ctx.a.side === 'both' &&
      (ctx.a.canBearWeight === false || ctx.a.canWalk4StepsNow === false),
    reason:
      'Both knees injured and you cannot walk: both thigh tendons or bones may be broken — go to an emergency department.',
    sources: ['niceCksAcuteKnee', 'quadTendon'],
  },
  {
    id: 'injury-cannot-stand-badly-swollen',
    tier: 'emergency',
    mustNotMiss: ['acute_fracture', 'knee_dislocation'],
    keys: ['trauma', 'canBearWeight', 'swelling', 'swellingOnsetHours'],
    test: (ctx) =>
      acuteInjury(ctx) &&
      ctx.a.canBearWeight === false &&
      (ctx.f.swellingSevere === true || ctx.f.swellingFast === true),
    reason:
      'After an injury you cannot stand on the leg and the knee swelled badly or fast: bleeding into the joint from a fracture is likely — go to an emergency department.',
    sources: ['niceCksAcuteKnee', 'maffulli1993'],
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
    keysFor: ({ ottawa }) => ['trauma', ...ottawa.keys],
    test: (ctx) => acuteInjury(ctx) && ctx.ottawa.positive,
    reason: 'After an injury, the Ottawa knee rule says an X-ray is needed today to check for a fracture.',
    sources: ['stiell1995', 'stiell1996', 'bachmann2004'],
  },
  {
    id: 'pittsburgh-age',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'age', 'durationDays'],
    test: (ctx) => acuteInjury(ctx) && ctx.a.age !== undefined && (ctx.a.age < 12 || ctx.a.age > 50),
    reason:
      'After a fall or blow, children under 12 and adults over 50 need an X-ray the same day (Pittsburgh knee rule): their bones break more easily.',
    sources: ['pittsburgh', 'niceCksAcuteKnee'],
  },
  {
    id: 'warm-or-red-knee',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['kneeWarm', 'kneeRed', 'redHotJoint', 'swelling'],
    test: (ctx) => warm(ctx) || (red(ctx) && swollen(ctx)),
    reason:
      'A warm or red, swollen knee needs checking today: infection and gout-type crystals look alike without a test of the joint fluid.',
    sources: ['bsrHotJoint', 'niceCksKnee', 'longSeptic'],
  },
  {
    id: 'fever',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['fever', 'temperatureC'],
    test: ({ f }) => f.fever === true,
    reason:
      'A painful knee with a fever needs checking today: a joint infection does not always make the knee red.',
    sources: ['bsrHotJoint', 'longSeptic'],
  },
  {
    id: 'new-swelling-without-injury',
    tier: 'urgent',
    mustNotMiss: ['septic_arthritis', 'crystal_arthritis'],
    keys: ['swelling', 'swellingLocation', 'trauma', 'onset', 'durationDays'],
    // When neither the onset nor the time since it began was said, the swelling may be new: "don't know"
    // never switches this flag off.
    test: (ctx) =>
      ctx.a.trauma !== true &&
      jointSwelling(ctx) &&
      (recentOnset(ctx) || (ctx.a.onset === undefined && ctx.a.durationDays === undefined)),
    reason:
      'A knee that has newly swollen without an injury is treated as a possible infection or gout until a doctor has seen it, the same day.',
    sources: ['bsrHotJoint', 'niceCksKnee'],
  },
  {
    id: 'several-joints-inflamed',
    tier: 'urgent',
    mustNotMiss: ['crystal_arthritis', 'septic_arthritis'],
    keys: ['otherJointsPainful', 'swelling', 'kneeWarm', 'kneeRed', 'trauma', 'onset', 'durationDays'],
    // Two joints flaring together after a run and a few drinks is the classic gout story; without an injury a
    // recent pain in another joint counts even when no swelling was mentioned.
    test: (ctx) =>
      ctx.a.otherJointsPainful === true &&
      (swollen(ctx) ||
        warm(ctx) ||
        red(ctx) ||
        (ctx.a.trauma !== true &&
          (ctx.a.onset === 'sudden' || (ctx.a.durationDays !== undefined && ctx.a.durationDays <= 14)))),
    reason:
      'Another joint swelling or hurting at the same time points to gout, a reactive arthritis or an infection: see a doctor today.',
    sources: ['bsrHotJoint', 'janssens2010'],
  },
  {
    id: 'swelling-with-infection-risk',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['immunosuppressed', 'recentJointProcedure', 'swelling', 'kneeWarm', 'kneeRed'],
    // A swelling only behind the knee is a popliteal (Baker's) cyst or a clot, each with its own same-day
    // rule; naming joint infection for it pushed the cyst itself out of the first three read.
    test: (ctx) =>
      (ctx.a.immunosuppressed === true || ctx.a.recentJointProcedure === true) &&
      ((swollen(ctx) && ctx.f.swellBehind !== true) || warm(ctx) || red(ctx)),
    reason:
      'A swollen or inflamed knee after a recent injection or operation, or with lowered immunity, must be checked today for infection.',
    sources: ['margaretten2007', 'bsrHotJoint'],
  },
  {
    id: 'new-pain-with-infection-risk',
    tier: 'urgent',
    mustNotMiss: ['septic_arthritis', 'crystal_arthritis'],
    keys: ['immunosuppressed', 'recentJointProcedure', 'trauma', 'onset', 'durationDays'],
    // Lowered immunity blunts the warmth, redness and fever that usually announce an infected joint, so a
    // knee that became painful in the last week without an injury is checked the same day.
    test: (ctx) =>
      (ctx.a.immunosuppressed === true || ctx.a.recentJointProcedure === true) &&
      ctx.a.trauma !== true &&
      ctx.a.onset !== 'gradual' &&
      ctx.a.durationDays !== undefined &&
      ctx.a.durationDays <= 7,
    reason:
      'A knee that became painful in the last few days, without an injury, after a joint injection or operation or with lowered immunity, must be checked today for infection (the usual warning signs can be muted).',
    sources: ['margaretten2007', 'bsrHotJoint'],
  },
  {
    id: 'swelling-with-active-cancer',
    tier: 'urgent',
    mustNotMiss: ['dvt', 'bone_tumour'],
    keys: ['activeCancer', 'swelling', 'swellingLocation', 'trauma'],
    test: (ctx) => ctx.a.activeCancer === true && swollen(ctx) && ctx.a.trauma !== true,
    reason:
      'A new painful swelling at the knee during cancer treatment needs a same-day check for a clot, and an X-ray for a bone deposit.',
    sources: ['ng158', 'ng12'],
  },
  {
    id: 'bursa-worsening-infection-unknown',
    tier: 'urgent',
    mustNotMiss: ['septic_bursitis', 'septic_arthritis'],
    keys: ['swellingLocation', 'improving', 'kneeWarm', 'kneeRed', 'redHotJoint'],
    // "Don't know" is not "no": a kneecap bursa that keeps getting worse is checked for infection today
    // unless the person has said it is neither warm nor red.
    test: (ctx) =>
      bursaSwelling(ctx) &&
      (ctx.a.improving === false || septicRisk(ctx)) &&
      ctx.a.kneeWarm === undefined &&
      ctx.a.kneeRed === undefined &&
      ctx.a.redHotJoint === undefined,
    reason:
      'A swelling over or below the kneecap that keeps getting worse (or with lowered immunity) may be infected: unless it is neither warm nor red, have it checked today.',
    sources: ['tayside', 'bsrHotJoint'],
  },
  {
    id: 'swelling-after-surgery-or-bed-rest',
    tier: 'urgent',
    mustNotMiss: ['septic_arthritis', 'crystal_arthritis', 'dvt'],
    keys: ['recentSurgeryOrImmobile', 'swelling', 'swellingLocation', 'trauma'],
    // After an operation or time in bed a newly swollen knee is a flare of crystals (pseudogout is common
    // after surgery), an infection or a clot until a same-day examination says otherwise.
    test: (ctx) => ctx.a.recentSurgeryOrImmobile === true && swollen(ctx) && ctx.a.trauma !== true,
    reason:
      'A knee that swells after an operation, a cast or time in bed needs checking today for a clot, an infection or a crystal flare.',
    sources: ['bsrHotJoint', 'ng158'],
  },
  {
    id: 'spreading-redness',
    tier: 'urgent',
    mustNotMiss: infectionIds,
    keys: ['rednessSpreading', 'swellingLocation', 'skinBreak', 'kneelingPain'],
    test: ({ a }) => a.rednessSpreading === true,
    reason:
      'Redness spreading over the knee (often from a graze over a swollen bursa) is an infection that needs antibiotics today.',
    sources: ['tayside', 'niceCksKnee'],
  },
  {
    id: 'suspected-clot',
    tier: 'urgent',
    // A leg clot can travel to the lungs. Breathless or in chest pain, the clot in the lungs leads with the
    // leg's; not asked yet, it stays on the list as "not ruled out yet" (unanswered-screen.ts) until the
    // person says they are neither; NICE NG158 assesses it on those symptoms, not on the leg alone.
    mustNotMiss: ({ a }) =>
      a.breathless === true || a.chestPain === true ? ['dvt', 'pulmonary_embolism'] : ['dvt'],
    keys: [
      'calfSwelling',
      'calfPain',
      'recentLongTravel',
      'previousClot',
      'activeCancer',
      'recentSurgeryOrImmobile',
    ],
    test: clotLikeCalf,
    reason:
      "A painful or swollen calf needs a scan the same day to rule out a clot (a burst Baker's cyst looks the same from outside).",
    sources: ['ng158', 'wells2003', 'bakersCyst'],
  },
  {
    id: 'new-lump-behind-knee',
    tier: 'urgent',
    mustNotMiss: ['dvt'],
    keys: [
      'lumpBehindKnee',
      'onset',
      'durationDays',
      'previousClot',
      'activeCancer',
      'recentSurgeryOrImmobile',
    ],
    test: (ctx) => ctx.a.lumpBehindKnee === true && (recentOnset(ctx) || clotRisk(ctx)),
    reason:
      'A new painful lump behind the knee, or one with a risk of clots, needs a same-day check: a clot must be excluded before calling it a cyst.',
    sources: ['ng158', 'bakersCyst'],
  },
  {
    id: 'back-of-knee-pain-with-clot-risk',
    tier: 'urgent',
    mustNotMiss: ['dvt'],
    keys: [
      'painLocation',
      'swellingLocation',
      'previousClot',
      'activeCancer',
      'recentSurgeryOrImmobile',
      'recentLongTravel',
    ],
    test: (ctx) => clotRisk(ctx) && (locatedAt(ctx, 'posterior') || ctx.f.swellBehind === true),
    reason:
      'Pain or swelling behind the knee with a risk factor for clots (a previous clot, cancer, surgery, a cast or a long journey) needs a same-day clot check.',
    sources: ['ng158', 'wells2003'],
  },
  {
    id: 'breathless',
    tier: 'urgent',
    mustNotMiss: ['pulmonary_embolism'],
    keys: ['breathless'],
    test: ({ a }) => a.breathless === true,
    reason: 'New breathlessness needs a doctor today.',
    sources: ['ng158', 'nhsDvt'],
  },
  {
    id: 'blood-in-the-joint',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'swelling', 'swellingOnsetHours', 'popHeard'],
    test: (ctx) =>
      acuteInjury(ctx) &&
      (ctx.f.swellingSevere === true ||
        (swollen(ctx) && ctx.f.swellingFast === true) ||
        (ctx.a.popHeard === true && swollen(ctx))),
    reason:
      'Swelling within hours of an injury (or a pop and swelling) usually means bleeding inside the joint, most often a torn ACL or a fracture; it should be assessed today.',
    sources: ['niceCksAcuteKnee', 'maffulli1993', 'gpnotebookAcl'],
  },
  {
    id: 'child-swollen-after-injury',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture', 'patellar_dislocation'],
    keys: ['age', 'trauma', 'swelling', 'durationDays'],
    // In children and teenagers a knee that swells after an injury hides a fracture through the growth
    // plate, a tibial spine avulsion (their version of an ACL tear) or a kneecap dislocation in most cases.
    test: (ctx) => child(ctx) && acuteInjury(ctx) && swollen(ctx),
    reason:
      'A child or teenager whose knee swells after an injury needs an X-ray today: at that age the injury is often a piece of bone pulled off with a ligament, or a growth-plate fracture.',
    sources: ['stanitski1993', 'niceCksAcuteKnee'],
  },
  {
    id: 'fresh-injury-walking-unknown',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'durationDays', 'canBearWeight', 'canWalk4StepsNow', 'couldWalk4StepsImmediately'],
    // "Don't know" is not "no": within the first days of an injury, not knowing whether the leg takes
    // weight means the Ottawa rule cannot clear a fracture, so the same-day tier stands until it is answered.
    test: (ctx) =>
      ctx.a.trauma === true &&
      ctx.a.onset !== 'gradual' &&
      (ctx.a.durationDays === undefined ||
        ctx.a.durationDays <= 2 ||
        // Not able to walk straight after it: the Ottawa rule stays open for its whole 7-day window.
        (ctx.a.couldWalk4StepsImmediately === false && ctx.a.durationDays <= 7)) &&
      ctx.a.canBearWeight === undefined &&
      ctx.a.canWalk4StepsNow === undefined &&
      // Not walking right after it only adds to the worry; having walked at once is what lowers it.
      ctx.a.couldWalk4StepsImmediately !== true,
    reason:
      'A fresh injury and we do not know yet whether the leg takes your weight: unless you can walk four steps on it, it needs an X-ray today.',
    sources: ['stiell1996', 'niceCksAcuteKnee'],
  },
  {
    id: 'injury-today-fracture-not-cleared',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: ['trauma', 'durationDays', 'fibularHeadTenderness', 'isolatedPatellarTenderness', 'canFlex90'],
    // On the day of an injury, the Ottawa rule is what clears a fracture without an X-ray; with its items
    // still unanswered it has not cleared one, and blood in the joint (swelling within hours) may not have
    // shown yet. "Don't know" is not "no", so the same-day tier stands until the items are answered. Only an
    // injury the person dates to today: a knee hurt "recently" keeps the within-days tier.
    test: (ctx) =>
      ctx.a.trauma === true &&
      ctx.a.onset !== 'gradual' &&
      ctx.a.durationDays !== undefined &&
      ctx.a.durationDays < 1 &&
      !ctx.ottawa.positive &&
      ctx.ottawa.criteriaUnknown.length > 0,
    keysFor: ({ a }) => (['trauma', 'durationDays'] as const).filter((k) => a[k] !== undefined),
    reason:
      'You were injured today and the questions that rule out a broken bone (tenderness over the kneecap or the bony point on the outside of the knee, bending it to a right angle) are not answered yet: until they are, have it seen today.',
    sources: ['stiell1996', 'niceCksAcuteKnee'],
  },
  {
    id: 'sudden-pain-no-injury-joint-unknown',
    tier: 'urgent',
    mustNotMiss: ['crystal_arthritis', 'septic_arthritis'],
    keys: ['onset', 'trauma', 'durationDays', 'swelling'],
    // Severe pain out of nowhere within a day or two, with no injury, is how gout and an infected joint
    // begin (BSR/BOA hot swollen joint). "Don't know" is not "no": until swelling is answered, the hot-joint
    // rules cannot clear it, so the same-day tier stands.
    test: (ctx) =>
      ctx.a.trauma !== true &&
      // A new pain of a few days with no injury and no gradual build-up is an acute joint until shown
      // otherwise, whether or not the person calls it sudden.
      (ctx.a.onset === 'sudden' || (ctx.a.onset === undefined && ctx.a.trauma === false)) &&
      ctx.a.durationDays !== undefined &&
      ctx.a.durationDays <= 3 &&
      // Swelling decides: a knee that is not warm can still be a crystal attack filling with fluid; one
      // that is warm or red is the hot-joint rules' (they fire on their own).
      ctx.a.swelling === undefined &&
      ctx.a.swellingLocation === undefined &&
      // A sudden painful calf is the clot rules' story (a clot or a burst Baker's cyst), not the joint's.
      !calf(ctx),
    reason:
      'Pain that came on in the last few days without an injury can be the start of gout or an infected joint: unless you can see the knee is not swollen, have it seen today.',
    sources: ['bsrHotJoint', 'niceCksKnee'],
  },
  {
    id: 'pop-at-injury',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['trauma', 'popHeard', 'givingWay'],
    // Same day while the knee is fresh and unsettled; one that is already getting better is examined within
    // days for the ligament (the 'injury-needs-review' rule), the fracture questions being asked either way.
    test: (ctx) => acuteInjury(ctx) && ctx.a.popHeard === true && ctx.a.improving !== true,
    reason:
      'A pop at the moment of injury suggests a torn ligament (usually the ACL); have it assessed the same day.',
    sources: ['niceCksAcuteKnee', 'solomon2001'],
  },
  {
    id: 'pop-without-injury',
    tier: 'urgent',
    mustNotMiss: ['extensor_mechanism_rupture', 'acute_fracture'],
    keys: ['popHeard', 'trauma', 'onset', 'durationDays'],
    // A pop with sudden pain and no injury to explain it is something giving way inside: a thigh or kneecap
    // tendon weakened by age, steroids or kidney disease (Ilan 2003), or a bone weakened by thinning or a
    // lesion. Either is seen the same day; "don't know" about an injury is not "no".
    test: (ctx) =>
      ctx.a.popHeard === true &&
      ctx.a.trauma !== true &&
      ctx.a.onset === 'sudden' &&
      (ctx.a.durationDays === undefined || ctx.a.durationDays <= 14),
    reason:
      'A pop with sudden pain and no injury can be a tendon or a weakened bone giving way: have it seen today.',
    sources: ['ilan2003', 'niceCksAcuteKnee'],
  },
  {
    id: 'locked-now',
    tier: 'urgent',
    mustNotMiss: ['locked_knee'],
    keys: ['lockedNow'],
    test: ({ a }) => a.lockedNow === true,
    reason: 'A knee that is stuck and will not straighten may have a torn piece of cartilage caught in it.',
    sources: ['niceCksAcuteKnee', 'glos'],
  },
  {
    id: 'cannot-straighten-after-injury',
    tier: 'urgent',
    mustNotMiss: ['locked_knee'],
    keys: ['trauma', 'canFullyStraighten'],
    test: (ctx) => acuteInjury(ctx) && ctx.a.canFullyStraighten === false,
    reason:
      'A knee that cannot be straightened after an injury may be blocked by a torn meniscus or have a tendon injury: same-day assessment.',
    sources: ['niceCksAcuteKnee'],
  },
  {
    id: 'kneecap-dislocated',
    tier: 'urgent',
    mustNotMiss: ['patellar_dislocation'],
    keys: ['patellaDisplaced'],
    test: ({ a }) => a.patellaDisplaced === true,
    reason:
      'A kneecap that slipped out of place needs checking today (an X-ray for a broken-off piece), even if it went back.',
    sources: ['niceCksAcuteKnee', 'stefancin2007'],
  },
  {
    id: 'cannot-bear-weight',
    tier: 'urgent',
    // Without an injury a leg that takes no weight is still a fracture until an X-ray says otherwise: a
    // bone that cracked under repeated load (a runner's stress fracture, IOC bone-stress consensus) or an
    // insufficiency or weakened bone in older age. A hot joint is the infection rules' concern instead.
    // With no injury named and no slow build-up (the overloaded bone's story), an infected joint or a crystal
    // attack is the other reason a knee takes no weight within days (BSR/BOA hot swollen joint), before any
    // warmth is reported.
    mustNotMiss: (ctx) =>
      warm(ctx) || red(ctx) || ctx.f.fever === true
        ? []
        : ctx.a.trauma !== true && ctx.a.onset !== 'gradual' && (ctx.a.durationDays ?? 0) <= 14
          ? ['acute_fracture', 'septic_arthritis', 'crystal_arthritis']
          : ['acute_fracture'],
    keys: ['canBearWeight'],
    test: ({ a }) => a.canBearWeight === false,
    reason:
      'You cannot put weight on the leg: that needs a same-day assessment, with an X-ray for a broken or cracked bone (after an injury, or from overload without one).',
    sources: ['niceCksKnee', 'bsi'],
  },
  {
    id: 'sudden-buckling-straight-leg-unknown',
    tier: 'urgent',
    mustNotMiss: ['extensor_mechanism_rupture', 'acute_fracture'],
    keys: ['onset', 'givingWay', 'trauma', 'canStraightLegRaise', 'improving', 'durationDays'],
    // A knee that suddenly buckles with pain is how a quadriceps or kneecap tendon tears in middle and older
    // age (walking down stairs, a stumble) and how a fracture around a replaced knee starts; a torn tendon is
    // missed in up to a third of first visits. Until the person has lifted the straight leg, the extensor
    // mechanism is not cleared, so it is checked the same day (NICE CKS; Ilan 2003).
    // With an injury the person names (a pivot, a tackle) the injury rules decide; this is the buckling
    // that is itself the event.
    test: ({ a }) =>
      a.trauma !== true &&
      a.onset === 'sudden' &&
      a.givingWay === true &&
      a.canStraightLegRaise !== true &&
      a.improving !== true &&
      (a.durationDays === undefined || a.durationDays <= 14),
    reason:
      'Your knee suddenly gave way with pain: until you have shown you can lift the straightened leg off the bed, a torn thigh or kneecap tendon (or a fracture) has to be ruled out today.',
    sources: ['niceCksAcuteKnee', 'ilan2003'],
  },
  {
    id: 'unstable-after-injury',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['trauma', 'givingWay', 'locking'],
    test: (ctx) =>
      acuteInjury(ctx) && (ctx.a.givingWay === true || ctx.a.locking === true) && ctx.a.improving !== true,
    reason: 'Giving way or locking right after an injury suggests a torn ligament or meniscus.',
    sources: ['niceCksAcuteKnee', 'solomon2001'],
  },
  {
    id: 'both-knees-injured',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture', 'extensor_mechanism_rupture'],
    keys: ['trauma', 'side', 'onset'],
    // Both knees hurting suddenly at the same moment is how both thigh tendons tear (a squat, a stumble on a
    // stair); until the person says whether an injury started it, it is read as one ("don't know" is not "no").
    test: (ctx) =>
      ctx.a.side === 'both' &&
      (acuteInjury(ctx) ||
        (ctx.a.trauma === undefined &&
          ctx.a.onset === 'sudden' &&
          (ctx.a.durationDays === undefined || ctx.a.durationDays <= 14))),
    reason:
      'Both knees hurt after the same fall or strain: that force can break bone or tear both thigh tendons — same-day assessment.',
    sources: ['niceCksAcuteKnee', 'quadTendon'],
  },
  {
    id: 'child-hip-signs',
    tier: 'urgent',
    mustNotMiss: ['scfe'],
    keys: ['age', 'limp', 'thighPain', 'groinPain', 'hipStiffness', 'footTurnsOut', 'overweight'],
    test: (ctx) => scfeAge(ctx) && (hipSigns(ctx) || ctx.a.overweight === true),
    reason:
      'At 9–16, knee pain with a limp, thigh or hip pain, a foot turned out, or extra weight can come from a slipped hip growth plate (SCFE): the hip must be examined today.',
    sources: ['boastScfe', 'peck2017', 'matava1999'],
  },
  {
    id: 'child-kneecap-injury',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: ['age', 'trauma', 'onset', 'swellingLocation', 'isolatedPatellarTenderness', 'jumpingPain'],
    test: (ctx) =>
      ctx.a.age !== undefined &&
      ctx.a.age <= 17 &&
      (ctx.a.trauma === true || ctx.a.onset === 'sudden') &&
      (bursaSwelling(ctx) ||
        ctx.a.isolatedPatellarTenderness === true ||
        // a sudden pain just below the kneecap on take-off or landing: the tibial tubercle can be pulled off
        (ctx.a.onset === 'sudden' && locatedAt(ctx, 'inferior-patellar'))),
    reason:
      'A child or teenager with sudden pain and swelling at or just below the kneecap after sport needs an X-ray today: the growing edge of the kneecap or the bump below it can be pulled off.',
    sources: ['houghton1979', 'bulloch2003'],
  },
  {
    id: 'hip-bone-stress',
    tier: 'urgent',
    mustNotMiss: ['acute_fracture'],
    keys: [
      'groinPain',
      'thighPain',
      'hopPain',
      'focalBoneTenderness',
      'nightPain',
      'painAtRest',
      'painWalking',
      'improving',
      'weeklyDistanceChangePct',
    ],
    test: ({ a }) =>
      a.trauma !== true &&
      (a.groinPain === true || a.thighPain === true) &&
      // A bone under stress breaks or heals within months; pain unchanged for over a year is another story
      // (joint wear, referred pain), seen within days by the hip-or-spine rule instead.
      !(a.durationDays !== undefined && a.durationDays > 365) &&
      (a.hopPain === true ||
        a.focalBoneTenderness === true ||
        a.nightPain === true ||
        a.painAtRest === true ||
        a.painWalking === true ||
        // missed periods mark low energy availability, the main risk of a femoral-neck fracture (IOC REDs)
        a.amenorrhoea === true ||
        // hip or thigh pain that keeps getting worse or grows with running, with no back pain to explain it
        // and not the outer-thigh band pain of the iliotibial band (thigh pain beside outer-knee pain)
        ((a.improving === false ||
          (a.weeklyDistanceChangePct !== undefined && a.weeklyDistanceChangePct > 0)) &&
          a.backPain !== true &&
          !(a.groinPain !== true && painLocations(a).includes('lateral')))),
    reason:
      'Groin or thigh pain that hurts on hopping or walking, or grows with your running, can be a stress fracture of the hip bone, which can break through if you keep running: same-day X-ray or MRI.',
    sources: ['warden2021', 'iocReds2023', 'bsi', 'khan2004'],
  },
  {
    id: 'progressive-weakness',
    tier: 'urgent',
    mustNotMiss: [],
    keys: ['progressiveWeakness'],
    test: ({ a }) => a.progressiveWeakness === true,
    reason: 'Weakness that is getting worse points to a nerve problem that needs a doctor today.',
    sources: ['lumbarReferral', 'niceCksKnee'],
  },
  {
    id: 'no-straight-leg-raise',
    tier: 'urgent',
    mustNotMiss: ['extensor_mechanism_rupture'],
    keys: ['canStraightLegRaise'],
    test: ({ a }) => a.canStraightLegRaise === false,
    reason:
      'Not being able to lift the straightened leg needs a same-day check of the thigh and kneecap tendons.',
    sources: ['niceCksAcuteKnee'],
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
    mustNotMiss: ({ a }) =>
      a.trauma === true ? ['acute_fracture'] : ['septic_arthritis', 'crystal_arthritis'],
    keys: ['swelling', 'trauma', 'historyOfGout'],
    // Marked swelling needs a same-day look whether or not an injury started it (and however long ago):
    // without one, infection and crystals; with one, blood in the joint or a fracture.
    test: ({ a, f }) => f.swellingSevere === true || (a.historyOfGout === true && f.swellingAny === true),
    reason:
      'A badly swollen knee needs checking today: infection, gout-type crystals or bleeding into the joint must be excluded.',
    sources: ['bsrHotJoint', 'niceCksKnee', 'niceCksAcuteKnee'],
  },
];
