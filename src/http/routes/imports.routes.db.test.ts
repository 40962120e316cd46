/**
 * Imports from the browser, end to end through the HTTP app on SQLite and PostgreSQL: a Strava export ZIP
 * streamed up in chunks, imported in the background, polled to the end; the same export again gives
 * duplicates; real corpus files, bad ones included, come back in the report under the names they were
 * uploaded with; a broken database fails the job, not the server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStravaExportZip } from '../../../test/factories/export.factory.ts';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { CORPUS_DIR } from '../../../test/support/corpus.ts';
import { dbTest, type TestDatabase } from '../../../test/support/test-databases.ts';
import type { ImportJobView } from '../../services/import-jobs.service.ts';
import { createHttpApp } from '../app.ts';
import { importRoutes } from './imports.routes.ts';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const T0 = Date.UTC(2025, 4, 3, 7, 0, 0);
const DAY = 86_400_000;

async function setup(tdb: TestDatabase) {
  const store = await tdb.open();
  const scratchDir = mkdtempSync(join(tmpdir(), 'kneewise-scratch-'));
  const app = createHttpApp(
    { store, now: () => NOW, pdfRenderer: null, scratchDir },
    { webRoot: null, routes: (deps) => importRoutes(deps) },
  );
  const call = (method: string, path: string, body?: RequestInit['body'] | Uint8Array) =>
    app.request(`http://127.0.0.1/api${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body, headers: { 'content-type': 'application/octet-stream' }, duplex: 'half' }),
    } as RequestInit);
  return {
    store,
    scratchDir,
    call,
    async close() {
      await store.close();
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function jobOf(response: Response, status = 202): Promise<ImportJobView> {
  const body = (await response.json()) as { job: ImportJobView };
  assert.equal(response.status, status, JSON.stringify(body));
  return body.job;
}

/** The browser's way: poll until the job ends. */
async function finished(s: Setup, id: string): Promise<ImportJobView> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const job = await jobOf(await s.call('GET', `/imports/${id}`), 200);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

/** The bytes as a stream of small chunks, as a large upload arrives. */
function chunked(bytes: Uint8Array, size = 4096): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function stravaExport(): Uint8Array {
  return buildStravaExportZip({
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
        file: {
          name: '555.fit.gz',
          bytes: buildFitRun({ startMs: T0, durationS: 1800, seed: 1 }),
          gzip: true,
        },
      },
      {
        id: 1002,
        type: 'TrailRun',
        date: T0 + 2 * DAY,
        distanceM: 7000,
        movingS: 2400,
        elapsedS: 2400,
        name: 'Hills',
        file: { name: '556.fit', bytes: buildFitRun({ startMs: T0 + 2 * DAY, durationS: 2400, seed: 2 }) },
      },
      {
        id: 1003,
        type: 'Run',
        date: T0 + 4 * DAY,
        distanceM: 8000,
        movingS: 2700,
        elapsedS: 2800,
        name: 'Treadmill, typed in by hand',
      },
    ],
  });
}

async function activityRows(s: Setup) {
  return s.store.db.selectFrom('activities').select(['source', 'name']).orderBy('start_ms').execute();
}

dbTest(
  'a Strava export uploaded in chunks imports in the background; again, it gives duplicates',
  async (tdb) => {
    const s = await setup(tdb);
    try {
      const created = await jobOf(
        await s.call('POST', '/imports?name=my%20strava%20export.zip', chunked(stravaExport())),
      );
      assert.equal(created.state, 'receiving');
      assert.deepEqual(created.files, ['my strava export.zip']);
      const started = await jobOf(await s.call('POST', `/imports/${created.id}/start`));
      assert.equal(started.state, 'importing');

      const done = await finished(s, created.id);
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(done.error, null);
      assert.deepEqual(done.report, { imported: 3, duplicates: 0, skipped: [], warnings: [] });
      assert.equal(done.progress.done, 2, 'two activity files in the archive');
      const rows = await activityRows(s);
      assert.equal(rows.length, 3);
      assert.deepEqual(
        rows.map((r) => r.source),
        [
          'my strava export.zip!export_42/activities/555.fit.gz',
          'my strava export.zip!export_42/activities/556.fit',
          'my strava export.zip!export_42/activities.csv',
        ],
        'stored under the name the runner knows, never the scratch path',
      );
      assert.deepEqual(readdirSync(s.scratchDir), [], 'the scratch files are gone');

      const again = await jobOf(
        await s.call('POST', '/imports?name=my%20strava%20export.zip', stravaExport()),
      );
      await jobOf(await s.call('POST', `/imports/${again.id}/start`));
      const second = await finished(s, again.id);
      assert.equal(second.state, 'done');
      assert.equal(second.report?.imported, 0);
      assert.equal(second.report?.duplicates, 3);
      assert.equal((await activityRows(s)).length, 3, 'no new rows');
    } finally {
      await s.close();
    }
  },
);

