/**
 * The adaptive questionnaire. Order:
 *   1. the red-flag screen (with follow-ups that only make sense after certain answers, e.g. the Ottawa
 *      items after an injury) — always first, because red flags decide urgency whatever else is true;
 *   2. where it hurts;
 *   3. then, one at a time, the question with the highest value: expected information gain (bits) over the
 *      current condition distribution, plus a bonus for the chance that the answer raises the urgency;
 *   4. stop when the best remaining question is worth little, or the picture is clear.
 * Pure: the caller keeps the answers and the keys answered "don't know" (`skipped`).
 */
import type { AnswerKey } from './answer-keys.ts';
import type { Answers, AnswerValue } from './answers.schema.ts';
import { assessKnee, ruleFindings } from './assess.engine.ts';
import type { Assessment } from './assessment.types.ts';
import { featureProbability, logWeights, normalise } from './condition.scoring.ts';
import { CONDITIONS } from './conditions.kb.ts';
import { deriveFeatures, type FeatureId } from './features.ts';
import { QUESTIONS, type Question } from './questions.catalog.ts';
import { urgencyRank } from './urgency.types.ts';

type Partial_ = Partial<Answers>;

interface Step {
  key: AnswerKey;
  when?: (a: Partial_) => boolean;
}

const injured = (a: Partial_) => a.trauma === true;
const calf = (a: Partial_) => a.calfPain === true || a.calfSwelling === true;
const warmOrRed = (a: Partial_) => a.kneeWarm === true || a.kneeRed === true || a.redHotJoint === true;
const inflamed = (a: Partial_) => warmOrRed(a) || a.fever === true;
const swollen = (a: Partial_) => a.swelling === 'mild' || a.swelling === 'severe';
const childHipAge = (a: Partial_) => a.age !== undefined && a.age >= 9 && a.age <= 16;
const bursa = (a: Partial_) => a.swellingLocation === 'on-kneecap' || a.swellingLocation === 'below-kneecap';

/** Red-flag screen and its follow-ups, in order. Re-checked before every adaptive question. */
export const SCREEN: readonly Step[] = [
  { key: 'age' },
  { key: 'trauma' },
  { key: 'canBearWeight' },
  { key: 'kneeWarm' },
  { key: 'kneeRed' },
  { key: 'fever' },
  { key: 'calfPain' },
  { key: 'calfSwelling' },
  { key: 'lockedNow' },
  { key: 'nightPain' },
  { key: 'painAtRest' },
  { key: 'deformity', when: injured },
  { key: 'footColdOrNumb', when: injured },
  { key: 'canStraightLegRaise', when: injured },
  { key: 'patellaDisplaced', when: injured },
  { key: 'couldWalk4StepsImmediately', when: (a) => injured(a) && a.canBearWeight !== true },
  { key: 'canWalk4StepsNow', when: (a) => injured(a) && a.canBearWeight !== true },
  { key: 'canFlex90', when: injured },
  { key: 'isolatedPatellarTenderness', when: injured },
  { key: 'fibularHeadTenderness', when: injured },
  { key: 'swelling', when: (a) => injured(a) || inflamed(a) },
  { key: 'swellingOnsetHours', when: (a) => injured(a) && swollen(a) },
  { key: 'givingWay', when: injured },
  { key: 'temperatureC', when: (a) => a.fever === true },
  { key: 'swellingLocation', when: (a) => swollen(a) && (inflamed(a) || a.kneelingPain === true) },
  { key: 'skinBreak', when: (a) => inflamed(a) || bursa(a) },
  { key: 'rednessSpreading', when: (a) => inflamed(a) || bursa(a) },
  // A clot can start as a painful calf or a lump behind the knee; breathlessness or chest pain then means
  // it may have reached the lungs (NICE NG158).
  { key: 'breathless', when: (a) => calf(a) || a.lumpBehindKnee === true },
  { key: 'chestPain', when: (a) => calf(a) || a.lumpBehindKnee === true },
  // A painful calf, or a swelling behind the knee, with a cold or numb foot is a blocked artery until shown
  // otherwise (ESVS 2020).
  {
    key: 'footColdOrNumb',
    when: (a) => calf(a) || a.lumpBehindKnee === true || a.swellingLocation === 'behind-knee',
  },
  { key: 'recentLongTravel', when: calf },
  { key: 'lumpBehindKnee', when: calf },
  // Bruising that tracks to the ankle tells a burst Baker's cyst from a clot (the scan decides either way).
  { key: 'ankleBruising', when: calf },
  // A calf that hurts without swelling may be a trapped nerve's pain: back pain with numbness is the other
  // cause the Wells score weighs against a clot (NICE NG158).
  { key: 'backPain', when: (a) => a.calfPain === true && a.calfSwelling !== true },
  { key: 'numbness', when: (a) => a.calfPain === true && a.calfSwelling !== true && a.backPain === true },
  // Infection risk and several joints, once the knee is swollen or inflamed (BSR/BOA hot swollen joint).
  { key: 'otherJointsPainful', when: (a) => inflamed(a) || swollen(a) },
  { key: 'immunosuppressed', when: (a) => inflamed(a) || swollen(a) },
  { key: 'recentJointProcedure', when: (a) => inflamed(a) || swollen(a) },
  // Wells-type clot risk once the calf or the back of the knee is involved (NICE NG158).
  { key: 'previousClot', when: (a) => calf(a) || a.lumpBehindKnee === true },
  { key: 'activeCancer', when: (a) => calf(a) || a.lumpBehindKnee === true },
  { key: 'recentSurgeryOrImmobile', when: (a) => calf(a) || a.lumpBehindKnee === true },
  // The hip of a child of 9–16 must be considered whatever the knee shows (BOA/BSCOS SCFE).
  { key: 'limp', when: childHipAge },
  { key: 'thighPain', when: childHipAge },
  { key: 'footTurnsOut', when: childHipAge },
  {
    key: 'progressiveWeakness',
    when: (a) => a.numbness === true || a.backPain === true || a.footColdOrNumb === true,
  },
  { key: 'gapAbovePatella', when: (a) => a.canStraightLegRaise === false },
  { key: 'canFullyStraighten', when: (a) => a.locking === true || a.lockedNow === true },
  { key: 'boneSwelling', when: (a) => a.nightPain === true || a.painAtRest === true },
  { key: 'swellingLocation', when: swollen },
  { key: 'swellingOnsetHours', when: (a) => injured(a) && swollen(a) },
];

