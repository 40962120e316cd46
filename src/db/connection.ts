/**
 * Opens the database named by a URL (a file path or `sqlite:PATH` → SQLite, `postgres://…` → PostgreSQL) and
 * brings its schema up to date. The rest of the app sees only `Kysely<Database>`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  sql,
} from 'kysely';
import { KneewiseError } from '../domain/errors.ts';
import { type FreshSchemaScript, freshSqliteSchema, replayOnEmptyDatabase } from './fresh-sqlite-schema.ts';
import { staticMigrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/**
 * better-sqlite3 is CommonJS. Required as such, Node loads it as it is; an ES import first scans its source for
 * named exports, a few ms of every command's start-up.
 */
const requireCjs = createRequire(import.meta.url);
const NativeSqlite = requireCjs('better-sqlite3') as typeof SqliteDatabase;

/**
 * Where better-sqlite3's install put its compiled addon (prebuilt or built, always build/Release), so it is
 * loaded from there directly. Left to itself, better-sqlite3 finds it through the `bindings` package, which
 * works out the package folder from a stack trace and tries a dozen paths: a few ms of every open. A debug
 * build (which `bindings` would prefer) or any other layout is left to that search.
 */
function sqliteAddonPath(): string | undefined {
  const build = join(dirname(requireCjs.resolve('better-sqlite3')), '..', 'build');
  const release = join(build, 'Release', 'better_sqlite3.node');
  return existsSync(release) && !existsSync(join(build, 'Debug')) ? release : undefined;
}

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

export async function openDatabase(url: string): Promise<DatabaseHandle> {
  const dialect = dialectOf(url);
  const handle = dialect === 'postgres' ? await openPostgres(url) : openSqlite(url);
  await migrateToLatest(handle);
  return handle;
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.replace(/^sqlite:/i, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let native: SqliteDatabase.Database;
  try {
    const nativeBinding = sqliteAddonPath();
    native = new NativeSqlite(path, nativeBinding === undefined ? {} : { nativeBinding });
  } catch (error) {
    throw new KneewiseError(
      'DB_OPEN_FAILED',
      `Cannot open the SQLite database at ${path}: ${String(error)}`,
      'internal',
    );
  }
  // Set first: even switching to WAL takes a lock, and a second importer opening the same file must wait for
  // it, not fail with "database is locked".
  native.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, not just unlinked: a deleted pain note must not stay readable in
  // the file (issue 14 #12). Costs a little I/O on deletes, which are rare.
  native.pragma('secure_delete = ON');
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(native) }),
  });
  nativeSqlite.set(db, native);
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}

const nativeSqlite = new WeakMap<Kysely<Database>, SqliteDatabase.Database>();

/**
 * The better-sqlite3 database under a SQLite handle's Kysely instance (not under a transaction's), for the
 * import's prepared statements (repositories/import-store.ts); undefined on PostgreSQL.
 */
export function nativeSqliteOf(db: Kysely<Database>): SqliteDatabase.Database | undefined {
  return nativeSqlite.get(db);
}

/** How many distinct statements stay prepared; queries with a variable number of parameters make new texts. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely sees it, with each statement prepared once per SQL text and reused: an import runs
 * the same handful of statements for every file, and better-sqlite3 re-preparing them each time was most of
 * the cost of a write. A statement still being iterated (a streamed query) is never handed out twice.
 */
function withStatementCache(native: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => native.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = native.prepare(text);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * How long a SQLite writer waits for another process's write to finish. Import transactions are one file each
 * (milliseconds); a minute covers a concurrent "delete all" or a large migration without failing files.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 60_000;

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred transaction that
 * reads and then writes cannot wait for a concurrent writer: SQLite fails it at once with "database is locked",
 * whatever busy_timeout says, because its snapshot is already stale. Beginning as a writer makes the second
 * importer (and the second process migrating a new database) queue behind the first instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  // Loaded only here: the pg client pulls in Node's network, TLS and DNS modules, which a SQLite run never needs
  // (a third of a command's start-up).
  const { default: pg } = await import('pg');
  // PostgreSQL returns int8/numeric as strings by default; our counts and sums fit in doubles.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server drops (a restart, an admin terminating it) is emitted here; the pool has
  // already discarded it and the next query opens a new one. Unhandled, it would crash a running server.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'postgres') {
    // Kysely holds a PostgreSQL advisory lock while it migrates, so a second process waits, then finds the
    // schema current.
    return runMigrator(handle.db);
  }
  // Most opens find the schema current: one read of Kysely's own ledger says so, where the migrator would
  // first inspect every table (a tenth of a short command's start-up).
  if (await sqliteSchemaIsCurrent(handle.db)) return;
  const native = nativeSqlite.get(handle.db);
  const script = native ? await freshSqliteSchema() : null;
  // On SQLite Kysely takes no lock and uses no transaction: two processes opening a new file would both
  // create the tables and one would fail. One immediate transaction around the whole run serialises them
  // (SQLite's DDL is transactional), and the second process finds nothing left to do.
  await handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      // An empty database takes the recorded schema (fresh-sqlite-schema.ts); any other, the migrator.
      if (!(native && script && createdFromScript(native, script))) await runMigrator(conn);
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  });
}

/**
 * True when Kysely's ledger lists exactly the migrations this build knows, all applied. Anything else (a new
 * file, a migration missing or unknown, a lock left behind) goes through the migrator, which applies, waits
 * or explains.
 */
async function sqliteSchemaIsCurrent(db: Kysely<Database>): Promise<boolean> {
  const known = Object.keys(await staticMigrationProvider.getMigrations()).sort();
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    const lock = await sql<{ is_locked: number }>`select is_locked from kysely_migration_lock`.execute(db);
    return (
      rows.length === known.length &&
      rows.every((r, i) => r.name === known[i]) &&
      lock.rows.every((r) => Number(r.is_locked) === 0)
    );
  } catch {
    return false; // a new database: no ledger yet
  }
}

/** The recorded schema replayed on an empty database (false: not empty), its failure said as the migrator's is. */
function createdFromScript(native: SqliteDatabase.Database, script: FreshSchemaScript): boolean {
  try {
    return replayOnEmptyDatabase(native, script);
  } catch (error) {
    throw new KneewiseError(
      'DB_MIGRATION_FAILED',
      `Creating the tables of a new database failed: ${error instanceof Error ? error.message : String(error)}`,
      'internal',
    );
  }
}

async function runMigrator(db: Kysely<Database>): Promise<void> {
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