dbTest(
  'corpus files in one job: good ones import, bad ones are listed by their uploaded names',
  async (tdb) => {
    const s = await setup(tdb);
    try {
      const file = (rel: string) => readFileSync(join(CORPUS_DIR, rel));
      const first = await jobOf(
        await s.call('POST', '/imports?name=garmin-fenix2-run.fit', file('fit/garmin-fenix2-run.fit')),
      );
      const add = async (name: string, rel: string) =>
        jobOf(await s.call('POST', `/imports/${first.id}/files?name=${encodeURIComponent(name)}`, file(rel)));
      await add('garmin-connect-run.gpx', 'gpx/garmin-connect-run.gpx');
      await add('garmin-fr410-run.tcx', 'tcx/garmin-fr410-run.tcx');
      await add('fit-gz-bad-crc.fit.gz', 'bad/fit-gz-bad-crc.fit.gz');
      await add('course-not-activity.tcx', 'tcx/course-not-activity.tcx');
      // The same name twice (two folders dropped together): the second is kept as "… (2)".
      const last = await add('garmin-fenix2-run.fit', 'fit/garmin-fr70-run-compressed-ts-antfs.fit');
      assert.deepEqual(last.files, [
        'garmin-fenix2-run.fit',
        'garmin-connect-run.gpx',
        'garmin-fr410-run.tcx',
        'fit-gz-bad-crc.fit.gz',
        'course-not-activity.tcx',
        'garmin-fenix2-run (2).fit',
      ]);
      // An empty file does not stop the upload: the import lists it as skipped, as `kneewise import` does.
      const empty = await add('empty.fit', 'bad/empty.fit');
      assert.equal(empty.files.at(-1), 'empty.fit');

      await jobOf(await s.call('POST', `/imports/${first.id}/start`));
      const done = await finished(s, first.id);
      assert.equal(done.state, 'done');
      const report = done.report!;
      const skipped = new Map(report.skipped.map((x) => [x.file, x]));
      assert.equal(skipped.get('fit-gz-bad-crc.fit.gz')?.code, 'GZIP_CORRUPT');
      assert.equal(skipped.get('course-not-activity.tcx')?.code, 'NOT_AN_ACTIVITY');
      assert.equal(skipped.get('garmin-fenix2-run (2).fit')?.code, 'FIT_DEVICE_RELATIVE_TIME');
      assert.equal(skipped.get('empty.fit')?.code, 'EMPTY_FILE');
      for (const x of report.skipped) assert.ok(x.message.length > 10, `${x.file} says why`);
      assert.equal(report.skipped.length, 4);
      assert.ok(report.imported >= 3, JSON.stringify(report));
      assert.equal((await activityRows(s)).length, report.imported);
      for (const w of report.warnings) assert.doesNotMatch(w.file, /kneewise-scratch/);
    } finally {
      await s.close();
    }
  },
);

dbTest('an import the database refuses ends its job with the error; the server goes on', async (tdb) => {
  const s = await setup(tdb);
  try {
    await s.store.db.schema.dropTable('imported_files').execute();
    const job = await jobOf(
      await s.call('POST', '/imports?name=run.fit', buildFitRun({ startMs: T0, durationS: 600 })),
    );
    await jobOf(await s.call('POST', `/imports/${job.id}/start`));
    const ended = await finished(s, job.id);
    // The import either fails as a whole or lists the file it could not store; either way it says why.
    if (ended.state === 'failed') {
      assert.equal(ended.error?.code, 'IMPORT_FAILED');
      assert.match(ended.error!.message, /imported_files/);
      assert.equal(ended.report, null);
    } else {
      assert.equal(ended.state, 'done');
      assert.equal(ended.report?.imported, 0);
      assert.deepEqual(
        ended.report?.skipped.map((x) => x.file),
        ['run.fit'],
      );
      assert.match(ended.report!.skipped[0]!.message, /imported_files/);
    }
    assert.deepEqual(readdirSync(s.scratchDir), []);
    const after = await s.call('GET', `/imports/${job.id}`);
    assert.equal(after.status, 200, 'still answering');
  } finally {
    await s.close();
  }
});