export const LOCATION_STEP: Step = { key: 'painLocation' };

/**
 * Asked of everyone after the location, because they steer urgency rather than the condition ranking:
 * swelling (and where), how long and whether it is improving (the self-care re-escalation point), and
 * groin/hip pain (hip disease and femoral-neck stress fractures present as knee pain and are missed), and
 * numbness (the nerve screen, followed by the progressive-weakness red flag).
 */
export const CORE: readonly Step[] = [
  { key: 'sex' },
  { key: 'side' },
  // Sudden or gradual, and whether it buckles: a knee that gave way with pain and no injury is the way a
  // thigh or kneecap tendon tears in later life, and a sudden start without injury the way gout begins.
  { key: 'onset' },
  { key: 'givingWay', when: (a) => a.trauma !== true },
  { key: 'swelling' },
  { key: 'durationDays' },
  { key: 'improving', when: (a) => a.durationDays === undefined || a.durationDays >= 7 },
  // What makes it worse: the clinician report needs it, and it separates the overuse conditions.
  { key: 'stairsPain' },
  { key: 'downhillPain', when: (a) => a.trauma !== true },
  { key: 'groinPain' },
  { key: 'numbness' },
  // Bone screen for runners without an injury (IOC REDs; bone-stress consensus): a tender spot on the
  // bone, pain on ordinary walking, and (for women) missed periods.
  { key: 'focalBoneTenderness', when: (a) => a.trauma !== true },
  { key: 'painWalking', when: (a) => a.trauma !== true },
  { key: 'amenorrhoea', when: (a) => a.trauma !== true && a.sex === 'female' && (a.age ?? 0) < 55 },
  // Without an injury: a bony lump (NG12's unexplained bone swelling), lowered immunity (an infection shows
  // few signs) and past gout (a flare) each decide the tier on their own, so they are always asked.
  { key: 'boneSwelling', when: (a) => a.trauma !== true },
  { key: 'immunosuppressed', when: (a) => a.trauma !== true },
  { key: 'historyOfGout', when: (a) => a.trauma !== true && (a.age ?? 0) >= 18 },
];

/**
 * Keys the adaptive phase may choose from: everything not in the fixed steps. Follow-ups of the screen
 * (chest pain, Ottawa items…) are only asked when their trigger is present, never picked for information.
 * Training change is filled from imported runs.
 */
