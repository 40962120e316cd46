/**
 * Answers given so far, while the questionnaire is still running (the dashboard sends them back with each
 * step). Every given key is checked exactly as a finished answers object is (same code, same message), but
 * `age` may still be missing: it is the first question, not a precondition of asking it.
 */
import { ANSWER_KEYS } from './answer-keys.ts';
import { type Answers, parseAnswers } from './answers.schema.ts';

/** Any valid age: stands in for a missing one so the rest is checked by the one answers parser. */
const STAND_IN_AGE = ANSWER_KEYS.age.min;

export function parsePartialAnswers(input: unknown): Partial<Answers> {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || 'age' in input) {
    return parseAnswers(input);
  }
  const { age: _standIn, ...rest } = parseAnswers({ ...input, age: STAND_IN_AGE });
  return rest;
}
