/**
 * A new SQLite database created from the recorded schema (fresh-sqlite-schema.ts) is the database Kysely's
 * migrator makes: the same tables, indexes and triggers, the same ledger and lock rows, the same data; and the
 * migrator then treats it as its own (nothing left to apply, migrations down and up again). SQLite only:
 * PostgreSQL databases are always created by the migrator.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openDatabase } from './connection.ts';
import { freshSqliteSchema, recordFreshSqliteSchema } from './fresh-sqlite-schema.ts';
import { staticMigrationProvider } from './migrations/index.ts';

const NativeSqlite = createRequire(import.meta.url)('better-sqlite3') as typeof SqliteDatabase;
const dir = mkdtempSync(join(tmpdir(), 'kw-fresh-schema-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A new file brought to the latest schema the way every database was before: Kysely's migrator alone. */
async function migratedByKysely(path: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new NativeSqlite(path) }) });
  try {
    const { error } = await new Migrator({ db, provider: staticMigrationProvider }).migrateToLatest();
    assert.equal(error, undefined);
  } finally {
    await db.destroy();
  }
}

/** Everything that defines a database here: its schema, Kysely's bookkeeping and the rows of every table. */
function contentsOf(path: string) {
  const native = new NativeSqlite(path, { readonly: true });
  try {
    const schema = native
      .prepare('select type, name, tbl_name, sql from sqlite_master order by type, name')
      .all() as { type: string; name: string }[];
    const rows: Record<string, unknown[]> = {};
    for (const { name } of schema.filter((s) => s.type === 'table')) {
      rows[name] = native.prepare(`select * from "${name}" order by 1`).all();
    }
    // Kysely's ledger holds the time each migration ran: the names and their order are what must agree.
    rows.kysely_migration = (rows.kysely_migration as { name: string }[]).map((r) => r.name);
    return { schema, rows };
  } finally {
    native.close();
  }
}

test('a new database from the recorded schema is the one the migrator makes', async () => {
  const fromScript = join(dir, 'script.sqlite');
  const byMigrator = join(dir, 'migrator.sqlite');
  const handle = await openDatabase(fromScript);
  await handle.close();
  await migratedByKysely(byMigrator);

  const ours = contentsOf(fromScript);
  const kysely = contentsOf(byMigrator);
  assert.ok(ours.schema.length > 30, 'tables, indexes and triggers were created');
  assert.deepEqual(ours.schema, kysely.schema);
  assert.deepEqual(ours.rows, kysely.rows);
  assert.deepEqual(
    ours.rows.kysely_migration,
    Object.keys(await staticMigrationProvider.getMigrations()).sort(),
    'every migration is in the ledger, in order',
  );
  assert.deepEqual(ours.rows.kysely_migration_lock, [{ id: 'migration_lock', is_locked: 0 }]);
});

test('the migrator treats a database from the recorded schema as its own', async () => {
  const path = join(dir, 'then-migrated.sqlite');
  await (await openDatabase(path)).close();
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new NativeSqlite(path) }) });
  try {
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    const latest = await migrator.migrateToLatest();
    assert.equal(latest.error, undefined);
    assert.deepEqual(latest.results, [], 'nothing left to apply');
    const down = await migrator.migrateTo('0002-journal-assessments-plans');
    assert.equal(down.error, undefined);
    assert.ok((down.results ?? []).length >= 5, 'the later migrations came down');
    const up = await migrator.migrateToLatest();
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => r.migrationName),
      down.results?.map((r) => r.migrationName).reverse(),
    );
  } finally {
    await db.destroy();
  }
});

test('a database that is not empty is left to the migrator', async () => {
  const path = join(dir, 'not-empty.sqlite');
  const native = new NativeSqlite(path);
  native.exec('create table notes (body text)');
  native.close();
  const handle = await openDatabase(path);
  await handle.close();
  const { schema, rows } = contentsOf(path);
  assert.ok(schema.some((s) => s.name === 'notes'));
  assert.ok(schema.some((s) => s.name === 'activities'));
  assert.equal(
    (rows.kysely_migration as string[]).length,
    Object.keys(await staticMigrationProvider.getMigrations()).length,
  );
});

test('the recording survives the JSON the build writes it as, and lists every migration', async () => {
  const script = await recordFreshSqliteSchema();
  assert.deepEqual(JSON.parse(JSON.stringify(script)), script);
  assert.deepEqual(script.migrations, Object.keys(await staticMigrationProvider.getMigrations()).sort());
  assert.equal(script.statements.filter((s) => s.ledgerRow).length, script.migrations.length);
  assert.deepEqual(await freshSqliteSchema(), script, 'run from source, the same recording is made here');
});
