/**
 * Turns one typed line into an answer value for a question: `y`/`n`, `?` for don't know, a number, an
 * option number or value (several, comma-separated, for multi-choice). Used for piped input and for the
 * number questions on a TTY.
 */
import type { AnswerValue } from '../../domain/assessment/answers.schema.ts';
import type { Question } from '../../domain/assessment/questions.catalog.ts';

export type Parsed =
  | { kind: 'value'; value: AnswerValue }
  | { kind: 'dont-know' }
  | { kind: 'invalid'; message: string };

const YES = new Set(['y', 'yes', 'true', 'j', 'ja', 'oui', 'si']);
const NO = new Set(['n', 'no', 'false', 'nein', 'non']);
// An empty line is not "don't know": an answer is always typed, so a stray Enter never answers a question.
const DONT_KNOW = new Set(['?', 'dk', "don't know", 'dont know', 'unknown', 'skip']);

function option(q: Question, token: string): string | undefined {
  const opts = q.options ?? [];
  const n = Number(token);
  if (Number.isInteger(n) && n >= 1 && n <= opts.length) return opts[n - 1]?.value;
  const t = token.toLowerCase();
  return opts.find((o) => o.value === t || o.label.toLowerCase() === t)?.value;
}

export function acceptedHint(q: Question): string {
  const hint = hintFor(q);
  // Age is required, so "don't know" is not offered for it.
  return q.key === 'age' ? hint.replace(/, \? = don't know$/, '') : hint;
}

function hintFor(q: Question): string {
  switch (q.kind) {
    case 'boolean':
      return "y = yes, n = no, ? = don't know";
    case 'choice':
      return `an option number 1–${q.options?.length ?? 0} or its name, ? = don't know`;
    case 'multi':
      return `one or more option numbers or names separated by commas, ? = don't know`;
    case 'number': {
      const range =
        q.min !== undefined && q.max !== undefined
          ? ` from ${q.min} to ${q.max}`
          : q.min !== undefined
            ? ` ≥ ${q.min}`
            : '';
      return `a number${range}, ? = don't know`;
    }
  }
}

export function parseTyped(q: Question, raw: string): Parsed {
  const line = raw.trim();
  if (DONT_KNOW.has(line.toLowerCase())) return { kind: 'dont-know' };
  const invalid = (): Parsed => ({ kind: 'invalid', message: `Please answer with ${acceptedHint(q)}.` });
  switch (q.kind) {
    case 'boolean': {
      const t = line.toLowerCase();
      if (YES.has(t)) return { kind: 'value', value: true };
      if (NO.has(t)) return { kind: 'value', value: false };
      return invalid();
    }
    case 'choice': {
      const v = option(q, line);
      return v === undefined ? invalid() : { kind: 'value', value: v as AnswerValue };
    }
    case 'multi': {
      const tokens = line.split(/[,\s]+/).filter((t) => t !== '');
      const values = tokens.map((t) => option(q, t));
      if (values.length === 0 || values.some((v) => v === undefined)) return invalid();
      const unique = [...new Set(values as string[])];
      return { kind: 'value', value: (unique.length === 1 ? unique[0] : unique) as AnswerValue };
    }
    case 'number': {
      const n = Number(line.replace(',', '.'));
      if (!Number.isFinite(n)) return invalid();
      if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return invalid();
      if (q.key === 'age' && !Number.isInteger(n)) return invalid();
      return { kind: 'value', value: n };
    }
  }
}
