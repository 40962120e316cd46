/**
 * The Ottawa knee rule (Stiell 1995; validated Stiell 1996; pooled sensitivity 98.5 %, Bachmann 2004):
 * after an acute knee injury an X-ray is indicated if ANY of
 *   1. age 55 or older;
 *   2. tenderness at the head of the fibula;
 *   3. isolated tenderness of the patella (no other bony tenderness);
 *   4. inability to flex the knee to 90°;
 *   5. inability to bear weight both immediately after the injury and now — 4 steps (limping allowed).
 * It applies only after trauma; it was not made for overuse pain. Valid in children over 5 (Bulloch 2003).
 * A criterion the runner could not answer is reported as unknown, never as "not met".
 */
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';

export interface OttawaResult {
  applies: boolean;
  positive: boolean;
  criteriaMet: string[];
  /** Criteria that could not be checked because the answer was "don't know". */
  criteriaUnknown: string[];
  /** Answer keys behind the met criteria. */
  keys: AnswerKey[];
}

interface Criterion {
  text: string;
  keys: AnswerKey[];
  /** true = met, false = not met, undefined = unknown. */
  test(a: Partial<Answers>): boolean | undefined;
}

export const OTTAWA_CRITERIA: readonly Criterion[] = [
  { text: 'age 55 or over', keys: ['age'], test: (a) => (a.age === undefined ? undefined : a.age >= 55) },
  {
    text: 'tenderness at the head of the fibula',
    keys: ['fibularHeadTenderness'],
    test: (a) => a.fibularHeadTenderness,
  },
  {
    text: 'isolated tenderness of the kneecap',
    keys: ['isolatedPatellarTenderness'],
    test: (a) => a.isolatedPatellarTenderness,
  },
  {
    text: 'cannot bend the knee to 90°',
    keys: ['canFlex90'],
    test: (a) => (a.canFlex90 === undefined ? undefined : !a.canFlex90),
  },
  {
    text: 'could not take 4 steps right after the injury and cannot now',
    keys: ['couldWalk4StepsImmediately', 'canWalk4StepsNow'],
    test: (a) => {
      const then = a.couldWalk4StepsImmediately;
      // Standing with weight on the leg now means 4 limping steps are possible now (and not standing on it
      // means they are not), so the questionnaire does not ask the step questions when this is known.
      const now = a.canWalk4StepsNow ?? (a.canBearWeight === undefined ? undefined : a.canBearWeight);
      // Both inabilities are needed; one "could walk" is enough to rule the item out.
      if (then === true || now === true) return false;
      if (then === false && now === false) return true;
      return undefined;
    },
  },
];

export function ottawaKneeRule(a: Partial<Answers>): OttawaResult {
  const applies = a.trauma === true;
  const criteriaMet: string[] = [];
  const criteriaUnknown: string[] = [];
  const keys: AnswerKey[] = [];
  if (applies) {
    for (const c of OTTAWA_CRITERIA) {
      const r = c.test(a);
      if (r === true) {
        criteriaMet.push(c.text);
        keys.push(...c.keys);
      } else if (r === undefined) criteriaUnknown.push(c.text);
    }
  }
  return { applies, positive: criteriaMet.length > 0, criteriaMet, criteriaUnknown, keys };
}
