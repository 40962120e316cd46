/**
 * Saved assessments: the latest one (for the knee-check screen, Today and the plan), and running a new one
 * through AssessService so that sending the same answers twice on one day stores one assessment, not two.
 */
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import type { Answers } from '../domain/assessment/answers.schema.ts';
import type { Assessment } from '../domain/assessment/assessment.types.ts';
import { KneewiseError } from '../domain/errors.ts';
import { todayIn } from './activity-history.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';

export interface SavedAssessment {
  id: string;
  createdAt: string;
  answers: Answers;
  result: Assessment;
}

/** What Today shows of an assessment: the tier, its headline and the three likeliest conditions. */
export interface AssessmentHeadline {
  id: string;
  createdAt: string;
  urgency: Assessment['urgency'];
  headline: string;
  topConditions: { id: string; name: string; likelihood: number }[];
}

/** The newest saved assessment, or null; a row with bad JSON is an error naming it, under `corruptCode`. */
export async function latestSavedAssessment(
  db: Kysely<Database>,
  athleteId: string,
  corruptCode = 'ASSESSMENT_CORRUPT',
): Promise<SavedAssessment | null> {
  const row = await db
    .selectFrom('assessments')
    .select(['id', 'created_at', 'answers_json', 'result_json'])
    .where('athlete_id', '=', athleteId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return {
      id: row.id,
      createdAt: row.created_at,
      answers: JSON.parse(row.answers_json) as Answers,
      result: JSON.parse(row.result_json) as Assessment,
    };
  } catch (error) {
    throw new KneewiseError(
      corruptCode,
      `Saved assessment ${row.id} holds invalid JSON (${error instanceof Error ? error.message : error})`,
      'internal',
    );
  }
}

export function assessmentHeadline(saved: SavedAssessment): AssessmentHeadline {
  return {
    id: saved.id,
    createdAt: saved.createdAt,
    urgency: saved.result.urgency,
    headline: saved.result.headline,
    topConditions: saved.result.conditions
      .slice(0, 3)
      .map((c) => ({ id: c.id, name: c.name, likelihood: c.likelihood })),
  };
}

/** The `assess --json` result plus its id (null when not saved) and whether this call stored it. */
export interface AssessOutcome {
  result: Assessment & { id: string | null };
  created: boolean;
}

export async function assessOnce(
  db: Kysely<Database>,
  athlete: Athlete,
  now: () => Date,
  answers: Answers,
  options: { save: boolean },
): Promise<AssessOutcome> {
  if (options.save) {
    const latest = await latestSavedAssessment(db, athlete.id);
    // A double-click or a retried request: the same answers on the same day are the same check.
    if (
      latest !== null &&
      sameAnswers(latest.answers, answers) &&
      sameDay(latest.createdAt, now(), athlete)
    ) {
      return { result: { ...latest.result, id: latest.id }, created: false };
    }
  }
  // Loaded here, not with this module: Today, `status` and the plan only read the latest assessment, and the
  // knee check's engine and knowledge base are the largest code a command could load for nothing.
  const { AssessService } = await import('./assess.service.ts');
  const result = await new AssessService(db, athlete, now).assess(answers, options);
  return { result, created: result.id !== null };
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const canonical = (x: Answers) =>
    JSON.stringify(Object.fromEntries(Object.entries(x).sort(([k1], [k2]) => k1.localeCompare(k2))));
  return canonical(a) === canonical(b);
}

function sameDay(createdAt: string, now: Date, athlete: Athlete): boolean {
  const zone = athlete.settings.timeZone ?? systemTimeZone();
  return todayIn(new Date(createdAt), zone) === todayIn(now, zone);
}
