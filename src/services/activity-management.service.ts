/**
 * One activity at a time: delete it, or exclude it from analysis and include it again, so one bad file never
 * needs "delete all my data".
 *
 * - Delete removes the run, its samples and the record that its file was imported; journal entries stay and
 *   lose their link. Importing the same file again is an explicit request and imports it again.
 * - Exclude keeps the run (listed, marked) but load, why, plans and shoe mileage leave it out. Importing its
 *   file again changes nothing: the file is recognised, or the run is found as a duplicate that keeps its id
 *   and so stays excluded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { KneewiseError } from '../domain/errors.ts';
import { type ActivityJson, toActivityJson } from './activity-list.service.ts';

export const ACTIVITY_CODES = { ACTIVITY_NOT_FOUND: 'ACTIVITY_NOT_FOUND' } as const;

export class ActivityManagementService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athleteId: string,
  ) {}

  async delete(id: string): Promise<{ deleted: ActivityJson }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.find(trx, id);
      const deleted = toActivityJson(row, await shoeNames(trx, this.athleteId));
      await trx
        .updateTable('pain_entries')
        .set({ activity_id: null })
        .where('athlete_id', '=', this.athleteId)
        .where('activity_id', '=', id)
        .execute();
      await trx
        .deleteFrom('activity_streams')
        .where('athlete_id', '=', this.athleteId)
        .where('activity_id', '=', id)
        .execute();
      await trx
        .deleteFrom('activities')
        .where('athlete_id', '=', this.athleteId)
        .where('id', '=', id)
        .execute();
      // Forget that its file was imported (unless another stored run still comes from it), so importing the
      // file again brings the run back instead of reporting "already there".
      const others = await trx
        .selectFrom('activities')
        .select('id')
        .where('athlete_id', '=', this.athleteId)
        .where('source', '=', row.source)
        .limit(1)
        .execute();
      if (others.length === 0) {
        await trx
          .deleteFrom('imported_files')
          .where('athlete_id', '=', this.athleteId)
          .where('source', '=', row.source)
          .execute();
      }
      return { deleted };
    });
  }

  /** Excludes (true) or includes (false) the activity; the same value twice is not an error. */
  async setExcluded(id: string, excluded: boolean): Promise<{ activity: ActivityJson }> {
    await this.find(this.db, id);
    await this.db
      .updateTable('activities')
      .set({ excluded: excluded ? 1 : 0 })
      .where('athlete_id', '=', this.athleteId)
      .where('id', '=', id)
      .execute();
    const row = await this.find(this.db, id);
    return { activity: toActivityJson(row, await shoeNames(this.db, this.athleteId)) };
  }

  private async find(db: Kysely<Database>, id: string) {
    const row = await db
      .selectFrom('activities')
      .selectAll()
      .where('athlete_id', '=', this.athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) {
      throw new KneewiseError(
        ACTIVITY_CODES.ACTIVITY_NOT_FOUND,
        `No activity with id "${id}" (see kneewise activities)`,
        'not-found',
      );
    }
    return row;
  }
}

async function shoeNames(db: Kysely<Database>, athleteId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('shoes')
    .select(['id', 'name'])
    .where('athlete_id', '=', athleteId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
