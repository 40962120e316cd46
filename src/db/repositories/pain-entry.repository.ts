import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PainEntryTable } from '../schema.ts';
import { readableDate } from './analysis-scope.ts';

export type PainEntryRow = Selectable<PainEntryTable>;

/** The pain journal. Every query is scoped by athlete; entries come back in time order. */
export class PainEntryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: PainEntryRow): Promise<void> {
    await this.db.insertInto('pain_entries').values(row).execute();
  }

  async findById(athleteId: string, id: string): Promise<PainEntryRow | undefined> {
    return this.db
      .selectFrom('pain_entries')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async list(athleteId: string, options: { from?: string; to?: string } = {}): Promise<PainEntryRow[]> {
    // Entries dated beyond the calendar's reach (analysis-scope.ts) would break every episode and report.
    let query = this.db
      .selectFrom('pain_entries')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where(readableDate());
    if (options.from !== undefined) query = query.where('local_date', '>=', options.from);
    if (options.to !== undefined) query = query.where('local_date', '<=', options.to);
    return query.orderBy('occurred_at').orderBy('id').execute();
  }

  async update(
    athleteId: string,
    id: string,
    patch: Omit<Updateable<PainEntryTable>, 'id' | 'athlete_id'>,
  ): Promise<void> {
    await this.db
      .updateTable('pain_entries')
      .set(patch)
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .execute();
  }

  /** Returns false when there was no such entry. */
  async delete(athleteId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('pain_entries')
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
