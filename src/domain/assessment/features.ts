/**
 * Clinical features derived from the answers. Scoring works on features, not raw keys, so that a number
 * ("swelling appeared 2 hours after the injury") and a choice ("swelling: severe") become yes/no/unknown
 * findings with one meaning each. Every feature names the answer keys it came from, which is how each
 * reason in the output stays tied to an answer. `undefined` means "not asked / don't know": it never
 * counts as "no".
 */
import type { AnswerKey, BooleanKey, PainLocation } from './answer-keys.ts';
import { type Answers, painLocations } from './answers.schema.ts';

export type FeatureValue = boolean | undefined;

export interface FeatureDef {
  /** Answer keys this feature reads. */
  keys: readonly AnswerKey[];
  /** Plain words for the feature when present, used in reasons ("pain on the outer side of the knee"). */
  label: string;
  /** How common this feature is among runners with knee pain in general (the baseline of the LRs). */
  base: number;
  /** Wording when the feature is absent, where "you answered no to …" would read badly. */
  absentLabel?: string;
  /** The whole reason, where neither "you report …" nor "you answered no to …" fits (sex, for one). */
  reason?: (present: boolean, raises: boolean) => string;
  derive(a: Partial<Answers>): FeatureValue;
}

const flag =
  (key: BooleanKey) =>
  (a: Partial<Answers>): FeatureValue =>
    a[key];

function fromBool(key: BooleanKey, label: string, base: number): FeatureDef {
  return { keys: [key], label, base, derive: flag(key) };
}

function location(loc: PainLocation, label: string, base: number): FeatureDef {
  return {
    keys: ['painLocation'],
    label,
    absentLabel: `no ${label}`,
    base,
    derive: (a) => (a.painLocation === undefined ? undefined : painLocations(a).includes(loc)),
  };
}

function swellingAt(where: NonNullable<Answers['swellingLocation']>, label: string): FeatureDef {
  return {
    keys: ['swellingLocation'],
    label,
    base: 0.05,
    derive: (a) => (a.swellingLocation === undefined ? undefined : a.swellingLocation === where),
  };
}

const num = (v: number | undefined, test: (n: number) => boolean): FeatureValue =>
  v === undefined ? undefined : test(v);

