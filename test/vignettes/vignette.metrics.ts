/**
 * Scores the engine against the vignettes: urgency exactness, under-triage, top-1/top-3 and must-not-miss
 * recall, plus the adaptive questionnaire's question count when it is answered from each vignette.
 */
import type { Answers } from '../../src/domain/assessment/answers.schema.ts';
import { assessKnee } from '../../src/domain/assessment/assess.engine.ts';
import { simulateQuestionnaire, TOTAL_QUESTIONS } from '../../src/domain/assessment/questionnaire.ts';
import { urgencyRank } from '../../src/domain/assessment/urgency.types.ts';
import type { Vignette } from './vignette.loader.ts';

export interface VignetteOutcome {
  id: string;
  expectedUrgency: string;
  urgency: string;
  top3: string[];
  expectedConditions: string[];
  missedMustNotMiss: string[];
  questionsAsked: number;
  adaptiveUrgency: string;
}

export interface EvalMetrics {
  vignettes: number;
  urgencyExact: number;
  underTriage: number;
  overTriage: number;
  top1: number;
  top3: number;
  withConditions: number;
  mustNotMissRecall: number;
  mustNotMissExpected: number;
  meanQuestions: number;
  totalQuestions: number;
  adaptiveUnderTriage: number;
  /** Top-3 when the engine only gets what the shortened questionnaire asked. */
  adaptiveTop3: number;
  outcomes: VignetteOutcome[];
}

export function evaluate(vignettes: readonly Vignette[]): EvalMetrics {
  let exact = 0;
  let under = 0;
  let over = 0;
  let top1 = 0;
  let top3 = 0;
  let withConditions = 0;
  let mnmExpected = 0;
  let mnmFound = 0;
  let questions = 0;
  let adaptiveUnder = 0;
  let adaptiveTop3 = 0;
  const outcomes: VignetteOutcome[] = [];
  for (const v of vignettes) {
    const a = assessKnee(v.answers);
    const d = urgencyRank(a.urgency) - urgencyRank(v.expected.urgency);
    if (d === 0) exact++;
    else if (d < 0) under++;
    else over++;
    const ids = a.conditions.map((c) => c.id);
    if (v.expected.conditions.length > 0) {
      withConditions++;
      if (ids[0] !== undefined && (v.expected.conditions as string[]).includes(ids[0])) top1++;
      if (ids.slice(0, 3).some((id) => (v.expected.conditions as string[]).includes(id))) top3++;
    }
    const raised = new Set<string>(a.mustNotMiss.map((m) => m.id));
    const missed = v.expected.mustNotMiss.filter((id) => !raised.has(id));
    mnmExpected += v.expected.mustNotMiss.length;
    mnmFound += v.expected.mustNotMiss.length - missed.length;
    const sim = simulateQuestionnaire(v.answers as Partial<Answers>);
    questions += sim.asked.length;
    if (urgencyRank(sim.assessment.urgency) < urgencyRank(v.expected.urgency)) adaptiveUnder++;
    const simIds = sim.assessment.conditions.slice(0, 3).map((c) => c.id as string);
    if (
      v.expected.conditions.length > 0 &&
      simIds.some((id) => (v.expected.conditions as string[]).includes(id))
    ) {
      adaptiveTop3++;
    }
    outcomes.push({
      id: v.id,
      expectedUrgency: v.expected.urgency,
      urgency: a.urgency,
      top3: ids.slice(0, 3),
      expectedConditions: v.expected.conditions,
      missedMustNotMiss: missed,
      questionsAsked: sim.asked.length,
      adaptiveUrgency: sim.assessment.urgency,
    });
  }
  const n = vignettes.length;
  return {
    vignettes: n,
    urgencyExact: exact / n,
    underTriage: under,
    overTriage: over,
    top1: withConditions ? top1 / withConditions : 1,
    top3: withConditions ? top3 / withConditions : 1,
    withConditions,
    mustNotMissRecall: mnmExpected ? mnmFound / mnmExpected : 1,
    mustNotMissExpected: mnmExpected,
    meanQuestions: questions / n,
    totalQuestions: TOTAL_QUESTIONS,
    adaptiveUnderTriage: adaptiveUnder,
    adaptiveTop3: withConditions ? adaptiveTop3 / withConditions : 1,
    outcomes,
  };
}

/**
 * Robustness: drop one answer at a time ("don't know") from every vignette and count under-triage. Dropping
 * the very answer that defines a red-flag case is expected to lower the urgency; the figure shows how
 * much rides on single answers.
 */
export function leaveOneOut(vignettes: readonly Vignette[]): {
  runs: number;
  underTriage: number;
  top3: number;
} {
  let runs = 0;
  let under = 0;
  let hits = 0;
  let withConditions = 0;
  for (const v of vignettes) {
    for (const key of Object.keys(v.answers)) {
      if (key === 'age') continue;
      const partial = { ...v.answers } as Record<string, unknown>;
      delete partial[key];
      const a = assessKnee(partial as unknown as Answers);
      runs++;
      if (urgencyRank(a.urgency) < urgencyRank(v.expected.urgency)) under++;
      if (v.expected.conditions.length > 0) {
        withConditions++;
        if (a.conditions.slice(0, 3).some((c) => (v.expected.conditions as string[]).includes(c.id))) hits++;
      }
    }
  }
  return { runs, underTriage: under, top3: withConditions ? hits / withConditions : 1 };
}
