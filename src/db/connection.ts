/**
 * Opens the database named by a URL (a file path or `sqlite:PATH` → SQLite, `postgres://…` → PostgreSQL) and
 * brings its schema up to date. The rest of the app sees only `Kysely<Database>`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KneewiseError } from '../domain/errors.ts';
import { staticMigrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

// PostgreSQL returns int8/numeric as strings by default; our counts and sums fit in doubles.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openDatabase(url: string): Promise<DatabaseHandle> {
  const dialect = dialectOf(url);
  const handle = dialect === 'postgres' ? openPostgres(url) : openSqlite(url);
  await migrateToLatest(handle.db);
  return handle;
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.replace(/^sqlite:/i, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let native: SqliteDatabase.Database;
  try {
    native = new SqliteDatabase(path);
  } catch (error) {
    throw new KneewiseError(
      'DB_OPEN_FAILED',
      `Cannot open the SQLite database at ${path}: ${String(error)}`,
      'internal',
    );
  }
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server drops (a restart, an admin terminating it) is emitted here; the pool has
  // already discarded it and the next query opens a new one. Unhandled, it would crash a running server.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new KneewiseError(
      'DB_MIGRATION_FAILED',
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      'internal',
    );
  }
}
