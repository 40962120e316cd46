/**
 * Migration 0003 (one activity per athlete and start): copies stored twice by the old check-then-insert race
 * are merged before the unique key is created — the richest copy stays, journal links follow it — and the key
 * then turns a second insert of the same start into a no-op.
 */
import assert from 'node:assert/strict';
import { type Kysely, Migrator, sql } from 'kysely';
import { dbTest } from '../../test/support/test-databases.ts';
import { staticMigrationProvider } from './migrations/index.ts';
import { ActivityRepository } from './repositories/activity.repository.ts';

async function insertRun(db: Kysely<unknown>, id: string, startMs: number, richness: number) {
  await sql`insert into activities (id, athlete_id, source, format, sport, raw_sport, start_at, start_ms, local_date,
      local_date_basis, distance_m, moving_time_s, elapsed_time_s, richness, summary_version, imported_at)
    values (${id}, 'a1', ${`${id}.fit`}, 'fit', 'run', 'running', ${new Date(startMs).toISOString()}, ${startMs},
      '2024-01-01', 'file', 5000, 1500, 1500, ${richness}, 'v1', '2024-01-02T00:00:00.000Z')`.execute(db);
}

dbTest('migration 0003 merges stored duplicates, keeps journal links, then refuses new ones', async (tdb) => {
  // Bring a fresh database to the schema before 0003, as an older kneewise left it.
  const handle = await tdb.open();
  const db = handle.db as unknown as Kysely<unknown>;
  try {
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    const down = await migrator.migrateTo('0002-journal-assessments-plans');
    assert.equal(down.error, undefined);
    await sql`insert into athletes (id, name, created_at, is_demo, settings_json)
      values ('a1', 'Me', '2024-01-01T00:00:00.000Z', 0, '{}')`.execute(db);
    const t = Date.UTC(2024, 0, 1, 7);
    await insertRun(db, 'b-poor', t, 1);
    await insertRun(db, 'a-rich', t, 5);
    await insertRun(db, 'c-poor', t, 1);
    await insertRun(db, 'other', t + 86_400_000, 1);
    await sql`insert into activity_streams (activity_id, athlete_id, encoding, data)
      values ('b-poor', 'a1', 'x', ${Buffer.from([1])})`.execute(db);
    await sql`insert into pain_entries (id, athlete_id, occurred_at, local_date, activity_id, created_at)
      values ('p1', 'a1', '2024-01-01T09:00:00.000Z', '2024-01-01', 'c-poor', '2024-01-01T09:00:00.000Z')`.execute(
      db,
    );
    const up = await migrator.migrateToLatest();
    assert.equal(up.error, undefined, String(up.error));

    const ids = (await sql<{ id: string }>`select id from activities order by id`.execute(db)).rows.map(
      (r) => r.id,
    );
    assert.deepEqual(ids, ['a-rich', 'other'], 'the richest copy stays');
    const link = await sql<{ activity_id: string }>`select activity_id from pain_entries`.execute(db);
    assert.equal(link.rows[0]?.activity_id, 'a-rich', 'the journal entry follows the kept copy');
    const streams = await sql<{ n: number }>`select count(*) as n from activity_streams`.execute(db);
    assert.equal(Number(streams.rows[0]?.n), 0, "removed copies' samples went with them");

    const repo = new ActivityRepository(handle.db);
    const [kept] = await repo.findStartingNear('a1', t, 0);
    assert.ok(kept);
    const inserted = await repo.insert({ ...kept, id: 'again' }, null);
    assert.equal(inserted, false, 'a second run at the same start is not stored');
  } finally {
    await handle.close();
  }
});
