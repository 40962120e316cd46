/**
 * The fixed answer vocabulary of ../shared/spec/assessment.md, as data. One table drives the zod schema,
 * the "accepted values" text of validation errors and the questionnaire's input kinds, so the three can
 * never disagree about what a key accepts.
 */

export const PAIN_LOCATIONS = [
  'anterior',
  'inferior-patellar',
  'lateral',
  'medial',
  'posterior',
  'diffuse',
] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];

export const SWELLING_LOCATIONS = ['on-kneecap', 'below-kneecap', 'behind-knee', 'whole-joint'] as const;
export const SWELLING_AMOUNTS = ['none', 'mild', 'severe'] as const;
export const SEXES = ['female', 'male', 'other'] as const;
export const SIDES = ['left', 'right', 'both'] as const;
export const ONSETS = ['sudden', 'gradual'] as const;

export type KeySpec =
  | { kind: 'boolean' }
  | { kind: 'choice'; values: readonly string[] }
  /** One value or an array of values (only `painLocation`). */
  | { kind: 'multi'; values: readonly string[] }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean };

const bool = { kind: 'boolean' } as const;

const BOOLEAN_KEYS = [
  'trauma',
  'popHeard',
  'improving',
  'warmsUp',
  'nightPain',
  'painAtRest',
  'stiffAfterSitting',
  'stairsPain',
  'sittingPain',
  'squattingPain',
  'downhillPain',
  'jumpingPain',
  'hopPain',
  'kneelingPain',
  'crossLeggedPain',
  'hyperextensionPain',
  'prolongedStandingPain',
  'twistingPain',
  'risingFromChairPain',
  'locking',
  'lockedNow',
  'catching',
  'clicking',
  'painfulClicking',
  'crepitus',
  'givingWay',
  'recurrentGivingWay',
  'canBearWeight',
  'couldWalk4StepsImmediately',
  'canWalk4StepsNow',
  'canFlex90',
  'isolatedPatellarTenderness',
  'fibularHeadTenderness',
  'jointLineTenderness',
  'focalBoneTenderness',
  'fever',
  'redHotJoint',
  'rednessSpreading',
  'skinBreak',
  'calfSwelling',
  'calfPain',
  'recentLongTravel',
  'breathless',
  'chestPain',
  'deformity',
  'patellaDisplaced',
  'gapAbovePatella',
  'canStraightLegRaise',
  'canFullyStraighten',
  'footColdOrNumb',
  'numbness',
  'progressiveWeakness',
  'backPain',
  'groinPain',
  'hipStiffness',
  'limp',
  'footTurnsOut',
  'resistedKneeFlexionPain',
  'lumpBehindKnee',
  'boneSwelling',
  'ankleBruising',
  'previousKneeInjury',
  'knownKneeOA',
  'historyOfGout',
  'hypermobile',
  'growthSpurt',
  'amenorrhoea',
  'noviceRunner',
  'overweight',
  'kneeWarm',
  'kneeRed',
  'otherJointsPainful',
  'thighPain',
  'painWalking',
  'weightLoss',
  'immunosuppressed',
  'recentJointProcedure',
  'previousClot',
  'activeCancer',
  'recentSurgeryOrImmobile',
] as const;

export type BooleanKey = (typeof BOOLEAN_KEYS)[number];

export const ANSWER_KEYS = {
  age: { kind: 'number', min: 5, max: 100, integer: true },
  sex: { kind: 'choice', values: SEXES },
  side: { kind: 'choice', values: SIDES },
  painLocation: { kind: 'multi', values: PAIN_LOCATIONS },
  swellingLocation: { kind: 'choice', values: SWELLING_LOCATIONS },
  onset: { kind: 'choice', values: ONSETS },
  // The upper bounds only refuse what cannot be true (a pain older than the oldest person we assess, stiffness
  // longer than a day, a swelling a year after the injury that caused it): the spec's "≥ 0" with an end.
  durationDays: { kind: 'number', min: 0, max: 36_500 },
  painStartsAfterKm: { kind: 'number', min: 0, max: 1_000 },
  morningStiffnessMin: { kind: 'number', min: 0, max: 1_440 },
  swelling: { kind: 'choice', values: SWELLING_AMOUNTS },
  swellingOnsetHours: { kind: 'number', min: 0, max: 8_760 },
  temperatureC: { kind: 'number', min: 30, max: 45 },
  // Running cannot fall by more than all of it.
  weeklyDistanceChangePct: { kind: 'number', min: -100 },
  longRunIncreasePct: { kind: 'number', min: -100 },
  ...(Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, bool])) as Record<BooleanKey, typeof bool>),
} as const satisfies Record<string, KeySpec>;

export type AnswerKey = keyof typeof ANSWER_KEYS;

export const ALL_ANSWER_KEYS = Object.keys(ANSWER_KEYS) as AnswerKey[];

export function isAnswerKey(key: string): key is AnswerKey {
  return Object.hasOwn(ANSWER_KEYS, key);
}

/** Human-readable list of what a key accepts, used verbatim in validation errors. */
export function acceptedValues(key: AnswerKey): string {
  const spec: KeySpec = ANSWER_KEYS[key];
  switch (spec.kind) {
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${spec.values.join(', ')}`;
    case 'multi':
      return `one of ${spec.values.join(', ')}, or an array of them`;
    case 'number': {
      const what = spec.integer ? 'an integer' : 'a number';
      if (spec.min !== undefined && spec.max !== undefined) return `${what} from ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${what} ≥ ${spec.min}`;
      return what;
    }
  }
}
