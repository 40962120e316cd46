import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dbTest } from '../../test/support/test-databases.ts';
import { AthleteRepository } from './repositories/athlete.repository.ts';

dbTest('migrations create every table and can run twice', async (tdb) => {
  const first = await tdb.open();
  await first.close();
  const handle = await tdb.open();
  try {
    for (const table of [
      'athletes',
      'activities',
      'activity_streams',
      'imported_files',
      'shoes',
      'pain_entries',
      'assessments',
      'programme_sessions',
    ] as const) {
      const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db);
      assert.equal(Number(rows.rows[0]?.n), 0, `${table} exists and is empty`);
    }
    const indexes =
      tdb.engine === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(handle.db)
        : await sql<{ name: string }>`select indexname as name from pg_indexes`.execute(handle.db);
    assert.ok(
      indexes.rows.some((r) => r.name === 'activities_athlete_local_date'),
      'activities by athlete and local date (0007)',
    );
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
    const again = await new AthleteRepository(handle.db).getOrCreateLocal('2026-02-01T00:00:00.000Z');
    assert.equal(again.id, athlete.id, 'a local install has exactly one athlete');
    assert.equal(athlete.settings.weekStart, 'monday');
  } finally {
    await handle.close();
  }
});
