/**
 * The training-load use case: the stored history through the pure load engine, as of a day.
 */
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { parseAsOf } from '../domain/load/as-of.parser.ts';
import { computeLoadReport } from '../domain/load/load-engine.ts';
import type { LoadReport } from '../domain/load/load-report.ts';
import { athleteLoadSettings, loadHistory, runnerToday } from './activity-history.service.ts';

export function resolveAsOf(asOf: string | undefined, now: Date, athlete: Athlete): string {
  return asOf === undefined ? runnerToday(now, athlete.settings) : parseAsOf(asOf);
}

export async function computeLoad(db: Kysely<Database>, athlete: Athlete, asOf: string): Promise<LoadReport> {
  const history = await loadHistory(db, athlete.id);
  return computeLoadReport(history, asOf, athleteLoadSettings(athlete.settings));
}
