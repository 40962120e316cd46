/**
 * One athlete's attention facts, computed by the same services as their own screens, on whatever connection
 * the caller runs (the scoped pool: row-level security applies), and only for the categories the caller may
 * read — a category not readable is "not shared" and its tables are not even queried.
 */
import type { Kysely } from 'kysely';
import type { Athlete } from '../../db/repositories/athlete.repository.ts';
import type { Database } from '../../db/schema.ts';
import { toPainDays } from '../../domain/journal/journal-for-plans.ts';
import { painStatus } from '../../domain/plans/pain-monitoring.ts';
import { latestSavedAssessment } from '../../services/assessment-history.service.ts';
import { JournalService } from '../../services/journal.service.ts';
import { computeLoad, resolveAsOf } from '../../services/load.service.ts';
import { ShoeService } from '../../services/shoe.service.ts';
import {
  type AthleteAttention,
  type AttentionFacts,
  attentionItems,
  type KneeCheckFact,
  type PainFact,
  type Shared,
  type ShoeFact,
} from '../domain/attention.ts';
import type { Category } from '../domain/roles.ts';

async function when<T>(allowed: boolean, read: () => Promise<T>): Promise<Shared<T>> {
  return allowed ? { shared: true, value: await read() } : { shared: false };
}

export async function attentionFacts(
  db: Kysely<Database>,
  athlete: Athlete,
  readable: ReadonlySet<Category>,
  now: () => Date,
): Promise<{ asOf: string; facts: AttentionFacts }> {
  const asOf = resolveAsOf(undefined, now(), athlete);
  const symptoms = readable.has('symptoms');
  const [latestRun, pain, kneeCheck, shoes] = await Promise.all([
    when(readable.has('training'), async () => (await computeLoad(db, athlete, asOf)).runs.at(-1) ?? null),
    when(symptoms, async (): Promise<PainFact> => {
      const entries = (await new JournalService(db, athlete, now).all()).filter((e) => e.localDate <= asOf);
      const lastEntryDate = entries.reduce<string | null>(
        (latest, e) => (latest === null || e.localDate > latest ? e.localDate : latest),
        null,
      );
      // The same call as the plan and Today make (plan-generator.ts): the one pain model.
      return { status: painStatus(toPainDays(entries), asOf), lastEntryDate };
    }),
    when(symptoms, async (): Promise<KneeCheckFact | null> => {
      const saved = await latestSavedAssessment(db, athlete.id);
      return saved === null
        ? null
        : { urgency: saved.result.urgency, createdAt: saved.createdAt, headline: saved.result.headline };
    }),
    // A pair's distance counts the runs the caller can see: with gear but not training shared, computed on read
    // it is the start distance only. The alert job computes as the athlete, so stored items count every run.
    when(readable.has('gear'), async (): Promise<ShoeFact[]> => {
      const list = await new ShoeService(db, athlete, now).list({ includeRetired: false });
      return list.shoes.map((s) => ({
        id: s.id,
        name: s.name,
        distanceM: s.distanceM,
        status: s.status,
        alert: s.alert,
        lastRunDate: s.lastRunDate,
      }));
    }),
  ]);
  return { asOf, facts: { latestRun, pain, kneeCheck, shoes } };
}

export async function computeAttention(
  db: Kysely<Database>,
  athlete: Athlete,
  readable: ReadonlySet<Category>,
  now: () => Date,
): Promise<{ asOf: string; attention: AthleteAttention }> {
  const { asOf, facts } = await attentionFacts(db, athlete, readable, now);
  return { asOf, attention: attentionItems(facts) };
}
