/**
 * Export all and delete all, on SQLite and PostgreSQL: the export holds every row the athlete owns in every
 * table (streams as base64 that decode to the stored bytes), copes with 3,000 activities a page at a time,
 * and delete-all leaves nothing of the athlete, demo rows included, while another athlete keeps everything.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { buildFitRun } from '../../test/factories/fit.factory.ts';
import { SEED_NOW, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { encodeStreams, STREAM_ENCODING } from '../db/stream-codec.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import { DataDeletionService } from './data-deletion.service.ts';
import { DataExportService, EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './data-export.service.ts';
import { DemoService } from './demo.service.ts';
import { importPaths } from './import/import.service.ts';

const now = () => SEED_NOW;
/** Every table but athletes: a new table the athlete owns fails to compile here until it is added. */
const OWNED_TABLES: Record<Exclude<keyof Database, 'athletes'>, true> = {
  activities: true,
  activity_streams: true,
  imported_files: true,
  shoes: true,
  pain_entries: true,
  assessments: true,
  programme_sessions: true,
};
const OWNED = Object.keys(OWNED_TABLES) as (keyof typeof OWNED_TABLES)[];

/** The report runner, a FIT import (streams, imported files) and the demo runner: every table has rows. */
async function fullRunner(handle: DatabaseHandle): Promise<Athlete> {
  const athlete = await seedReportRunner(handle);
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-export-'));
  try {
    const path = join(dir, 'morning.fit');
    writeFileSync(path, buildFitRun({ startMs: Date.UTC(2025, 3, 2, 6), durationS: 1200, seed: 3 }));
    const report = await importPaths(
      {
        db: handle.db,
        athleteId: athlete.id,
        nowIso: SEED_NOW.toISOString(),
        resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' }),
      },
      [path],
    );
    assert.equal(report.imported, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await new DemoService(handle.db, athlete, now).seed('2025-06-29');
  return athlete;
}

/** Another athlete (a clinic server) with a row in every table it can own. */
async function secondAthlete(handle: DatabaseHandle): Promise<string> {
  const id = 'second-athlete';
  await handle.db
    .insertInto('athletes')
    .values({
      id,
      name: 'Second',
      created_at: '2031-01-01T00:00:00.000Z',
      is_demo: 0,
      settings_json: '{"units":"mi"}',
    })
    .execute();
  await handle.db
    .insertInto('shoes')
    .values({
      id: 'second-shoe',
      athlete_id: id,
      name: 'Theirs',
      brand: null,
      model: null,
      start_distance_m: 0,
      default_sport: null,
      retired_at: null,
      created_at: SEED_NOW.toISOString(),
      is_demo: 0,
    })
    .execute();
  await handle.db
    .insertInto('activities')
    .values(storedActivityRow(id, 7777, '2025-05-05', 7000, SEED_NOW))
    .execute();
  await handle.db
    .insertInto('activity_streams')
    .values({ activity_id: 'act-7777', athlete_id: id, encoding: 'x', data: new Uint8Array([1, 2, 3]) })
    .execute();
  await handle.db
    .insertInto('imported_files')
    .values({
      athlete_id: id,
      content_hash: 'h',
      source: 's.fit',
      activity_count: 1,
      imported_at: SEED_NOW.toISOString(),
    })
    .execute();
  const common = { athlete_id: id, created_at: SEED_NOW.toISOString(), is_demo: 1 };
  await handle.db
    .insertInto('pain_entries')
    .values({
      ...common,
      id: 'second-pain',
      occurred_at: SEED_NOW.toISOString(),
      local_date: '2025-05-06',
      side: null,
      regions_json: '[]',
      pain_during: 1,
      pain_after: null,
      pain_next_morning: null,
      swelling: null,
      onset: null,
      activity_id: 'act-7777',
      note: null,
    })
    .execute();
  await handle.db
    .insertInto('assessments')
    .values({ ...common, id: 'second-assessment', answers_json: '{}', result_json: '{}' })
    .execute();
  await handle.db
    .insertInto('programme_sessions')
    .values({
      ...common,
      id: 'second-session',
      local_date: '2025-05-07',
      programme_id: 'pfps',
      session_label: 'S1',
      pain_during: null,
      note: null,
    })
    .execute();
  return id;
}

async function rowsOf(handle: DatabaseHandle, table: (typeof OWNED)[number], athleteId: string) {
  // Queries one at a time here: every extra pooled PostgreSQL connection may still be closing when the
  // test database is dropped right after the test (pg-pool's end() resolves before its sockets close).
  return handle.db.selectFrom(table).selectAll().where('athlete_id', '=', athleteId).execute();
}

async function everything(handle: DatabaseHandle, athleteId: string) {
  const out: Record<string, unknown[]> = {};
  for (const table of OWNED) out[table] = await rowsOf(handle, table, athleteId);
  out.athlete = await handle.db.selectFrom('athletes').selectAll().where('id', '=', athleteId).execute();
  return out;
}

const byId = <T extends Record<string, unknown>>(rows: readonly T[], key = 'id') =>
  [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

dbTest('the export holds every row of the athlete in every table, and nobody else’s', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await fullRunner(handle);
    await secondAthlete(handle);
    const doc = await new DataExportService(handle.db, athlete, now).document();
    assert.equal(doc.format, EXPORT_FORMAT);
    assert.equal(doc.formatVersion, EXPORT_FORMAT_VERSION);
    assert.equal(doc.exportedAt, SEED_NOW.toISOString());
    assert.equal(doc.athlete.id, athlete.id);
    assert.equal(doc.settings.timeZone, 'UTC');
    assert.equal(doc.settings.sex, 'female');

    const expected: Record<string, [keyof typeof doc, string]> = {
      activities: ['activities', 'id'],
      imported_files: ['importedFiles', 'content_hash'],
      shoes: ['shoes', 'id'],
      pain_entries: ['painEntries', 'id'],
      assessments: ['assessments', 'id'],
      programme_sessions: ['programmeSessions', 'id'],
    };
    for (const [table, [key, id]] of Object.entries(expected)) {
      const stored = await rowsOf(handle, table as (typeof OWNED)[number], athlete.id);
      assert.ok(stored.length > 0, `${table} has rows to export`);
      const exported = (doc[key] as Record<string, unknown>[]).map(({ stream: _s, ...row }) => row);
      assert.deepEqual(byId(exported, id), byId(stored as Record<string, unknown>[], id), table);
      assert.equal(doc.counts[key as keyof typeof doc.counts], stored.length);
    }
    assert.ok(doc.activities.some((a) => a.is_demo === 1) && doc.activities.some((a) => a.is_demo === 0));

    const streams = await rowsOf(handle, 'activity_streams', athlete.id);
    assert.equal(streams.length, 1);
    const withStream = doc.activities.filter((a) => a.stream !== null);
    assert.equal(withStream.length, 1);
    assert.equal(withStream[0]!.id, streams[0]!.activity_id);
    assert.equal(withStream[0]!.stream!.encoding, STREAM_ENCODING);
    assert.deepEqual(
      new Uint8Array(Buffer.from(withStream[0]!.stream!.data, 'base64')),
      new Uint8Array(streams[0]!.data),
    );
    const text = JSON.stringify(doc);
    assert.doesNotMatch(text, /second-athlete|act-7777|Theirs/, 'nothing of the other athlete');
  } finally {
    await handle.close();
  }
});

dbTest(
  '3,000 activities with streams export page by page, in small pieces',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle, { trainingOnly: true });
      const n = 600;
      const samples = Float64Array.from({ length: n }, (_, i) => i);
      const blob = encodeStreams({
        timeS: samples,
        latDeg: null,
        lonDeg: null,
        distanceM: Float64Array.from(samples, (t) => t * 3),
        altitudeM: Float32Array.from(samples, (t) => 50 + Math.sin(t / 60) * 10),
        speedMps: Float32Array.from(samples, () => 3),
        heartRateBpm: Float32Array.from(samples, (t) => 130 + (t % 20)),
        cadenceSpm: Float32Array.from(samples, () => 170),
        powerW: null,
      });
      const before = await handle.db
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const total = 3000;
      const extra = total - Number(before.n);
      for (let i = 0; i < extra; i += 200) {
        const rows = Array.from({ length: Math.min(200, extra - i) }, (_, j) =>
          storedActivityRow(athlete.id, 10_000 + i + j, '2020-01-01', 5000, SEED_NOW, {
            start_ms: Date.UTC(2020, 0, 1) + (i + j) * 3_600_000,
          }),
        );
        await handle.db.insertInto('activities').values(rows).execute();
        await handle.db
          .insertInto('activity_streams')
          .values(
            rows.map((r) => ({
              activity_id: r.id,
              athlete_id: athlete.id,
              encoding: STREAM_ENCODING,
              data: blob,
            })),
          )
          .execute();
      }
      const started = Date.now();
      let text = '';
      let biggest = 0;
      for await (const piece of new DataExportService(handle.db, athlete, now).chunks()) {
        biggest = Math.max(biggest, piece.length);
        text += piece;
      }
      const doc = JSON.parse(text) as Awaited<ReturnType<DataExportService['document']>>;
      assert.equal(doc.activities.length, total);
      assert.equal(doc.counts.activities, total);
      assert.equal(doc.activities.filter((a) => a.stream !== null).length, extra);
      assert.ok(biggest < 64 * 1024, `the largest piece is ${biggest} characters: one row, not a page`);
      assert.ok(Date.now() - started < 30_000, 'exports in seconds');
    } finally {
      await handle.close();
    }
  },
  { timeout: 120_000 },
);

