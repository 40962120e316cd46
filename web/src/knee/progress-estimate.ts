/**
 * "Question 12 of about 35 · details": the questionnaire is adaptive, so the total is an estimate. The server
 * makes it (questionsLeftEstimate in src/domain/assessment/questionnaire.ts: the screen and core questions
 * that still apply to the answers, plus the adaptive ones a check usually ends on) and names the phase.
 */
import type { NextQuestionResponse } from '../types/assessment.ts';

export function progressLabel(answered: number, next: NextQuestionResponse | null): string {
  if (next === null || next.question === null) return `${answered} questions answered`;
  const total = answered + Math.max(1, next.estimatedLeft);
  return `Question ${answered + 1} of about ${total}${next.phase ? ` · ${next.phase}` : ''}`;
}
