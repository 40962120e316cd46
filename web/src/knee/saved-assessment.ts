/**
 * GET /api/assessments/latest as one shape. API.md says "the latest saved assessment"; the row holds the
 * answers and the engine's result, which a route may return nested ({ id, createdAt, answers, result }) or
 * flat (the result with id/createdAt/answers beside it). Both are accepted so the screen does not break on
 * either reading of the contract.
 */
import type { Assessment, DraftAnswers, SavedAssessment } from '../types/assessment.ts';

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAssessment = (v: unknown): v is Assessment =>
  isObject(v) && typeof v.urgency === 'string' && Array.isArray(v.conditions);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toSavedAssessment(body: unknown): SavedAssessment | null {
  if (!isObject(body)) return null;
  if (isObject(body.assessment))
    return toSavedAssessment({ ...body.assessment, ...body, assessment: undefined });
  const answers = isObject(body.answers) ? (body.answers as DraftAnswers) : null;
  const id = text(body.id);
  const createdAt = text(body.createdAt) ?? text(body.created_at);
  if (isAssessment(body.result)) return { id, createdAt, answers, result: body.result };
  if (isAssessment(body)) return { id, createdAt, answers, result: body };
  return null;
}
