/**
 * The import's batch transaction (import-store.ts), on SQLite (better-sqlite3 statements) and PostgreSQL
 * (Kysely): a file that fails inside the batch leaves nothing of itself and the others are committed; a batch
 * that fails as a whole leaves nothing at all, so its files are imported again by the next run.
 */
import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import { newId } from '../ids.ts';
import type { ActivityRow } from './activity.repository.ts';
import { ActivityRepository } from './activity.repository.ts';
import { AthleteRepository } from './athlete.repository.ts';
import { type ImportStore, inImportTransaction } from './import-store.ts';
import { ImportedFileRepository } from './imported-file.repository.ts';

const NOW = '2026-06-01T12:00:00.000Z';

function run(athleteId: string, startMs: number): ActivityRow {
  return {
    id: newId(startMs),
    athlete_id: athleteId,
    source: `run-${startMs}.fit`,
    format: 'fit',
    external_id: null,
    sport: 'run',
    raw_sport: 'running',
    start_at: new Date(startMs).toISOString(),
    start_ms: startMs,
    local_date: new Date(startMs).toISOString().slice(0, 10),
    utc_offset_s: 0,
    local_date_basis: 'file',
    distance_m: 10_000,
    moving_time_s: 3000,
    elapsed_time_s: 3100,
    timer_time_s: 3000,
    ascent_m: null,
    descent_m: null,
    downhill_distance_m: null,
    avg_heart_rate: 150,
    max_heart_rate: 170,
    avg_cadence_spm: null,
    avg_stride_m: null,
    calories: null,
    device: null,
    name: null,
    description: null,
    gear_name: null,
    shoe_id: null,
    sample_count: 3000,
    richness: 2,
    summary_version: '1',
    imported_at: NOW,
    is_demo: 0,
    excluded: 0,
  };
}

/** One file as the import writes it: marked imported and its run stored, under its own savepoint. */
function storeFile(store: ImportStore, hash: string, row: ActivityRow, failAfterWriting = false) {
  return store.atomically(async () => {
    assert.equal(await store.recordFile(hash, row.source, 1, NOW), true);
    const blob = { encoding: 'test', data: Buffer.from([1, 2, 3]) };
    assert.equal(await store.insertActivity(row, blob), true);
    if (failAfterWriting) throw new Error(`${row.source} failed after writing`);
  });
}

dbTest(
  'a file failing inside a batch leaves nothing behind; the rest of the batch is committed',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW);
      const t0 = Date.UTC(2025, 0, 1, 7);
      const [a, b, c] = [0, 1, 2].map((i) => run(athlete.id, t0 + i * 86_400_000)) as [
        ActivityRow,
        ActivityRow,
        ActivityRow,
      ];
      const failures = await inImportTransaction(handle.db, athlete.id, async (store) => {
        const failed: string[] = [];
        for (const [hash, row, fail] of [
          ['hash-a', a, false],
          ['hash-b', b, true],
          ['hash-c', c, false],
        ] as const) {
          await storeFile(store, hash, row, fail).catch((error: Error) => failed.push(error.message));
        }
        // The same bytes a second time in the same batch: already there, seen before the commit.
        assert.equal(await store.activityCountOf('hash-a'), 1);
        assert.equal(await store.recordFile('hash-a', 'again.fit', 1, NOW), false);
        assert.equal(await store.activityCountOf('hash-b'), null, 'the failed file is not marked imported');
        assert.equal(await store.insertActivity({ ...a, id: newId() }, null), false, 'same start: not twice');
        return failed;
      });
      assert.deepEqual(failures, [`${b.source} failed after writing`]);
      const stored = await new ActivityRepository(handle.db).list(athlete.id, { all: true });
      assert.deepEqual(
        stored.map((r) => r.start_ms),
        [a.start_ms, c.start_ms],
      );
      assert.deepEqual(
        (await new ActivityRepository(handle.db).streamsOf(athlete.id, a.id))?.encoding,
        'test',
      );
      assert.equal(await new ActivityRepository(handle.db).streamsOf(athlete.id, b.id), null);
      const files = new ImportedFileRepository(handle.db);
      assert.deepEqual((await files.contentHashes(athlete.id)).sort(), ['hash-a', 'hash-c']);
    } finally {
      await handle.close();
    }
  },
);

dbTest('a batch that fails as a whole stores none of its files, so a re-run imports them', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW);
    const row = run(athlete.id, Date.UTC(2025, 0, 1, 7));
    await assert.rejects(
      inImportTransaction(handle.db, athlete.id, async (store) => {
        await storeFile(store, 'hash-a', row);
        throw new Error('the batch is lost');
      }),
      /the batch is lost/,
    );
    assert.equal(await new ActivityRepository(handle.db).count(athlete.id), 0);
    assert.equal(await new ImportedFileRepository(handle.db).activityCountOf(athlete.id, 'hash-a'), null);
    // The database is usable afterwards: the next batch stores the file.
    await inImportTransaction(handle.db, athlete.id, (store) => storeFile(store, 'hash-a', row));
    assert.equal(await new ActivityRepository(handle.db).count(athlete.id), 1);
  } finally {
    await handle.close();
  }
});
