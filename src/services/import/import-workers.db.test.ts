/**
 * Importing through worker threads stores exactly what importing in one thread stores, and reports the same:
 * the whole corpus (FIT, GPX, TCX, gzip, a Strava export whose metadata changes activities after they were
 * prepared, bad files), on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { CORPUS_DIR } from '../../../test/support/corpus.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { importPaths } from './import.service.ts';
import { makeOffsetResolver } from './time-zone.ts';

async function importCorpus(handle: DatabaseHandle, workers: number) {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
  const ctx = {
    db: handle.db,
    athleteId: athlete.id,
    nowIso: '2026-11-01T00:00:00.000Z',
    resolveOffset: makeOffsetResolver('America/Denver'),
    homeZone: 'America/Denver',
  };
  const report = await importPaths(ctx, [CORPUS_DIR], () => {}, { workers });
  // Ids are drawn at random and shoes get new ones: everything else must be the same.
  const rows = await handle.db
    .selectFrom('activities')
    .leftJoin('activity_streams', 'activity_streams.activity_id', 'activities.id')
    .leftJoin('shoes', 'shoes.id', 'activities.shoe_id')
    .selectAll('activities')
    .select(['activity_streams.encoding', 'activity_streams.data', 'shoes.name as shoe_name'])
    .where('activities.athlete_id', '=', athlete.id)
    .orderBy('activities.start_ms')
    .execute();
  const stored = rows.map(({ id, shoe_id, ...rest }) => ({
    ...rest,
    data: rest.data ? Buffer.from(rest.data).toString('base64') : null,
  }));
  await handle.db.deleteFrom('activity_streams').execute();
  await handle.db.deleteFrom('activities').execute();
  await handle.db.deleteFrom('imported_files').execute();
  await handle.db.deleteFrom('shoes').execute();
  return { report, stored };
}

dbTest(
  'the corpus imported through worker threads is stored and reported exactly as in one thread',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const inThread = await importCorpus(handle, 0);
      const viaWorkers = await importCorpus(handle, 2);
      assert.ok(inThread.report.imported >= 100, `imported ${inThread.report.imported}`);
      assert.ok(inThread.report.skipped.length > 0 && inThread.report.warnings.length > 0);
      assert.ok(
        inThread.stored.some((r) => r.name !== null && r.format === 'fit'),
        'the Strava export named some of its files',
      );
      assert.deepEqual(viaWorkers.report, inThread.report);
      assert.deepEqual(viaWorkers.stored, inThread.stored);
    } finally {
      await handle.close();
    }
  },
  { timeout: 180_000 },
);
