/**
 * What the knee-check screen exchanges with the API (src/http/API.md): the questionnaire's next question,
 * the assessment (`assess --json` plus `id`) and the latest saved one. The shapes live in the pure domain, so
 * they are imported as types only and the browser and the CLI can never disagree about them.
 */
import type { AnswerKey, PainLocation } from '../../../src/domain/assessment/answer-keys.ts';
import type {
  AssessedCondition,
  Assessment as EngineAssessment,
} from '../../../src/domain/assessment/assessment.types.ts';
import type { Question } from '../../../src/domain/assessment/questions.catalog.ts';
import type { Urgency } from '../../../src/domain/assessment/urgency.types.ts';

export type { AnswerKey, AssessedCondition, PainLocation, Question, Urgency };

/**
 * One line of the spec's `differential` (spec/assessment.md): what must be ruled out first, then the likely
 * conditions, in the order a person reads them.
 */
export interface DifferentialEntry {
  id: string;
  name: string;
  kind: 'must-not-miss' | 'likely';
  /** Calibrated probability, or null where the engine gives no number (a danger flagged by a rule). */
  likelihood: number | null;
  reasons: string[];
  /** The band a person reads beside the number ("likely", "must be checked"). */
  band: string;
  /** Shown under "once the urgent cause is excluded" when an urgent or emergency tier leads. */
  afterUrgentExcluded: boolean;
  /** Listed last: a danger only an unanswered red-flag question keeps open (absent in older checks). */
  openQuestion?: boolean;
}

/**
 * The engine's assessment as the browser reads it. `differential` is optional here because assessments saved
 * before it existed lack it; differential.ts rebuilds the list from `mustNotMiss` and `conditions` then.
 */
export type Assessment = Omit<EngineAssessment, 'differential'> & { differential?: DifferentialEntry[] };

/** One answer as the answers object holds it (spec/assessment.md). */
export type AnswerValue = boolean | number | string | string[];

/** Answers collected so far: every key optional while the questionnaire runs (age is asked first). */
export type DraftAnswers = Partial<Record<AnswerKey, AnswerValue>>;

/** POST /api/assessment/next */
export interface NextQuestionResponse {
  question: Question | null;
  asked: number;
  totalQuestions: number;
  /** The part of the questionnaire the question belongs to; null when done. */
  phase: QuestionPhase | null;
  /** About how many questions are left, counting this one (0 when done). */
  estimatedLeft: number;
}

export type QuestionPhase = 'warning signs' | 'where and how long' | 'details';

/** POST /api/assessments: the assessment plus the saved row's id (null when `save: false`). */
export type AssessmentResult = Assessment & { id: string | null; createdAt?: string };

/** GET /api/assessments/latest, normalised (see saved-assessment.ts). */
export interface SavedAssessment {
  id: string | null;
  createdAt: string | null;
  answers: DraftAnswers | null;
  result: Assessment;
}