const TRIGGER_ONLY: readonly AnswerKey[] = [
  'deformity',
  'footColdOrNumb',
  'canStraightLegRaise',
  'patellaDisplaced',
  'couldWalk4StepsImmediately',
  'canWalk4StepsNow',
  'canFlex90',
  'isolatedPatellarTenderness',
  'fibularHeadTenderness',
  'swellingOnsetHours',
  'temperatureC',
  'skinBreak',
  'rednessSpreading',
  'breathless',
  'chestPain',
  'recentLongTravel',
  'progressiveWeakness',
  'gapAbovePatella',
  'otherJointsPainful',
  'immunosuppressed',
  'recentJointProcedure',
  'previousClot',
  'activeCancer',
  'recentSurgeryOrImmobile',
  'redHotJoint',
];
const FIXED_KEYS = new Set<AnswerKey>([
  'painLocation',
  ...SCREEN.filter((s) => s.when === undefined).map((s) => s.key),
  ...CORE.map((s) => s.key),
  ...TRIGGER_ONLY,
]);
const ADAPTIVE_KEYS: readonly AnswerKey[] = (Object.keys(QUESTIONS) as AnswerKey[]).filter(
  (k) => !FIXED_KEYS.has(k) && k !== 'weeklyDistanceChangePct' && k !== 'longRunIncreasePct',
);

/** Representative values tried for number questions when estimating information gain. */
const NUMBER_PROBES: Partial<Record<AnswerKey, readonly number[]>> = {
  durationDays: [5, 30, 120],
  morningStiffnessMin: [0, 15, 60],
  swellingOnsetHours: [2, 12],
  painStartsAfterKm: [0, 5],
  temperatureC: [37, 38.5],
};

export const TOTAL_QUESTIONS = Object.keys(QUESTIONS).length;

/** Stop when the best question is worth less than this (bits + urgency bonus). */
const STOP_VALUE = 0.05;
/** …or when one condition is this likely and no question is worth much. */
const CLEAR_TOP = 0.8;
const CLEAR_VALUE = 0.15;
const MAX_ADAPTIVE = 10;
/** Weight of one urgency tier step in the question value, in bits. */
const URGENCY_BONUS = 0.6;
/**
 * Weight of each must-not-miss possibility an answer would raise, in bits: information gain over the
 * dangerous conditions as well as the likely ones, so a question that can reveal a danger is worth asking
 * even when it would not change the ranking of the benign causes.
 */
const DANGER_BONUS = 0.3;

function candidateValues(q: Question): AnswerValue[] {
  if (q.kind === 'boolean') return [true, false];
  if (q.kind === 'choice') return (q.options ?? []).map((o) => o.value) as AnswerValue[];
  if (q.kind === 'number') return [...(NUMBER_PROBES[q.key] ?? [])];
  return [];
}

const entropy = (p: readonly number[]) => -p.reduce((s, x) => (x > 0 ? s + x * Math.log2(x) : s), 0);

/** Expected information gain of asking `key`, plus the urgency bonus. */
export function questionValue(a: Partial_, key: AnswerKey, prior: readonly number[]): number {
  const values = candidateValues(QUESTIONS[key]);
  if (values.length === 0) return 0;
  const before = deriveFeatures(a);
  const now = ruleFindings(a);
  const tierNow = urgencyRank(now.tier);
  const outcomes = values.map((v) => {
    const next = { ...a, [key]: v } as Partial_;
    const after = deriveFeatures(next);
    const changed = (Object.keys(after) as FeatureId[]).filter((f) => before[f] === undefined);
    const joint = CONDITIONS.map((c, i) => {
      let l = 1;
      for (const f of changed) {
        const p = featureProbability(c, f);
        l *= after[f] ? p : 1 - p;
      }
      return (prior[i] ?? 0) * l;
    });
    const mass = joint.reduce((s, x) => s + x, 0);
    const then = ruleFindings(next);
    return {
      mass,
      posterior: joint.map((x) => x / (mass || 1)),
      lift: urgencyRank(then.tier) - tierNow,
      dangers: [...then.mustNotMiss].filter((id) => !now.mustNotMiss.has(id)).length,
    };
  });
  const total = outcomes.reduce((s, o) => s + o.mass, 0) || 1;
  const h0 = entropy(prior);
  let gain = 0;
  let bonus = 0;
  for (const o of outcomes) {
    const pv = o.mass / total;
    gain += pv * (h0 - entropy(o.posterior));
    bonus += pv * (Math.max(0, o.lift) * URGENCY_BONUS + o.dangers * DANGER_BONUS);
  }
  return gain + bonus;
}

function conditionDistribution(a: Partial_): number[] {
  return normalise(logWeights(deriveFeatures(a), a.age));
}

/** Which part of the questionnaire a question belongs to, as the person is told ("· warning signs"). */
export type QuestionPhase = 'warning signs' | 'where and how long' | 'details';

