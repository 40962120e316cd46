import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Remembers which file contents were fully imported, so a re-run (or a resumed, killed run) skips them. */
export class ImportedFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** How many activities the file with these contents gave when it was imported, or null if never. */
  async activityCountOf(athleteId: string, contentHash: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('imported_files')
      .select('activity_count')
      .where('athlete_id', '=', athleteId)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row ? row.activity_count : null;
  }

  /** The contents imported so far, to recognise them before decoding (hex SHA-256). */
  async contentHashes(athleteId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('imported_files')
      .select('content_hash')
      .where('athlete_id', '=', athleteId)
      .execute();
    return rows.map((r) => r.content_hash);
  }

  /**
   * Marks the contents as imported; false when they already were (by another importer running at the same
   * time, whose transaction this waits for on PostgreSQL).
   */
  async record(
    athleteId: string,
    contentHash: string,
    source: string,
    activityCount: number,
    nowIso: string,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('imported_files')
      .values({
        athlete_id: athleteId,
        content_hash: contentHash,
        source,
        activity_count: activityCount,
        imported_at: nowIso,
      })
      .onConflict((oc) => oc.columns(['athlete_id', 'content_hash']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
