/**
 * Answers in words, for "which answers led to it": the question as we asked it and the runner's answer,
 * e.g. "Is it getting better? — No". Keys without an answer (not asked, or "don't know") say so.
 */
import { isAnswerKey } from '../../../src/domain/assessment/answer-keys.ts';
import { QUESTIONS } from '../../../src/domain/assessment/questions.catalog.ts';
import type { DraftAnswers } from '../types/assessment.ts';

const UNIT: Record<string, string> = {
  age: ' years',
  durationDays: ' days',
  morningStiffnessMin: ' min',
  swellingOnsetHours: ' h',
  temperatureC: ' °C',
  painStartsAfterKm: ' km',
  weeklyDistanceChangePct: ' %',
  longRunIncreasePct: ' %',
};

export function answerInWords(key: string, answers: DraftAnswers | null): string {
  if (!isAnswerKey(key)) return key;
  const q = QUESTIONS[key];
  const value = answers?.[key];
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v;
  let said: string;
  if (value === undefined) said = answers === null ? '' : 'not answered';
  else if (typeof value === 'boolean') said = value ? 'Yes' : 'No';
  else if (typeof value === 'number') said = `${value}${UNIT[key] ?? ''}`;
  else said = ([] as string[]).concat(value).map(label).join(', ');
  // "(choose all that apply)" and "(0 if not)" guide the answering, not the reading back.
  const text = q.text.replace(/\s*\((choose all that apply|0 if not)\)/g, '');
  return said === '' ? text : `${text} — ${said}`;
}

/** The trailing "(key, key)" the engine appends to a reason, removed when the keys are shown separately. */
export function withoutKeySuffix(reason: string, keys: readonly string[]): string {
  const suffix = ` (${keys.join(', ')})`;
  return keys.length > 0 && reason.endsWith(suffix) ? reason.slice(0, -suffix.length) : reason;
}
