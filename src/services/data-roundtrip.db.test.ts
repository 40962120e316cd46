/**
 * "Move my local history to a server and back": a runner's SQLite history (real corpus files with their
 * samples, shoes, journal, knee checks, sessions, settings) goes through the kneewise export into an account
 * on PostgreSQL, and from there into a fresh SQLite. Every table's rows must come out as they went in, the
 * per-second samples byte for byte; only the owner's id changes (each database has its own athlete).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { SEED_NOW, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { athleteRows } from '../../test/support/athlete-rows.ts';
import { cliOk as cli } from '../../test/support/cli-in-process.ts';
import { CORPUS_DIR } from '../../test/support/corpus.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { DataExportService } from './data-export.service.ts';
import { DataRestoreService } from './data-restore.service.ts';

const baseUrl = process.env.KNEEWISE_TEST_POSTGRES;
const skip =
  !baseUrl && process.env.KNEEWISE_REQUIRE_POSTGRES !== '1'
    ? 'no PostgreSQL (set KNEEWISE_TEST_POSTGRES or install postgresql)'
    : false;

/** Every row of every table, as plain values without the owner's id, in a fixed order, and the athlete. */
async function snapshot(handle: DatabaseHandle, athlete: Athlete) {
  const rows = await athleteRows(handle.db, athlete.id);
  return { athlete: { name: athlete.name, isDemo: athlete.isDemo, settings: athlete.settings }, rows };
}

async function moveInto(target: DatabaseHandle, doc: unknown, file: string) {
  const fresh = await new AthleteRepository(target.db).getOrCreateLocal(SEED_NOW.toISOString());
  const report = await new DataRestoreService(target.db, fresh).restore(doc, file);
  const athlete = await new AthleteRepository(target.db).getOrCreateLocal(SEED_NOW.toISOString());
  return { report, athlete };
}

test('a SQLite history moves to PostgreSQL and back to SQLite without losing a row', {
  skip,
  timeout: 180_000,
}, async () => {
  if (!baseUrl)
    throw new Error('PostgreSQL is required for this test run but KNEEWISE_TEST_POSTGRES is not set');
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-roundtrip-'));
  const name = `kw_roundtrip_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const serverUrl = new URL(baseUrl);
  serverUrl.pathname = `/${name}`;
  const local = join(dir, 'local.sqlite');
  const back = join(dir, 'back.sqlite');
  const handles: DatabaseHandle[] = [];
  try {
    // The local history: the report runner plus real files with their samples, a journal entry and a check.
    const source = await openDatabase(local);
    handles.push(source);
    await seedReportRunner(source);
    await cli(
      local,
      'import',
      join(CORPUS_DIR, 'fit', 'garmin-fenix5-run-short.fit'),
      join(CORPUS_DIR, 'gpx', 'garmin-connect-run-hr-cad.gpx'),
      join(CORPUS_DIR, 'tcx', 'garmin-fr410-run.tcx'),
    );
    await cli(
      local,
      'pain',
      'log',
      '--date',
      '2025-06-29',
      '--side',
      'left',
      '--after',
      '3',
      '--note',
      'stairs, «ouch»',
    );
    const localAthlete = await new AthleteRepository(source.db).getOrCreateLocal(SEED_NOW.toISOString());
    const before = await snapshot(source, localAthlete);
    for (const [table, rows] of Object.entries(before.rows))
      assert.ok(rows.length > 0, `the local history has ${table} rows to move`);

    // Local → server.
    const server = await openDatabase(serverUrl.toString());
    handles.push(server);
    assert.equal(server.dialect, 'postgres');
    const localExport = await new DataExportService(source.db, localAthlete, () => SEED_NOW).document();
    const up = await moveInto(server, localExport, 'local-export.json');
    assert.equal(up.report.alreadyThere, 0);
    assert.equal(up.report.added.activity_streams, before.rows.activity_streams!.length);
    assert.deepEqual(await snapshot(server, up.athlete), before, 'the server holds every row as it was');

    // Server → a new local database.
    const target = await openDatabase(back);
    handles.push(target);
    const serverExport = await new DataExportService(server.db, up.athlete, () => SEED_NOW).document();
    const down = await moveInto(target, serverExport, 'server-export.json');
    assert.equal(down.report.alreadyThere, 0);
    assert.deepEqual(await snapshot(target, down.athlete), before, 'back on SQLite, every row as it was');
    assert.deepEqual(serverExport.counts, localExport.counts);
  } finally {
    for (const h of handles) await h.close();
    // pg-pool's end() resolves before its sockets close; let them go before the database is dropped.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
