/**
 * The assessment use case: answers in, a sourced assessment out, saved for the plan and the report. When runs
 * are imported, the training change before the pain's onset (from the journal, else today) enters as evidence.
 */
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import type { Answers } from '../domain/assessment/answers.schema.ts';
import { assessKnee } from '../domain/assessment/assess.engine.ts';
import type { Assessment } from '../domain/assessment/assessment.types.ts';
import { trainingEvidenceFromLoad } from '../domain/assessment/training-evidence.from-load.ts';
import { latestEpisode } from '../domain/journal/pain-episodes.ts';
import { JournalService } from './journal.service.ts';
import { computeLoad, resolveAsOf } from './load.service.ts';
import { WhyService } from './why.service.ts';

export class AssessService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
  ) {}

  /** `isDemo` marks the saved assessment as part of the demo runner, so removing the demo removes it too. */
  async assess(
    answers: Answers,
    options: { save: boolean; isDemo?: boolean },
  ): Promise<Assessment & { id: string | null }> {
    const episode = latestEpisode(await new JournalService(this.db, this.athlete, this.now).all());
    const asOf = episode?.onset ?? resolveAsOf(undefined, this.now(), this.athlete);
    // The descent figure is `why`'s (descent per km against the usual, same onset), so the knee check, `why`
    // and the report quote one number whether or not the journal has an entry.
    const why = await new WhyService(this.db, this.athlete, this.now).explain({ onset: asOf });
    const descent = why.factors.find((f) => f.id === 'descent_increase')?.numbers.changePct;
    const training = trainingEvidenceFromLoad(
      await computeLoad(this.db, this.athlete, asOf),
      typeof descent === 'number' ? descent : null,
    );
    const result = assessKnee(answers, training);
    if (!options.save) return { ...result, id: null };
    const id = newId();
    await this.db
      .insertInto('assessments')
      .values({
        id,
        athlete_id: this.athlete.id,
        created_at: this.now().toISOString(),
        answers_json: JSON.stringify(answers),
        result_json: JSON.stringify(result),
        is_demo: options.isDemo ? 1 : 0,
      })
      .execute();
    return { ...result, id };
  }
}
