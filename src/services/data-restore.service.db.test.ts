/**
 * Export → delete all → import the export: everything comes back, a second import adds nothing; and "delete
 * all my data" leaves no note text or file path in the SQLite file or its write-ahead log.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildFitRun } from '../../test/factories/fit.factory.ts';
import { SEED_NOW, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { openDatabase } from '../db/connection.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { cliJson } from '../http/routes/route-test.support.ts';
import { DataDeletionService } from './data-deletion.service.ts';
import { DataExportService, type ExportDocument } from './data-export.service.ts';
import { DataRestoreService, isKneewiseExport, type RestoreReport } from './data-restore.service.ts';
import { importPaths } from './import/import.service.ts';

const now = () => SEED_NOW;
const SECRET_NOTE = 'zebra-knee-secret-4711 hurts on the stairs';
const PATH_MARKER = 'kw-path-marker-8842';

async function seed(handle: DatabaseHandle, dir: string) {
  const athlete = await seedReportRunner(handle);
  const folder = join(dir, PATH_MARKER);
  mkdirSync(folder);
  const file = join(folder, 'morning.fit');
  writeFileSync(file, buildFitRun({ startMs: Date.UTC(2025, 3, 2, 6), durationS: 1200, seed: 3 }));
  const report = await importPaths(
    {
      db: handle.db,
      athleteId: athlete.id,
      nowIso: SEED_NOW.toISOString(),
      resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' }),
    },
    [file],
  );
  assert.equal(report.imported, 1);
  await handle.db
    .updateTable('pain_entries')
    .set({ note: SECRET_NOTE })
    .where('athlete_id', '=', athlete.id)
    .execute();
  await new AthleteRepository(handle.db).updateSettings(athlete.id, {
    ...athlete.settings,
    units: 'mi',
    maxHr: 188,
  });
  return (await new AthleteRepository(handle.db).getOrCreateLocal(SEED_NOW.toISOString())) ?? athlete;
}

/** The export without what changes from one export to the next. */
function comparable(doc: ExportDocument) {
  const { exportedAt: _, ...rest } = doc;
  return rest;
}

dbTest('an export imports back onto an emptied database, and a second import adds nothing', async (tdb) => {
  const handle = await tdb.open();
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-restore-'));
  try {
    const athlete = await seed(handle, dir);
    const original = await new DataExportService(handle.db, athlete, now).document();
    assert.ok(original.activities.some((a) => a.stream !== null));
    const file = join(dir, 'kneewise-export.json');
    writeFileSync(file, JSON.stringify(original, null, 1));
    assert.equal(await isKneewiseExport(file), true);

    await new DataDeletionService(handle.db, athlete).deleteAll();
    const fresh = await new AthleteRepository(handle.db).getOrCreateLocal(SEED_NOW.toISOString());
    const first = await new DataRestoreService(handle.db, fresh).restoreFile(file);
    assert.equal(first.added.activities, original.counts.activities);
    assert.equal(first.added.pain_entries, original.counts.painEntries);
    assert.equal(first.added.shoes, original.counts.shoes);
    assert.equal(first.alreadyThere, 0);
    assert.equal(first.settingsRestored, true);

    const restoredAthlete = await new AthleteRepository(handle.db).getOrCreateLocal(SEED_NOW.toISOString());
    const again = await new DataExportService(handle.db, restoredAthlete, now).document();
    assert.deepEqual(comparable(again), comparable(original));

    // The command line recognises the export by its content and restores nothing twice.
    const second = (await cliJson(tdb.url, ['import', file, '--json'])) as {
      imported: number;
      restored: RestoreReport[];
    };
    assert.equal(second.imported, 0);
    assert.ok(Object.values(second.restored[0]!.added).every((n) => n === 0));
    assert.equal(
      second.restored[0]!.alreadyThere,
      first.alreadyThere + Object.values(first.added).reduce((a, b) => a + b) - first.added.activity_streams,
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

dbTest('a damaged export is refused whole, naming the row and column', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(SEED_NOW.toISOString());
    const service = new DataRestoreService(handle.db, athlete);
    const doc = {
      format: 'kneewise-export',
      formatVersion: 1,
      shoes: [{ id: 's1', name: 'Pair', start_distance_m: 0, created_at: '2025-01-01', is_demo: 0 }],
      painEntries: [{ id: 'p1', note: { nested: true } }],
    };
    await assert.rejects(service.restore(doc, 'x.json'), /painEntries\[0\]\.note: expected text/);
    assert.equal(
      (await handle.db.selectFrom('shoes').selectAll().execute()).length,
      0,
      'nothing half-restored',
    );
    await assert.rejects(service.restore({ format: 'other' }, 'x.json'), { code: 'EXPORT_INVALID' });
    await assert.rejects(
      service.restore(
        { format: 'kneewise-export', formatVersion: 1, settings: { units: 'parsecs' } },
        'x.json',
      ),
      /settings/,
    );
  } finally {
    await handle.close();
  }
});

test('[sqlite] delete all leaves no note text or file path in the database file or its log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-secure-delete-'));
  const url = join(dir, 'kneewise.sqlite');
  const bytes = () =>
    Buffer.concat([url, `${url}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p))).toString(
      'latin1',
    );
  try {
    const handle = await openDatabase(url);
    try {
      const athlete = await seed(handle, dir);
      assert.ok(bytes().includes(SECRET_NOTE), 'the note is on disk before the deletion');
      assert.ok(bytes().includes(PATH_MARKER), 'the file path is on disk before the deletion');
      await new DataDeletionService(handle.db, athlete).deleteAll();
      assert.ok(!bytes().includes('zebra-knee-secret'), 'the deleted note is gone from the disk');
      assert.ok(!bytes().includes(PATH_MARKER), 'the deleted file paths are gone from the disk');
    } finally {
      await handle.close();
    }
    assert.ok(!bytes().includes('zebra-knee-secret'));
    assert.ok(!bytes().includes(PATH_MARKER));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
