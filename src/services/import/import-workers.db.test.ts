/**
 * Importing through worker threads stores exactly what importing in one thread stores, and reports the same:
 * the whole corpus (FIT, GPX, TCX, gzip, a Strava export whose metadata changes activities after they were
 * prepared, bad files), on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { buildZip } from '../../../test/factories/zip-writer.ts';
import { CORPUS_DIR } from '../../../test/support/corpus.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { importPaths } from './import.service.ts';
import { makeOffsetResolver } from './time-zone.ts';

/**
 * An archive whose walk refuses entries between files (in an archive nested half-way, found only when the
 * walk reaches it): refusals are listed where they were found, as in one thread.
 */
function mixedZip(dir: string): string {
  const run = (i: number) =>
    buildFitRun({ startMs: Date.UTC(2023, 2, 1 + i, 7), durationS: 600, seed: 50 + i });
  const nested = buildZip([
    { path: '../escape.fit', data: run(20) },
    { path: 'inner.fit', data: run(21) },
  ]);
  // Every third file is empty: a skipped file before the nested archive, and after it.
  const entries = Array.from({ length: 12 }, (_, i) => ({
    path: `run-${i}.fit`,
    data: i % 3 === 1 ? new Uint8Array() : run(i),
  }));
  entries.splice(6, 0, { path: 'part-2.zip', data: nested });
  const path = join(dir, 'mixed.zip');
  writeFileSync(path, buildZip(entries));
  return path;
}

async function importCorpus(handle: DatabaseHandle, workers: number, zipPath: string) {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
  const ctx = {
    db: handle.db,
    athleteId: athlete.id,
    nowIso: '2026-11-01T00:00:00.000Z',
    resolveOffset: makeOffsetResolver('America/Denver'),
    homeZone: 'America/Denver',
  };
  const report = await importPaths(ctx, [CORPUS_DIR, zipPath], () => {}, { workers });
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
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-workers-'));
    try {
      const zipPath = mixedZip(dir);
      const inThread = await importCorpus(handle, 0, zipPath);
      const viaWorkers = await importCorpus(handle, 2, zipPath);
      assert.ok(inThread.report.imported >= 100, `imported ${inThread.report.imported}`);
      assert.ok(inThread.report.skipped.length > 0 && inThread.report.warnings.length > 0);
      assert.ok(
        inThread.stored.some((r) => r.name !== null && r.format === 'fit'),
        'the Strava export named some of its files',
      );
      const unsafe = inThread.report.skipped.filter((s) => s.code === 'ZIP_UNSAFE_PATH').length;
      assert.equal(unsafe, 1, 'the nested archive refused its unsafe entry');
      assert.deepEqual(viaWorkers.report, inThread.report);
      assert.deepEqual(viaWorkers.stored, inThread.stored);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await handle.close();
    }
  },
  { timeout: 180_000 },
);
