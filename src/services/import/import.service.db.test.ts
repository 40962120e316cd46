/**
 * The import use case against a real database, on SQLite and PostgreSQL: idempotency, exports with metadata,
 * the same run from two sources, hostile archives, and bad files that never stop the import.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildGarminExportZip, buildStravaExportZip } from '../../../test/factories/export.factory.ts';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { buildZip } from '../../../test/factories/zip-writer.ts';
import { CORPUS_DIR } from '../../../test/support/corpus.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import { importPaths } from './import.service.ts';

const T0 = Date.UTC(2025, 4, 3, 7, 0, 0);

async function context(handle: DatabaseHandle) {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
  return {
    db: handle.db,
    athleteId: athlete.id,
    // After the corpus's newest activity (2026-05): an import refuses runs dated after tomorrow.
    nowIso: '2026-11-01T00:00:00.000Z',
    resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' as const }),
  };
}

function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-import-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

dbTest(
  'the whole corpus imports; bad files are listed with codes; a second import adds nothing',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const ctx = await context(handle);
      const first = await importPaths(ctx, [CORPUS_DIR]);
      assert.ok(first.imported >= 100, `imported ${first.imported}`);
      const codes = new Map(first.skipped.map((s) => [s.file.slice(CORPUS_DIR.length + 1), s.code]));
      assert.equal(codes.get('bad/empty.fit'), 'EMPTY_FILE');
      assert.equal(codes.get('bad/fit-gz-bad-crc.fit.gz'), 'GZIP_CORRUPT');
      assert.equal(codes.get('fit/garmin-fr70-run-compressed-ts-antfs.fit'), 'FIT_DEVICE_RELATIVE_TIME');
      assert.ok(
        !first.warnings.some((w) => w.file.endsWith('garmin-fr70-run-compressed-ts-antfs.fit')),
        'a skipped undated file is not also listed as a warning saying its data was kept',
      );
      assert.equal(codes.get('tcx/course-not-activity.tcx'), 'NOT_AN_ACTIVITY');
      assert.ok(
        first.warnings.some(
          (w) => w.file.endsWith('bad/fit-truncated-60pct.fit') && w.code === 'FIT_TRUNCATED',
        ),
        'a truncated file imports what it holds, with a warning',
      );
      const stored = await new ActivityRepository(handle.db).count(ctx.athleteId);
      assert.equal(stored, first.imported);

      const second = await importPaths(ctx, [CORPUS_DIR]);
      assert.equal(second.imported, 0, 'importing the same files again adds nothing');
      assert.equal(await new ActivityRepository(handle.db).count(ctx.athleteId), stored);
      assert.equal(second.duplicates, first.imported + first.duplicates);
    } finally {
      await handle.close();
    }
  },
  { timeout: 180_000 },
);

dbTest(
  'a Strava export ZIP: files get the CSV names and gear, file-less rows still arrive, shoes are created',
  async (tdb) => {
    const handle = await tdb.open();
    const tmp = tempDir();
    try {
      const ctx = await context(handle);
      const run1 = buildFitRun({ startMs: T0, durationS: 1800, seed: 1 });
      const run2 = buildFitRun({ startMs: T0 + 2 * 86_400_000, durationS: 2400, seed: 2 });
      const zip = buildStravaExportZip({
        root: 'export_42/',
        shoes: [{ name: 'Blue Pegasus', brand: 'Nike', model: 'Pegasus 40', defaultSportTypes: ['Run'] }],
        activities: [
          {
            id: 1001,
            type: 'Run',
            date: T0,
            distanceM: 5000,
            movingS: 1800,
            elapsedS: 1800,
            name: 'Easy Monday',
            gear: 'Blue Pegasus',
            file: { name: '555.fit.gz', bytes: run1, gzip: true },
          },
          {
            id: 1002,
            type: 'TrailRun',
            date: T0 + 2 * 86_400_000,
            distanceM: 7000,
            movingS: 2400,
            elapsedS: 2400,
            name: 'Hills',
            file: { name: '556.fit', bytes: run2 },
          },
          {
            id: 1003,
            type: 'Run',
            date: T0 + 4 * 86_400_000,
            distanceM: 8000,
            movingS: 2700,
            elapsedS: 2800,
            name: 'Treadmill, typed in by hand',
            gear: 'Blue Pegasus',
          },
          {
            id: 1004,
            type: 'Run',
            date: T0 + 5 * 86_400_000,
            distanceM: 6000,
            movingS: 2000,
            elapsedS: 2000,
            name: 'Strava could not process',
            filenameCell: '#error#',
          },
        ],
      });
      const zipPath = join(tmp.dir, 'strava-export.zip');
      writeFileSync(zipPath, zip);
      const report = await importPaths(ctx, [zipPath]);
      assert.equal(report.imported, 4, JSON.stringify(report));
      assert.deepEqual(report.skipped, []);
      const rows = await new ActivityRepository(handle.db).list(ctx.athleteId);
      const byName = new Map(rows.map((r) => [r.name, r]));
      const easy = byName.get('Easy Monday');
      assert.ok(easy, 'the FIT file took its name from activities.csv');
      assert.equal(easy.source, `${zipPath}!export_42/activities/555.fit.gz`);
      assert.equal(easy.external_id, '1001');
      assert.ok(easy.sample_count > 1000, 'the file, not the CSV summary, was stored');
      assert.equal(
        byName.get('Hills')?.sport,
        'trail_run',
        "Strava's TrailRun label wins over the device's generic run",
      );
      const manual = byName.get('Treadmill, typed in by hand');
      assert.equal(manual?.distance_m, 8000);
      assert.equal(manual?.source, `${zipPath}!export_42/activities.csv`);
      assert.ok(byName.get('Strava could not process'), 'an #error# row still arrives from its summary');
      const shoes = await new ShoeRepository(handle.db).list(ctx.athleteId);
      assert.deepEqual(
        shoes.map((s) => s.name),
        ['Blue Pegasus'],
      );
      assert.equal(easy.shoe_id, shoes[0]!.id);
      assert.equal(manual?.shoe_id, shoes[0]!.id);

      const again = await importPaths(ctx, [zipPath]);
      assert.equal(again.imported, 0);
      assert.equal(await new ActivityRepository(handle.db).count(ctx.athleteId), 4);
    } finally {
      tmp.cleanup();
      await handle.close();
    }
  },
);

dbTest(
  'a Garmin export ZIP with nested UploadedFiles parts: metadata and gear by activity id',
  async (tdb) => {
    const handle = await tdb.open();
    const tmp = tempDir();
    try {
      const ctx = await context(handle);
      const zip = buildGarminExportZip({
        activities: [
          {
            activityId: 9001,
            startMs: T0,
            distanceM: 6000,
            durationS: 1800,
            name: 'Morning run',
            activityType: 'running',
            file: { bytes: buildFitRun({ startMs: T0, durationS: 1800, seed: 3 }) },
          },
          {
            activityId: 9002,
            startMs: T0 + 86_400_000,
            distanceM: 20000,
            durationS: 3600,
            name: 'Commute',
            activityType: 'cycling',
            sportType: 'CYCLING',
          },
        ],
        gear: [{ gearPk: 77, displayName: 'Old Cliftons', activityIds: [9001] }],
      });
      const zipPath = join(tmp.dir, 'garmin.zip');
      writeFileSync(zipPath, zip);
      const report = await importPaths(ctx, [zipPath]);
      assert.equal(report.imported, 2, JSON.stringify(report));
      const rows = await new ActivityRepository(handle.db).list(ctx.athleteId);
      const run = rows.find((r) => r.name === 'Morning run');
      assert.ok(run?.source.includes('UploadedFiles_0-_Part1.zip!'), run?.source);
      assert.ok((run?.sample_count ?? 0) > 1000);
      assert.equal(run?.gear_name, 'Old Cliftons');
      assert.equal(rows.find((r) => r.name === 'Commute')?.sport, 'ride');
    } finally {
      tmp.cleanup();
      await handle.close();
    }
  },
);

dbTest('the same run from a watch file and a GPX copy is stored once, the richer copy kept', async (tdb) => {
  const handle = await tdb.open();
  const tmp = tempDir();
  try {
    const ctx = await context(handle);
    const gpxPath = join(tmp.dir, 'copy.gpx');
    writeFileSync(
      gpxPath,
      buildGpx({
        startMs: T0 + 20_000,
        durationS: 1800,
        intervalS: 5,
        type: 'running',
        heartRate: false,
        cadence: false,
      }),
    );
    const fitPath = join(tmp.dir, 'watch.fit.gz');
    writeFileSync(fitPath, gzipSync(buildFitRun({ startMs: T0, durationS: 1800, seed: 5, withHr: true })));
    const a = await importPaths(ctx, [gpxPath]);
    assert.equal(a.imported, 1);
    const b = await importPaths(ctx, [fitPath]);
    assert.equal(b.imported, 0);
    assert.equal(b.duplicates, 1);
    const rows = await new ActivityRepository(handle.db).list(ctx.athleteId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.format, 'fit', 'the FIT copy (1 Hz, heart rate) replaced the sparser GPX');
    assert.equal(rows[0]!.source, fitPath);
  } finally {
    tmp.cleanup();
    await handle.close();
  }
});

dbTest("a new run without gear gets the runner's default shoe for its sport, once in use", async (tdb) => {
  const handle = await tdb.open();
  const tmp = tempDir();
  try {
    const ctx = await context(handle);
    const shoes = new ShoeRepository(handle.db);
    const trainer = await shoes.findOrCreate(
      ctx.athleteId,
      { name: 'Daily trainer', defaultSport: 'run,treadmill_run' },
      '2025-05-01T00:00:00.000Z', // added before the run (2025-05-03)
    );
    const path = join(tmp.dir, 'run.fit');
    writeFileSync(path, buildFitRun({ startMs: T0, durationS: 1800, seed: 11 }));
    await importPaths(ctx, [path]);
    const [row] = await new ActivityRepository(handle.db).list(ctx.athleteId);
    assert.equal(row?.shoe_id, trainer.id);
  } finally {
    tmp.cleanup();
    await handle.close();
  }
});

dbTest('hostile and broken archive entries are refused with archive!path, the rest imports', async (tdb) => {
  const handle = await tdb.open();
  const tmp = tempDir();
  try {
    const ctx = await context(handle);
    const zip = buildZip([
      { path: 'ok.fit', data: buildFitRun({ startMs: T0, durationS: 1200, seed: 7 }) },
      { path: '../escape.fit', data: buildFitRun({ startMs: T0 + 86_400_000, durationS: 1200, seed: 8 }) },
      { path: 'broken.fit', data: new Uint8Array([14, 16, 0, 0, 0, 0, 0, 0, 46, 70, 73, 84, 0, 0]) },
    ]);
    const zipPath = join(tmp.dir, 'mixed.zip');
    writeFileSync(zipPath, zip);
    const report = await importPaths(ctx, [zipPath]);
    assert.equal(report.imported, 1);
    const byFile = new Map(report.skipped.map((s) => [s.file, s.code]));
    assert.equal(byFile.get(`${zipPath}!../escape.fit`), 'ZIP_UNSAFE_PATH');
    assert.ok(byFile.has(`${zipPath}!broken.fit`), JSON.stringify(report.skipped));
  } finally {
    tmp.cleanup();
    await handle.close();
  }
});
