/**
 * Opening a database whose schema is current skips the migrator; one that lacks a migration (an older
 * kneewise left it) is still brought up to date on the next open.
 */
import assert from 'node:assert/strict';
import { type Kysely, Migrator, sql } from 'kysely';
import { dbTest } from '../../test/support/test-databases.ts';
import { staticMigrationProvider } from './migrations/index.ts';

async function applied(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

dbTest(
  'a database an older kneewise left is migrated on open; a current one is left as it is',
  async (tdb) => {
    const all = Object.keys(await staticMigrationProvider.getMigrations()).sort();
    const first = await tdb.open();
    try {
      const db = first.db as unknown as Kysely<unknown>;
      assert.deepEqual(await applied(db), all);
      const older = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(all.at(-2)!);
      assert.equal(older.error, undefined);
      assert.deepEqual(await applied(db), all.slice(0, -1));
    } finally {
      await first.close();
    }
    const reopened = await tdb.open();
    try {
      assert.deepEqual(
        await applied(reopened.db as unknown as Kysely<unknown>),
        all,
        'the missing one applied',
      );
    } finally {
      await reopened.close();
    }
    const again = await tdb.open();
    try {
      assert.deepEqual(await applied(again.db as unknown as Kysely<unknown>), all);
    } finally {
      await again.close();
    }
  },
);
