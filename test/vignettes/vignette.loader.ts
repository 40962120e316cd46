/**
 * Loads the literature vignettes. The questionnaire always asks the red-flag screen, so every vignette
 * starts from the screen answered "no" / "can bear weight" (SCREEN_DEFAULTS) and overrides what its case
 * states. Answers are validated with the real schema, so a typo in a vignette fails loudly.
 */
import { readFileSync } from 'node:fs';
import { type Answers, parseAnswers } from '../../src/domain/assessment/answers.schema.ts';
import type { ConditionId } from '../../src/domain/assessment/condition.types.ts';
import type { MustNotMissId, Urgency } from '../../src/domain/assessment/urgency.types.ts';

export interface Vignette {
  id: string;
  file: string;
  answers: Answers;
  expected: { urgency: Urgency; conditions: ConditionId[]; mustNotMiss: MustNotMissId[] };
  source: string;
}

export const SCREEN_DEFAULTS = {
  trauma: false,
  redHotJoint: false,
  fever: false,
  calfSwelling: false,
  calfPain: false,
  lockedNow: false,
  canBearWeight: true,
  nightPain: false,
  painAtRest: false,
} as const;

export const VIGNETTE_FILES = [
  'overuse.vignettes.json',
  'acute.vignettes.json',
  'red-flags.vignettes.json',
] as const;

interface RawFile {
  vignettes: {
    id: string;
    answers: Record<string, unknown>;
    expected: Vignette['expected'];
    source: string;
  }[];
}

export function loadVignettes(): Vignette[] {
  const out: Vignette[] = [];
  for (const file of VIGNETTE_FILES) {
    const raw = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as RawFile;
    for (const v of raw.vignettes) {
      let answers: Answers;
      try {
        answers = parseAnswers({ ...SCREEN_DEFAULTS, ...v.answers });
      } catch (e) {
        throw new Error(`${file} ${v.id}: ${(e as Error).message}`);
      }
      out.push({ id: v.id, file, answers, expected: v.expected, source: v.source });
    }
  }
  return out;
}
