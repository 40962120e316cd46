/**
 * The import's statements on SQLite (import-store.ts) as better-sqlite3 statements, prepared once per database
 * and run with plain parameters: no query building and no preparing per row. The rare paths (a richer copy
 * replacing a stored run, metadata filled in, a new shoe, a default shoe) go through the Kysely repositories on
 * the same connection, so they stay written once.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { ACTIVITY_COLUMNS, type ActivityRow } from './activity.repository.ts';
import { type ImportStore, kyselyImportStore } from './import-store.ts';

interface Statements {
  activityCount: SqliteDatabase.Statement<[string, string], { activity_count: number }>;
  recordFile: SqliteDatabase.Statement<[string, string, string, number, string]>;
  startingNear: SqliteDatabase.Statement<[string, number, number], ActivityRow>;
  insertActivity: SqliteDatabase.Statement<Record<string, unknown>>;
  insertStreams: SqliteDatabase.Statement<[string, string, string, Uint8Array]>;
  shoeNamed: SqliteDatabase.Statement<[string, string], { id: string }>;
  anyDefaultShoe: SqliteDatabase.Statement<[string], { found: number }>;
  savepoint: SqliteDatabase.Statement;
  release: SqliteDatabase.Statement;
  rollbackTo: SqliteDatabase.Statement;
}

const prepared = new WeakMap<SqliteDatabase.Database, Statements>();

function statementsOf(native: SqliteDatabase.Database): Statements {
  let statements = prepared.get(native);
  if (!statements) {
    statements = {
      activityCount: native.prepare(
        'select activity_count from imported_files where athlete_id = ? and content_hash = ?',
      ),
      recordFile: native.prepare(
        `insert into imported_files (athlete_id, content_hash, source, activity_count, imported_at)
         values (?, ?, ?, ?, ?) on conflict (athlete_id, content_hash) do nothing`,
      ),
      startingNear: native.prepare(
        'select * from activities where athlete_id = ? and start_ms >= ? and start_ms <= ?',
      ),
      insertActivity: native.prepare(
        `insert into activities (${ACTIVITY_COLUMNS.join(', ')})
         values (${ACTIVITY_COLUMNS.map((c) => `@${c}`).join(', ')})
         on conflict (athlete_id, start_ms) do nothing`,
      ),
      insertStreams: native.prepare(
        'insert into activity_streams (activity_id, athlete_id, encoding, data) values (?, ?, ?, ?)',
      ),
      shoeNamed: native.prepare('select id from shoes where athlete_id = ? and name = ?'),
      anyDefaultShoe: native.prepare(
        'select 1 as found from shoes where athlete_id = ? and retired_at is null and default_sport is not null limit 1',
      ),
      savepoint: native.prepare('savepoint import_file'),
      release: native.prepare('release import_file'),
      rollbackTo: native.prepare('rollback to import_file'),
    };
    prepared.set(native, statements);
  }
  return statements;
}

/**
 * The store inside a transaction the caller has begun on `native`; `conn` is Kysely on the same connection
 * (held by the caller), for the rare paths.
 */
export function sqliteImportStore(
  native: SqliteDatabase.Database,
  conn: Kysely<Database>,
  athleteId: string,
): ImportStore {
  const s = statementsOf(native);
  const viaKysely = kyselyImportStore(conn, athleteId);
  return {
    ...viaKysely,
    activityCountOf: async (hash) => s.activityCount.get(athleteId, hash)?.activity_count ?? null,
    recordFile: async (hash, source, count, nowIso) =>
      s.recordFile.run(athleteId, hash, source, count, nowIso).changes > 0,
    findStartingNear: async (startMs, toleranceMs) =>
      s.startingNear.all(athleteId, startMs - toleranceMs, startMs + toleranceMs),
    async insertActivity(row, streams) {
      if (s.insertActivity.run(row as unknown as Record<string, unknown>).changes === 0) return false;
      if (streams) s.insertStreams.run(row.id, row.athlete_id, streams.encoding, streams.data);
      return true;
    },
    async shoeIdNamed(name, nowIso) {
      return s.shoeNamed.get(athleteId, name)?.id ?? viaKysely.shoeIdNamed(name, nowIso);
    },
    async defaultShoeId(sport, localDate) {
      // Most runners set no default pair: one indexed look-up says so, without reading every shoe.
      if (!s.anyDefaultShoe.get(athleteId)) return null;
      return viaKysely.defaultShoeId(sport, localDate);
    },
    async atomically(write) {
      // SQLite savepoints nest by name: an inner one of the same name is simply the innermost.
      s.savepoint.run();
      try {
        const result = await write();
        s.release.run();
        return result;
      } catch (error) {
        s.rollbackTo.run();
        s.release.run();
        throw error;
      }
    },
  };
}
