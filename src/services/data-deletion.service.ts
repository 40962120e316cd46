/**
 * "Delete all my data": every row the athlete owns, their own and demo alike, in one transaction, and the
 * settings back to their defaults. The athlete itself stays (a local install always has one). Irreversible,
 * so the HTTP edge asks for the confirmation phrase first.
 *
 * Deleted means gone from the disk too (issue 14 #12): SQLite overwrites deleted content (secure_delete, set
 * when the database is opened), then VACUUM rebuilds the file and the write-ahead log is checkpointed and
 * truncated, so neither the .db nor the -wal file still holds a note or a file path. PostgreSQL gets VACUUM on
 * the emptied tables, so the dead rows' space is reclaimed and reused rather than kept as it was.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_SETTINGS, type RunnerSettings } from '../domain/settings.ts';

/** What the runner types to confirm. */
export const DELETE_CONFIRMATION = 'delete all my data';

export interface DeletedCounts {
  activities: number;
  activityStreams: number;
  importedFiles: number;
  shoes: number;
  painEntries: number;
  assessments: number;
  programmeSessions: number;
}

/** Children before parents: journal links and shoe links point at activities and shoes. */
const ORDER = [
  ['painEntries', 'pain_entries'],
  ['assessments', 'assessments'],
  ['programmeSessions', 'programme_sessions'],
  ['activityStreams', 'activity_streams'],
  ['activities', 'activities'],
  ['importedFiles', 'imported_files'],
  ['shoes', 'shoes'],
] as const satisfies readonly (readonly [keyof DeletedCounts, keyof Database])[];

export class DataDeletionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
  ) {}

  async deleteAll(): Promise<{ deleted: DeletedCounts; settings: RunnerSettings }> {
    const result = await this.deleteRows();
    await this.reclaimSpace();
    return result;
  }

  /** Rewrites the storage so the deleted rows' bytes are not left behind. Outside any transaction. */
  private async reclaimSpace(): Promise<void> {
    if (this.db.getExecutor().adapter instanceof PostgresAdapter) {
      const tables = ORDER.map(([, table]) => sql.table(table));
      await sql`VACUUM ${sql.join([...tables, sql.table('athletes')])}`.execute(this.db);
      return;
    }
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.db);
    await sql`VACUUM`.execute(this.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.db);
  }

  private async deleteRows(): Promise<{ deleted: DeletedCounts; settings: RunnerSettings }> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = {} as DeletedCounts;
      for (const [key, table] of ORDER) {
        const result = await trx
          .deleteFrom(table)
          .where('athlete_id', '=', this.athlete.id)
          .executeTakeFirst();
        deleted[key] = Number(result.numDeletedRows);
      }
      await trx
        .updateTable('athletes')
        .set({ settings_json: JSON.stringify(DEFAULT_SETTINGS) })
        .where('id', '=', this.athlete.id)
        .execute();
      return { deleted, settings: { ...DEFAULT_SETTINGS } };
    });
  }
}