export const FEATURES = {
  locAnterior: location('anterior', 'pain around or behind the kneecap', 0.45),
  locInferior: location('inferior-patellar', 'pain just below the kneecap', 0.15),
  locLateral: location('lateral', 'pain on the outer side of the knee', 0.25),
  locMedial: location('medial', 'pain on the inner side of the knee', 0.2),
  locPosterior: location('posterior', 'pain behind the knee', 0.1),
  locDiffuse: location('diffuse', 'pain over the whole knee', 0.1),
  sudden: {
    keys: ['onset'],
    label: 'a sudden start',
    absentLabel: 'it started gradually',
    base: 0.25,
    derive: (a) => (a.onset === undefined ? undefined : a.onset === 'sudden'),
  },
  trauma: {
    ...fromBool('trauma', 'a fall, twist, collision or blow started it', 0.2),
    absentLabel: 'no injury started it',
  },
  pop: fromBool('popHeard', 'a pop or snap at the moment of injury', 0.05),
  swellingAny: {
    keys: ['swelling', 'swellingLocation'],
    label: 'swelling of the knee',
    base: 0.2,
    // Saying where the swelling is says there is one, even when its size was not given.
    derive: (a) =>
      a.swelling !== undefined ? a.swelling !== 'none' : a.swellingLocation !== undefined ? true : undefined,
  },
  swellingSevere: {
    keys: ['swelling'],
    label: 'marked swelling',
    base: 0.05,
    derive: (a) => (a.swelling === undefined ? undefined : a.swelling === 'severe'),
  },
  swellingFast: {
    keys: ['swellingOnsetHours'],
    label: 'swelling within about 3 hours of the injury',
    base: 0.05,
    // Haemarthrosis swells within ~1–3 h (≈80 % of ACL tears within 3 h); reactive effusions take 6–24 h.
    derive: (a) => num(a.swellingOnsetHours, (h) => h <= 3),
  },
  swellOnKneecap: swellingAt('on-kneecap', 'a swelling on the front of the kneecap'),
  swellBelowKneecap: swellingAt('below-kneecap', 'a swelling just below the kneecap'),
  swellBehind: swellingAt('behind-knee', 'a swelling behind the knee'),
  swellWhole: swellingAt('whole-joint', 'the whole joint swollen'),
  longStanding: {
    keys: ['durationDays'],
    label: 'pain for three months or more',
    base: 0.2,
    derive: (a) => num(a.durationDays, (d) => d >= 90),
  },
  distanceTriggered: {
    keys: ['painStartsAfterKm'],
    label: 'pain that reliably starts a certain distance into a run',
    base: 0.2,
    derive: (a) => num(a.painStartsAfterKm, (km) => km >= 1),
  },
  warmsUp: fromBool('warmsUp', 'pain that eases once warmed up and returns afterwards', 0.2),
  nightPain: fromBool('nightPain', 'pain at night', 0.08),
  restPain: fromBool('painAtRest', 'constant pain unrelated to activity', 0.05),
  morningStiffShort: {
    keys: ['morningStiffnessMin'],
    label: 'morning stiffness that wears off within 30 minutes',
    base: 0.2,
    derive: (a) => num(a.morningStiffnessMin, (m) => m > 0 && m <= 30),
  },
  morningStiffLong: {
    keys: ['morningStiffnessMin'],
    label: 'morning stiffness lasting more than 30 minutes',
    base: 0.04,
    derive: (a) => num(a.morningStiffnessMin, (m) => m > 30),
  },
  stiffAfterSitting: fromBool('stiffAfterSitting', 'stiffness after sitting', 0.25),
  stairs: fromBool('stairsPain', 'pain on stairs', 0.4),
  sitting: fromBool('sittingPain', 'pain when sitting with the knee bent', 0.2),
  squatting: fromBool('squattingPain', 'pain when squatting', 0.35),
  downhill: fromBool('downhillPain', 'pain running downhill', 0.3),
  jumping: fromBool('jumpingPain', 'pain when jumping', 0.15),
  hop: fromBool('hopPain', 'pain when hopping on that leg', 0.15),
  kneeling: fromBool('kneelingPain', 'pain when kneeling', 0.15),
  crossLegged: fromBool('crossLeggedPain', 'pain sitting cross-legged', 0.08),
  hyperextension: fromBool('hyperextensionPain', 'pain when the knee is pushed fully straight', 0.08),
  standing: fromBool('prolongedStandingPain', 'pain after standing a long time', 0.12),
  twisting: fromBool('twistingPain', 'pain when twisting on the leg', 0.15),
  risingChair: fromBool('risingFromChairPain', 'pain rising from a chair', 0.25),
  locking: fromBool('locking', 'the knee sometimes gets stuck', 0.05),
  lockedNow: fromBool('lockedNow', 'the knee cannot be straightened right now', 0.01),
  catching: fromBool('catching', 'catching', 0.1),
  clicking: fromBool('clicking', 'clicking', 0.2),
  painfulClicking: fromBool('painfulClicking', 'painful clicking', 0.07),
  crepitus: fromBool('crepitus', 'grinding (crepitus)', 0.2),
  givingWay: fromBool('givingWay', 'the knee gives way', 0.1),
  recurrentGivingWay: fromBool('recurrentGivingWay', 'the knee keeps giving way', 0.04),
  jointLine: fromBool('jointLineTenderness', 'tenderness on the joint line', 0.1),
  focalBone: fromBool('focalBoneTenderness', 'one spot on the bone is tender', 0.06),
  fibularHead: fromBool(
    'fibularHeadTenderness',
    'the bony bump on the outer side below the knee is tender',
    0.03,
  ),
  patellarTender: fromBool('isolatedPatellarTenderness', 'the kneecap itself is tender', 0.05),
  lumpBehind: fromBool('lumpBehindKnee', 'a lump behind the knee', 0.03),
  boneSwelling: fromBool('boneSwelling', 'a swelling of the bone', 0.02),
  calfSwelling: fromBool('calfSwelling', 'a swollen calf', 0.02),
  calfPain: fromBool('calfPain', 'calf pain', 0.05),
  // A bruise that tracks down to the ankle after the calf swells (the "crescent sign") is the fluid of a
  // burst Baker's cyst; a clot does not bruise (bakersCyst).
  ankleBruising: fromBool('ankleBruising', 'new bruising around the ankle', 0.01),
  groinPain: fromBool('groinPain', 'groin pain', 0.04),
  hipStiffness: fromBool('hipStiffness', 'a stiff hip', 0.04),
  backPain: fromBool('backPain', 'back pain', 0.1),
  numbness: fromBool('numbness', 'numbness or tingling', 0.05),
  limp: fromBool('limp', 'a limp', 0.08),
  footTurnsOut: fromBool('footTurnsOut', 'the foot turns outwards when walking', 0.03),
  resistedFlexion: fromBool('resistedKneeFlexionPain', 'pain bending the knee against resistance', 0.1),
  cannotStraighten: {
    keys: ['canFullyStraighten'],
    label: 'the knee does not fully straighten',
    base: 0.05,
    derive: (a) => (a.canFullyStraighten === undefined ? undefined : !a.canFullyStraighten),
  },
  gapAbove: fromBool('gapAbovePatella', 'a gap or dent just above the kneecap', 0.005),
  noStraightLegRaise: {
    keys: ['canStraightLegRaise'],
    label: 'cannot lift the straightened leg',
    base: 0.02,
    derive: (a) => (a.canStraightLegRaise === undefined ? undefined : !a.canStraightLegRaise),
  },
  previousInjury: fromBool('previousKneeInjury', 'an earlier knee injury', 0.2),
  knownOA: fromBool('knownKneeOA', 'known knee osteoarthritis', 0.08),
  goutHistory: fromBool('historyOfGout', 'a history of gout', 0.02),
  hypermobile: fromBool('hypermobile', 'very flexible (hypermobile) joints', 0.08),
  growthSpurt: fromBool('growthSpurt', 'a recent growth spurt', 0.05),
  amenorrhoea: fromBool('amenorrhoea', 'missed periods', 0.03),
  novice: fromBool('noviceRunner', 'new to running', 0.25),
  overweight: fromBool('overweight', 'carrying extra weight', 0.2),
  female: {
    keys: ['sex'],
    label: 'female sex',
    base: 0.45,
    reason: (woman, raises) =>
      `This is ${raises ? 'more' : 'less'} common in ${woman ? 'women' : 'men'} than in ${woman ? 'men' : 'women'}`,
    derive: (a) => (a.sex === undefined || a.sex === 'other' ? undefined : a.sex === 'female'),
  },
  redHot: fromBool('redHotJoint', 'a red, hot knee', 0.02),
  // Warmth and redness apart (the spec asks them separately); `redHotJoint` = both, so a "yes" to it says
  // yes to each (and wins over a contradicting "no": a red flag is never talked down), while a "no" to it
  // says nothing about either alone.
  warm: {
    keys: ['kneeWarm', 'redHotJoint'],
    label: 'a knee that feels warm',
    base: 0.05,
    derive: (a) => (a.redHotJoint === true ? true : a.kneeWarm),
  },
  red: {
    keys: ['kneeRed', 'redHotJoint'],
    label: 'red skin over the knee',
    base: 0.03,
    derive: (a) => (a.redHotJoint === true ? true : a.kneeRed),
  },
  notImproving: {
    keys: ['improving'],
    label: 'pain that is not getting better',
    absentLabel: 'it is getting better',
    base: 0.3,
    derive: (a) => (a.improving === undefined ? undefined : !a.improving),
  },
  bothKnees: {
    keys: ['side'],
    label: 'both knees affected',
    absentLabel: 'one knee only',
    base: 0.1,
    derive: (a) => (a.side === undefined ? undefined : a.side === 'both'),
  },
  otherJoints: fromBool('otherJointsPainful', 'another joint painful or swollen at the same time', 0.03),
  thighPain: fromBool('thighPain', 'pain in the thigh or hip as well', 0.06),
  painWalking: fromBool('painWalking', 'pain on ordinary walking', 0.2),
  // Without an injury, a leg that will not take weight is bone (stress fracture, infection) far more often
  // than a tendon or kneecap overuse problem, which hurt on running, stairs or squatting but let you stand.
  cannotStandUninjured: {
    keys: ['canBearWeight', 'trauma'],
    label: 'cannot put weight on the leg, with no injury',
    absentLabel: 'can put weight on the leg',
    base: 0.03,
    derive: (a) => (a.canBearWeight === undefined || a.trauma === true ? undefined : !a.canBearWeight),
  },
  weightLoss: fromBool('weightLoss', 'weight loss, night sweats or feeling unwell for weeks', 0.01),
  immunosuppressed: fromBool('immunosuppressed', 'a condition or treatment that lowers immunity', 0.05),
  recentProcedure: fromBool('recentJointProcedure', 'an injection or operation on the knee recently', 0.02),
  fever: {
    keys: ['fever', 'temperatureC'],
    label: 'fever',
    base: 0.02,
    derive: (a) =>
      a.fever === true || (a.temperatureC !== undefined && a.temperatureC >= 38)
        ? true
        : a.fever === false || a.temperatureC !== undefined
          ? false
          : undefined,
  },
} satisfies Record<string, FeatureDef>;

export type FeatureId = keyof typeof FEATURES;
export type FeatureSet = Readonly<Partial<Record<FeatureId, boolean>>>;

/** Derive every feature that the answers determine; unknown features are absent, not false. */
export function deriveFeatures(answers: Partial<Answers>): FeatureSet {
  const out: Partial<Record<FeatureId, boolean>> = {};
  for (const [id, def] of Object.entries(FEATURES) as [FeatureId, FeatureDef][]) {
    const v = def.derive(answers);
    if (v !== undefined) out[id] = v;
  }
  return out;
}
