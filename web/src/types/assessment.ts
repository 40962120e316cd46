/**
 * What the knee-check screen exchanges with the API (src/http/API.md): the questionnaire's next question,
 * the assessment (`assess --json` plus `id`) and the latest saved one. The shapes live in the pure domain, so
 * they are imported as types only and the browser and the CLI can never disagree about them.
 */
import type { AnswerKey, PainLocation } from '../../../src/domain/assessment/answer-keys.ts';
import type { AssessedCondition, Assessment } from '../../../src/domain/assessment/assessment.types.ts';
import type { Question } from '../../../src/domain/assessment/questions.catalog.ts';
import type { Urgency } from '../../../src/domain/assessment/urgency.types.ts';

export type { AnswerKey, AssessedCondition, Assessment, PainLocation, Question, Urgency };

/** One answer as the answers object holds it (spec/assessment.md). */
export type AnswerValue = boolean | number | string | string[];

/** Answers collected so far: every key optional while the questionnaire runs (age is asked first). */
export type DraftAnswers = Partial<Record<AnswerKey, AnswerValue>>;

/** POST /api/assessment/next */
export interface NextQuestionResponse {
  question: Question | null;
  asked: number;
  totalQuestions: number;
}

/** POST /api/assessments: the assessment plus the saved row's id (null when `save: false`). */
export type AssessmentResult = Assessment & { id: string | null; createdAt?: string };

/** GET /api/assessments/latest, normalised (see saved-assessment.ts). */
export interface SavedAssessment {
  id: string | null;
  createdAt: string | null;
  answers: DraftAnswers | null;
  result: Assessment;
}
