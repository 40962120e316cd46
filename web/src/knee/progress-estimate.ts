/**
 * "Question 12 of about 24": the questionnaire is adaptive, so the total is an estimate from where it is.
 * The red-flag screen asks eleven questions of everyone (more after an injury or a fever), then where it
 * hurts, about eight core questions, and usually around seven details before the picture is clear (at most 10).
 * Mirrors the phases of src/domain/assessment/questionnaire.ts without importing its scoring.
 */
import type { AnswerKey, DraftAnswers, Question } from '../types/assessment.ts';

const SCREEN_FOR_EVERYONE: readonly AnswerKey[] = [
  'age',
  'trauma',
  'canBearWeight',
  'kneeWarm',
  'kneeRed',
  'fever',
  'calfPain',
  'calfSwelling',
  'lockedNow',
  'nightPain',
  'painAtRest',
];
const CORE: readonly AnswerKey[] = [
  'sex',
  'side',
  'swelling',
  'durationDays',
  'improving',
  'stairsPain',
  'groinPain',
  'numbness',
];
const TYPICAL_DETAILS = 7;

export type Phase = 'warning signs' | 'where and how long' | 'details';

export function phaseOf(done: ReadonlySet<AnswerKey>, current: Question | null): Phase {
  if (!done.has('painLocation') && current?.key !== 'painLocation') return 'warning signs';
  if (current === null) return 'details';
  if (current.key === 'painLocation' || CORE.some((k) => !done.has(k))) return 'where and how long';
  return 'details';
}

export function progressLabel(
  answers: DraftAnswers,
  skipped: readonly AnswerKey[],
  current: Question | null,
): string {
  const done = new Set<AnswerKey>([...(Object.keys(answers) as AnswerKey[]), ...skipped]);
  const asked = done.size;
  if (current === null) return `${asked} questions answered`;
  const phase = phaseOf(done, current);
  const screenLeft = SCREEN_FOR_EVERYONE.filter((k) => !done.has(k)).length;
  const coreLeft = CORE.filter((k) => !done.has(k)).length;
  const fixed = new Set<AnswerKey>([...SCREEN_FOR_EVERYONE, ...CORE, 'painLocation']);
  const detailsAsked = [...done].filter((k) => !fixed.has(k)).length;
  const remaining =
    phase === 'warning signs'
      ? screenLeft + 1 + CORE.length + TYPICAL_DETAILS
      : phase === 'where and how long'
        ? coreLeft + (done.has('painLocation') ? 0 : 1) + TYPICAL_DETAILS
        : Math.max(1, TYPICAL_DETAILS + 2 - detailsAsked);
  const total = Math.max(asked + 1, asked + remaining);
  return `Question ${asked + 1} of about ${total} · ${phase}`;
}
