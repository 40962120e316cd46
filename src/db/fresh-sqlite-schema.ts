/**
 * A new SQLite database gets its schema from a recording: the statements Kysely's migrator runs to bring an
 * empty database through every migration (migrations/index.ts, still the one list), written down once and
 * replayed through better-sqlite3. Kysely building those statements (its migrator, the schema builders, the
 * introspection between steps) took about 25 ms of CPU; replaying them takes about 3, and a first `import` into
 * a new database waits for it before any file is prepared.
 *
 * The built CLI carries the recording beside its code (scripts/build.mjs writes fresh-sqlite-schema.json into
 * dist/cli from recordFreshSqliteSchema); run from source, it is recorded once per process. The result is the
 * same database, bookkeeping included (kysely_migration lists every migration, kysely_migration_lock its
 * unlocked row), so later migrations and every other open treat it as one Kysely migrated
 * (fresh-sqlite-schema.db.test.ts compares the two). A database that is not empty, or a recording of another
 * list of migrations, goes through the migrator as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { staticMigrationProvider } from './migrations/index.ts';

export interface FreshSchemaScript {
  /** The migrations the statements bring an empty database through, in the order they ran. */
  migrations: string[];
  /** Every statement that wrote, in order, with its parameters. */
  statements: RecordedStatement[];
}

interface RecordedStatement {
  sql: string;
  parameters: unknown[];
  /** A migration's row in Kysely's ledger: its time is the time of the replay, as the migrator's would be. */
  ledgerRow?: true;
}

/** Where the build puts the recording: beside the bundled code that reads it. */
export const FRESH_SCHEMA_FILE = 'fresh-sqlite-schema.json';

/** How the migrator writes a migration's ledger row (its name, then the time it ran). */
const LEDGER_INSERT = /^insert into "kysely_migration" \("name", "timestamp"\) values \(\?, \?\)$/;

const requireCjs = createRequire(import.meta.url);

/**
 * Runs Kysely's migrator on an empty in-memory database and records every statement that wrote (a statement
 * that only reads, such as the migrator looking at the tables, changes nothing to replay). Throws when the
 * ledger rows cannot be told apart: a replay must give each migration its row.
 */
export async function recordFreshSqliteSchema(): Promise<FreshSchemaScript> {
  const NativeSqlite = requireCjs('better-sqlite3') as typeof SqliteDatabase;
  const native = new NativeSqlite(':memory:');
  const statements: RecordedStatement[] = [];
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({
      database: {
        close: () => native.close(),
        prepare(sql: string) {
          const statement = native.prepare(sql);
          if (statement.reader) return statement;
          return {
            reader: false,
            run(parameters: unknown[]) {
              statements.push(
                LEDGER_INSERT.test(sql)
                  ? { sql, parameters: [parameters[0], null], ledgerRow: true }
                  : { sql, parameters },
              );
              return statement.run(parameters);
            },
          } as unknown as SqliteDatabase.Statement;
        },
      },
    }),
  });
  try {
    const { error, results = [] } = await new Migrator({
      db,
      provider: staticMigrationProvider,
    }).migrateToLatest();
    if (error) throw error;
    const migrations = results.map((r) => r.migrationName);
    const ledger = statements.filter((s) => s.ledgerRow).map((s) => s.parameters[0]);
    if (ledger.length !== migrations.length || ledger.some((name, i) => name !== migrations[i])) {
      throw new Error(
        `recording the new-database schema: expected a ledger row for each of ${migrations.length} migrations, saw ${ledger.length} (has Kysely changed how it writes kysely_migration?)`,
      );
    }
    return { migrations, statements };
  } finally {
    await db.destroy();
  }
}

let recordedHere: Promise<FreshSchemaScript | null> | undefined;

/**
 * The recording for this code's migrations: the build's (beside the bundle), else recorded here once; null when
 * none can be had (the migrator then runs as before).
 */
export function freshSqliteSchema(): Promise<FreshSchemaScript | null> {
  recordedHere ??= (async () => {
    const known = Object.keys(await staticMigrationProvider.getMigrations()).sort();
    const script = import.meta.url.endsWith('.ts') ? await recordFreshSqliteSchema() : builtScript();
    // A recording of another list (a build mixed with other code) is never replayed.
    return script && sameList(script.migrations, known) ? script : null;
  })().catch(() => null);
  return recordedHere;
}

function builtScript(): FreshSchemaScript | null {
  try {
    return JSON.parse(
      readFileSync(new URL(`./${FRESH_SCHEMA_FILE}`, import.meta.url), 'utf8'),
    ) as FreshSchemaScript;
  } catch {
    return null;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Replays the recording on `native` when it holds nothing at all (no table, index or trigger), inside the
 * caller's transaction, and says whether it did. Any other database is left to the migrator.
 */
export function replayOnEmptyDatabase(native: SqliteDatabase.Database, script: FreshSchemaScript): boolean {
  const { n } = native.prepare('select count(*) as n from sqlite_master').get() as { n: number };
  if (n !== 0) return false;
  const now = new Date().toISOString();
  for (const { sql, parameters, ledgerRow } of script.statements) {
    native.prepare(sql).run(ledgerRow ? [parameters[0], now] : parameters);
  }
  return true;
}
