/**
 * A first account is short. When few answers point anywhere, the result says so and names the questions
 * that would separate the likely conditions best, instead of sounding sure (issue: thin histories).
 * The order is clinical: where it hurts and how it started split the knee conditions most, then the
 * course, what provokes it, and the bone-stress questions that runners' stress fractures hinge on.
 */
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';
import { informativeAnswers } from './condition.scoring.ts';
import type { FeatureSet } from './features.ts';
import { QUESTIONS } from './questions.catalog.ts';

const DISCRIMINATING: readonly AnswerKey[] = [
  'painLocation',
  'trauma',
  'onset',
  'durationDays',
  'swelling',
  'improving',
  'stairsPain',
  'focalBoneTenderness',
  'painWalking',
  'painStartsAfterKm',
  'jumpingPain',
  'locking',
];

/** Fewer positive findings than this and the history counts as thin. */
export const THIN_BELOW = 3;

export function thinHistory(
  answers: Partial<Answers>,
  features: FeatureSet,
): { thin: boolean; wouldHelp: string[] } {
  const thin = informativeAnswers(features) < THIN_BELOW;
  if (!thin) return { thin, wouldHelp: [] };
  const wouldHelp = DISCRIMINATING.filter((k) => answers[k] === undefined)
    .slice(0, 3)
    .map((k) => QUESTIONS[k].text);
  return { thin, wouldHelp };
}