/**
 * The next question to ask, or null when the picture is clear. `skipped` holds keys already asked and
 * answered "don't know", so they are not asked again.
 */
export function nextQuestion(answers: Partial_, skipped: readonly AnswerKey[] = []): Question | null {
  return nextStep(answers, skipped)?.question ?? null;
}

/** The next question with its phase, or null when the picture is clear. */
export function nextStep(
  answers: Partial_,
  skipped: readonly AnswerKey[] = [],
): { question: Question; phase: QuestionPhase } | null {
  const done = (k: AnswerKey) => answers[k] !== undefined || skipped.includes(k);
  const pending = (steps: readonly Step[]) =>
    steps.find((step) => !done(step.key) && (step.when?.(answers) ?? true));
  const screen = pending(SCREEN);
  if (screen) return { question: QUESTIONS[screen.key], phase: 'warning signs' };
  if (!done(LOCATION_STEP.key))
    return { question: QUESTIONS[LOCATION_STEP.key], phase: 'where and how long' };
  const core = pending(CORE);
  if (core) return { question: QUESTIONS[core.key], phase: 'where and how long' };
  // Follow-ups may have become relevant through core answers (e.g. swelling → where).
  const followUp = pending(SCREEN);
  if (followUp) return { question: QUESTIONS[followUp.key], phase: 'warning signs' };
  const adaptive = nextAdaptive(answers, done);
  return adaptive === null ? null : { question: adaptive, phase: 'details' };
}

/**
 * Adaptive questions a knee check usually ends on (the median over the published and written cases when
 * this was set, December 2026: 7; at most MAX_ADAPTIVE).
 */
const TYPICAL_ADAPTIVE = 7;

/**
 * About how many questions are left, counting the next one: the screen and core questions that apply to the
 * answers so far, and the adaptive ones a check usually ends on. "Question 12 of about 35" on the dashboard.
 * 0 when the questionnaire is done.
 */
export function questionsLeftEstimate(answers: Partial_, skipped: readonly AnswerKey[] = []): number {
  if (nextStep(answers, skipped) === null) return 0;
  const done = (k: AnswerKey) => answers[k] !== undefined || skipped.includes(k);
  const fixed = new Set<AnswerKey>();
  for (const step of [...SCREEN, LOCATION_STEP, ...CORE])
    if (!done(step.key) && (step.when?.(answers) ?? true)) fixed.add(step.key);
  const adaptiveAsked = ADAPTIVE_KEYS.filter(done).length;
  return Math.max(1, fixed.size + Math.max(0, TYPICAL_ADAPTIVE - adaptiveAsked));
}

function nextAdaptive(answers: Partial_, done: (k: AnswerKey) => boolean): Question | null {
  const adaptiveAsked = ADAPTIVE_KEYS.filter(done).length;
  if (adaptiveAsked >= MAX_ADAPTIVE) return null;

  const prior = conditionDistribution(answers);
  let best: AnswerKey | undefined;
  let bestValue = 0;
  for (const k of ADAPTIVE_KEYS) {
    if (done(k)) continue;
    const v = questionValue(answers, k, prior);
    if (v > bestValue) {
      bestValue = v;
      best = k;
    }
  }
  const top = Math.max(...prior);
  if (best === undefined || bestValue < STOP_VALUE) return null;
  if (top >= CLEAR_TOP && bestValue < CLEAR_VALUE) return null;
  return QUESTIONS[best];
}

/** Answer the questionnaire from a full answers object (tests, evaluation): what would it ask? */
export function simulateQuestionnaire(full: Partial_): {
  asked: AnswerKey[];
  answers: Answers;
  assessment: Assessment;
} {
  const answers: Partial_ = {};
  const skipped: AnswerKey[] = [];
  const asked: AnswerKey[] = [];
  for (let q = nextQuestion(answers, skipped); q !== null; q = nextQuestion(answers, skipped)) {
    asked.push(q.key);
    // `redHotJoint` is the older key for "warm and red": a person who said so answers yes to each.
    const v =
      full[q.key] ??
      ((q.key === 'kneeWarm' || q.key === 'kneeRed') && full.redHotJoint === true ? true : undefined);
    if (v === undefined) skipped.push(q.key);
    else (answers as Record<string, unknown>)[q.key] = v;
    if (asked.length > TOTAL_QUESTIONS) break;
  }
  const complete = { ...answers, age: answers.age ?? full.age ?? 30 } as Answers;
  return { asked, answers: complete, assessment: assessKnee(complete) };
}
