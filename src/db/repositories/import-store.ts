/**
 * What an import writes, and the transaction it writes it in: one transaction per batch of files, one savepoint
 * per file inside it, so a file that fails leaves nothing of itself behind and never takes its batch down, and a
 * crash loses at most the batch not yet committed (its files are not marked imported, so a re-run imports them).
 *
 * Two implementations of the same statements: through Kysely (PostgreSQL, and any database handle Kysely wraps),
 * and on SQLite through better-sqlite3 statements prepared once per batch (sqlite-import-store.ts), because
 * building and preparing the same few statements for every row was most of an import's writing time.
 */
import { type Kysely, sql } from 'kysely';
import { nativeSqliteOf } from '../connection.ts';
import type { Database } from '../schema.ts';
import { ActivityRepository, type ActivityRow } from './activity.repository.ts';
import { ImportedFileRepository } from './imported-file.repository.ts';
import { ShoeRepository } from './shoe.repository.ts';
import { sqliteImportStore } from './sqlite-import-store.ts';

export type StoredStreams = { encoding: string; data: Uint8Array };
export type ActivityMetadataPatch = Partial<
  Pick<ActivityRow, 'name' | 'description' | 'gear_name' | 'external_id' | 'shoe_id'>
>;

/** The import's statements, all for one athlete, inside one open transaction. */
export interface ImportStore {
  /** How many activities the file with these contents gave when it was imported, or null if never. */
  activityCountOf(contentHash: string): Promise<number | null>;
  /** Marks the contents as imported; false when they already were (another importer's, waited for on PG). */
  recordFile(contentHash: string, source: string, activityCount: number, nowIso: string): Promise<boolean>;
  findStartingNear(startMs: number, toleranceMs: number): Promise<ActivityRow[]>;
  /** False (nothing written) when a run with the same start instant is already stored. */
  insertActivity(row: ActivityRow, streams: StoredStreams | null): Promise<boolean>;
  replaceActivity(row: ActivityRow, streams: StoredStreams | null): Promise<void>;
  fillMissingMetadata(id: string, meta: ActivityMetadataPatch): Promise<void>;
  /** The shoe named so, created the first time it is seen. */
  shoeIdNamed(name: string, nowIso: string): Promise<string>;
  /** The runner's default shoe for the sport, if it was in use on that day. */
  defaultShoeId(sport: string, localDate: string): Promise<string | null>;
  /**
   * Runs `write` so that it is all stored or none of it (a savepoint): when it throws, what it wrote is undone
   * and the error passed on, and the batch goes on.
   */
  atomically<T>(write: () => Promise<T>): Promise<T>;
}

/**
 * Runs `work` in one transaction on the athlete's store, committed when it returns, rolled back when it throws.
 * On a SQLite database opened by openDatabase, the statements are better-sqlite3's own, prepared once.
 */
export async function inImportTransaction<T>(
  db: Kysely<Database>,
  athleteId: string,
  work: (store: ImportStore) => Promise<T>,
): Promise<T> {
  const native = nativeSqliteOf(db);
  if (native) {
    // Kysely's one SQLite connection, held for the whole transaction: nothing else in this process (the
    // dashboard's reads) can slip a statement into it meanwhile; they wait for the commit.
    return db.connection().execute(async (conn) => {
      native.exec('begin immediate');
      try {
        const result = await work(sqliteImportStore(native, conn, athleteId));
        native.exec('commit');
        return result;
      } catch (error) {
        if (native.inTransaction) native.exec('rollback');
        throw error;
      }
    });
  }
  return db.transaction().execute((trx) => work(kyselyImportStore(trx, athleteId)));
}

/** The store through Kysely, on a transaction (`trx`) already open. */
export function kyselyImportStore(trx: Kysely<Database>, athleteId: string): ImportStore {
  const activities = new ActivityRepository(trx);
  const files = new ImportedFileRepository(trx);
  const shoes = new ShoeRepository(trx);
  let depth = 0;
  return {
    activityCountOf: (hash) => files.activityCountOf(athleteId, hash),
    recordFile: (hash, source, count, nowIso) => files.record(athleteId, hash, source, count, nowIso),
    findStartingNear: (startMs, toleranceMs) => activities.findStartingNear(athleteId, startMs, toleranceMs),
    insertActivity: (row, streams) => activities.insert(row, streams),
    replaceActivity: (row, streams) => activities.replace(row, streams),
    fillMissingMetadata: (id, meta) => activities.fillMissingMetadata(athleteId, id, meta),
    shoeIdNamed: async (name, nowIso) => (await shoes.findOrCreate(athleteId, { name }, nowIso)).id,
    defaultShoeId: async (sport, localDate) =>
      (await shoes.defaultFor(athleteId, sport, localDate))?.id ?? null,
    async atomically(write) {
      // PostgreSQL refuses every statement after an error until the transaction (or a savepoint) rolls back.
      const name = sql.id(`import_file_${depth++}`);
      await sql`savepoint ${name}`.execute(trx);
      try {
        const result = await write();
        await sql`release savepoint ${name}`.execute(trx);
        return result;
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(trx);
        await sql`release savepoint ${name}`.execute(trx);
        throw error;
      } finally {
        depth--;
      }
    },
  };
}