dbTest(
  'delete all removes every row of the athlete, demo included, resets settings, spares the other athlete',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await fullRunner(handle);
      const other = await secondAthlete(handle);
      const otherBefore = await everything(handle, other);
      const counts: Record<string, number> = {};
      for (const t of OWNED) counts[t] = (await rowsOf(handle, t, athlete.id)).length;

      const result = await new DataDeletionService(handle.db, athlete).deleteAll();
      assert.deepEqual(result.deleted, {
        activities: counts.activities,
        activityStreams: counts.activity_streams,
        importedFiles: counts.imported_files,
        shoes: counts.shoes,
        painEntries: counts.pain_entries,
        assessments: counts.assessments,
        programmeSessions: counts.programme_sessions,
      });
      assert.ok(result.deleted.activities > 400, 'the demo runner went too');
      for (const table of OWNED) assert.equal((await rowsOf(handle, table, athlete.id)).length, 0, table);
      const row = await handle.db
        .selectFrom('athletes')
        .select('settings_json')
        .where('id', '=', athlete.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.settings_json), DEFAULT_SETTINGS);
      assert.deepEqual(await everything(handle, other), otherBefore);

      const empty = await new DataExportService(
        handle.db,
        { ...athlete, settings: DEFAULT_SETTINGS },
        now,
      ).document();
      assert.deepEqual(empty.counts, {
        activities: 0,
        importedFiles: 0,
        shoes: 0,
        painEntries: 0,
        assessments: 0,
        programmeSessions: 0,
      });
    } finally {
      await handle.close();
    }
  },
);
