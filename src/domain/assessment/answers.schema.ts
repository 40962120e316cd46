/**
 * The answers object of ../shared/spec/assessment.md as a strict zod schema. Every key except `age` is
 * optional, and a missing key means "not asked / don't know" — never "no". Unknown keys are errors so a typo
 * in a saved answers file cannot silently drop a red flag.
 */
import { z } from 'zod';
import { KneewiseError } from '../errors.ts';
import { ANSWER_KEYS, type AnswerKey, acceptedValues, isAnswerKey, type KeySpec } from './answer-keys.ts';

type ValueOf<S> = S extends { kind: 'boolean' }
  ? boolean
  : S extends { kind: 'choice'; values: readonly (infer V)[] }
    ? V
    : S extends { kind: 'multi'; values: readonly (infer V)[] }
      ? V | V[]
      : number;

type Keys = typeof ANSWER_KEYS;

export type Answers = { age: number } & { [K in Exclude<AnswerKey, 'age'>]?: ValueOf<Keys[K]> };
export type AnswerValue = ValueOf<Keys[AnswerKey]>;

function fieldSchema(spec: KeySpec): z.ZodType {
  switch (spec.kind) {
    case 'boolean':
      return z.boolean();
    case 'choice':
      return z.enum(spec.values as [string, ...string[]]);
    case 'multi': {
      const one = z.enum(spec.values as [string, ...string[]]);
      return z.union([one, z.array(one).min(1)]);
    }
    case 'number': {
      let n = spec.integer ? z.number().int() : z.number();
      if (spec.min !== undefined) n = n.min(spec.min);
      if (spec.max !== undefined) n = n.max(spec.max);
      return n;
    }
  }
}

const shape: Record<string, z.ZodType> = {};
for (const [key, spec] of Object.entries(ANSWER_KEYS) as [AnswerKey, KeySpec][]) {
  const field = fieldSchema(spec);
  shape[key] = key === 'age' ? field : field.optional();
}

export const answersSchema = z.strictObject(shape);

/** Validate untrusted input (a parsed JSON file, an HTTP body) into Answers, or throw ANSWER_INVALID. */
export function parseAnswers(input: unknown): Answers {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KneewiseError('ANSWER_INVALID', 'answers must be a JSON object of key: value pairs', 'input', {
      key: null,
      accepted: 'an object',
    });
  }
  const result = answersSchema.safeParse(input);
  if (result.success) return result.data as Answers;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new KneewiseError('ANSWER_INVALID', 'answers are invalid', 'input', {});
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    const accepted = Object.keys(ANSWER_KEYS).join(', ');
    throw new KneewiseError(
      'ANSWER_INVALID',
      `unknown answer key "${key}"; accepted keys: ${accepted}`,
      'input',
      { key, accepted },
    );
  }
  const key = String(issue.path[0] ?? '');
  if (!isAnswerKey(key)) throw new KneewiseError('ANSWER_INVALID', issue.message, 'input', { key });
  const accepted = acceptedValues(key);
  const got = JSON.stringify((input as Record<string, unknown>)[key]);
  const message =
    got === undefined
      ? `answer "${key}" is required: ${accepted}`
      : `answer "${key}" is ${got}; expected ${accepted}`;
  throw new KneewiseError('ANSWER_INVALID', message, 'input', { key, accepted });
}

/** Pain locations as a list whatever shape they were given in; empty when not answered. */
export function painLocations(answers: Partial<Answers>): readonly string[] {
  const v = answers.painLocation;
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}
