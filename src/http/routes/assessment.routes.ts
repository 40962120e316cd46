/**
 * The knee check: the next adaptive question for the answers so far, running and saving an assessment
 * (= `assess --json` plus its id), and the latest saved one.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ALL_ANSWER_KEYS } from '../../domain/assessment/answer-keys.ts';
import { parseAnswers } from '../../domain/assessment/answers.schema.ts';
import { parsePartialAnswers } from '../../domain/assessment/partial-answers.parser.ts';
import { nextStep, questionsLeftEstimate, TOTAL_QUESTIONS } from '../../domain/assessment/questionnaire.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { assessOnce, latestSavedAssessment } from '../../services/assessment-history.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { jsonBody } from '../validate.ts';
import { optionalJsonBody } from './common.schemas.ts';

const nextBody = z.object({
  // The answers are checked by the assessment's own parser (ANSWER_INVALID with its message).
  answers: z.unknown().optional(),
  skipped: z.array(z.enum(ALL_ANSWER_KEYS)).max(ALL_ANSWER_KEYS.length).optional(),
});

const assessBody = z.object({
  answers: z.unknown(),
  save: z.boolean().optional(),
});

export function assessmentRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/assessment/next', async (c) => {
      const body = await optionalJsonBody(c, nextBody);
      const answers = parsePartialAnswers(body.answers ?? {});
      const skipped = body.skipped ?? [];
      const asked = new Set([...Object.keys(answers), ...skipped]).size;
      const step = nextStep(answers, skipped);
      return c.json({
        question: step?.question ?? null,
        asked,
        totalQuestions: TOTAL_QUESTIONS,
        // For "Question 12 of about 35 · details": the domain knows which questions still apply.
        phase: step?.phase ?? null,
        estimatedLeft: questionsLeftEstimate(answers, skipped),
      });
    })
    .post('/assessments', async (c) => {
      const body = await jsonBody(c, assessBody);
      const answers = parseAnswers(body.answers);
      const { result, created } = await assessOnce(deps.store.db, c.get('athlete'), deps.now, answers, {
        save: body.save ?? true,
      });
      return c.json(result, created ? 201 : 200);
    })
    .get('/assessments/latest', async (c) => {
      const saved = await latestSavedAssessment(deps.store.db, c.get('athlete').id);
      if (saved === null) {
        throw new KneewiseError(
          'ASSESSMENT_NONE',
          'No saved assessment yet: run the knee check first',
          'not-found',
        );
      }
      return c.json({ ...saved.result, id: saved.id, createdAt: saved.createdAt, answers: saved.answers });
    });
}
