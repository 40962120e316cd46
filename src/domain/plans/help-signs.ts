/**
 * "When to get help": the signs a runner should act on, each given the tier the knee check gives it. There is
 * no second list of rules here: each sign is written as the smallest set of knee-check answers that says it,
 * and its tier is whatever the knee check's own red-flag and urgency rules (`ruleUrgency`) make of those
 * answers. Change a rule there and this advice follows.
 */

import type { Answers } from '../assessment/answers.schema.ts';
import { ruleUrgency } from '../assessment/assess.engine.ts';
import type { Urgency } from '../assessment/urgency.types.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export interface HelpSign {
  id: string;
  /** Plain words, to follow "Get help … if". */
  text: string;
  /** The smallest knee-check answers that say this sign (an adult, so age rules stay out of it). */
  answers: Partial<Answers>;
}

const ADULT = { age: 40 } as const;

export const HELP_SIGNS: readonly HelpSign[] = [
  {
    id: 'hot-red-fever',
    text: 'the knee is hot and red and you have a fever',
    answers: { ...ADULT, kneeWarm: true, kneeRed: true, fever: true },
  },
  {
    id: 'warm-fever',
    text: 'the knee feels warm and you have a fever, even if it is not red',
    answers: { ...ADULT, kneeWarm: true, fever: true },
  },
  {
    id: 'deformity',
    text: 'the knee looks out of shape after a fall, twist or blow',
    answers: { ...ADULT, trauma: true, deformity: true },
  },
  {
    id: 'cold-foot-after-injury',
    text: 'the foot turns cold, pale or numb after a knee injury',
    answers: { ...ADULT, trauma: true, footColdOrNumb: true },
  },
  {
    id: 'no-straight-leg-raise-after-injury',
    text: 'after a stumble or landing you cannot lift the straightened leg',
    answers: { ...ADULT, trauma: true, canStraightLegRaise: false },
  },
  {
    id: 'no-weight-after-injury',
    text: 'after an injury you cannot put weight on the leg or take four steps',
    answers: {
      ...ADULT,
      trauma: true,
      canBearWeight: false,
      couldWalk4StepsImmediately: false,
      canWalk4StepsNow: false,
    },
  },
  {
    id: 'breathless-with-calf',
    text: 'you are short of breath and a calf is painful or swollen',
    answers: { ...ADULT, breathless: true, calfPain: true },
  },
  {
    id: 'hot-red',
    text: 'the knee is hot and red, without a fever',
    answers: { ...ADULT, kneeWarm: true, kneeRed: true },
  },
  { id: 'fever', text: 'the knee hurts and you have a fever', answers: { ...ADULT, fever: true } },
  {
    id: 'fast-swelling-after-injury',
    text: 'the knee swells within a few hours of an injury',
    answers: { ...ADULT, trauma: true, swelling: 'mild', swellingOnsetHours: 2 },
  },
  {
    id: 'cannot-bear-weight',
    text: 'you cannot put weight on the leg',
    answers: { ...ADULT, canBearWeight: false },
  },
  {
    id: 'locked-now',
    text: 'the knee is stuck and will not straighten',
    answers: { ...ADULT, lockedNow: true },
  },
  {
    id: 'kneecap-out',
    text: 'the kneecap slipped out of place, even if it went back',
    answers: { ...ADULT, patellaDisplaced: true },
  },
  { id: 'calf', text: 'a calf is painful or swollen', answers: { ...ADULT, calfPain: true } },
  {
    id: 'gives-way',
    text: 'the knee gives way or locks now and then',
    answers: { ...ADULT, givingWay: true },
  },
  {
    id: 'bone-spot',
    text: 'one spot on the bone is tender, or hopping on that leg hurts',
    answers: { ...ADULT, focalBoneTenderness: true },
  },
  {
    id: 'night-pain',
    text: 'the pain wakes you at night or is there all the time',
    answers: { ...ADULT, nightPain: true },
  },
  {
    id: 'not-improving',
    text: 'the pain is not getting better after three weeks, even following the pain rules',
    answers: { ...ADULT, improving: false, durationDays: 21 },
  },
];

/** The tier the knee check gives a sign. */
export function signTier(sign: HelpSign): Urgency {
  return ruleUrgency(sign.answers);
}

/** Most pressing first. */
const TIER_ORDER: readonly Urgency[] = ['emergency', 'urgent', 'soon', 'self-care'];

/** What to do at each tier, in the words of a runner's next step. */
export const TIER_ACTION: Record<Urgency, string> = {
  emergency: 'Emergency: go to an emergency department now, or call the emergency number,',
  urgent: 'Urgent: get the knee seen today (urgent care or a same-day doctor),',
  soon: 'Soon: see a doctor or physiotherapist within the next few days,',
  'self-care': 'Self-care: manage it yourself with the plan,',
};

export interface HelpTier {
  tier: Urgency;
  signs: readonly HelpSign[];
  /** "Emergency: go to … now, if the knee is hot and red and you have a fever; …" */
  text: string;
  source: string;
}

/** The signs grouped by the knee check's tier, most pressing first; tiers with no sign are left out. */
export function helpTiers(signs: readonly HelpSign[] = HELP_SIGNS): HelpTier[] {
  const byTier = new Map<Urgency, HelpSign[]>();
  for (const sign of signs) {
    const tier = signTier(sign);
    byTier.set(tier, [...(byTier.get(tier) ?? []), sign]);
  }
  return [...byTier.entries()]
    .sort((a, b) => TIER_ORDER.indexOf(a[0]) - TIER_ORDER.indexOf(b[0]))
    .map(([tier, list]) => ({
      tier,
      signs: list,
      text: `${TIER_ACTION[tier]} if ${list.map((s) => s.text).join('; or ')}.`,
      source: PLAN_SOURCES.kneeRedFlags,
    }));
}
