/**
 * The load report kept in the database between processes (SQLite and PostgreSQL): read back only under the
 * data version, as-of day, settings and build it was computed for, byte for byte the report a fresh
 * computation gives, and gone as soon as anything the dashboard reads is written.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { SEED_NOW, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { formatStatus } from '../domain/load/status.formatter.ts';
import { statusReportOf } from '../domain/load/status-report.ts';
import { DataDeletionService } from './data-deletion.service.ts';
import { DemoService } from './demo.service.ts';
import { computeLoad } from './load.service.ts';
import { LoadReportCache, loadStatusReport } from './load-snapshot.service.ts';
import { StoredLoadReports } from './stored-load-reports.ts';

const AS_OF = '2025-06-30';
const BUILD = 'build-a';

/** One command run: a process of its own, so nothing is held in memory from the previous one. */
async function runOnce(handle: DatabaseHandle, athlete: Athlete, asOf = AS_OF, build = BUILD) {
  const stored = new StoredLoadReports(build);
  const cache = new LoadReportCache(1, stored);
  const report = await loadStatusReport(handle.db, athlete, asOf, cache);
  return { report, stats: { ...stored.stats }, engineBuilds: cache.stats.engineBuilds };
}

/** The status part of a fresh computation: what a stored report must read back as. */
async function freshStatus(handle: DatabaseHandle, athlete: Athlete, asOf = AS_OF) {
  return statusReportOf(await computeLoad(handle.db, athlete, asOf));
}

async function storedRows(handle: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from load_report_cache`.execute(
    handle.db,
  );
  return Number(rows[0]?.n);
}

dbTest('a stored load report is read back until a write, then computed and stored afresh', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedReportRunner(handle);
    const fresh = await freshStatus(handle, athlete);

    const first = await runOnce(handle, athlete);
    assert.deepEqual(first.stats, { hits: 0, stored: 1 }, 'computed and stored');
    assert.deepStrictEqual(first.report, fresh);
    const second = await runOnce(handle, athlete);
    assert.deepEqual(second.stats, { hits: 1, stored: 0 }, 'read back');
    assert.deepStrictEqual(second.report, fresh);
    assert.equal(JSON.stringify(second.report), JSON.stringify(fresh), 'byte for byte');

    // Another day, other settings or another build of the code: never the stored one.
    const otherDay = await runOnce(handle, athlete, '2025-06-15');
    assert.deepEqual(otherDay.stats, { hits: 0, stored: 1 });
    assert.deepStrictEqual(otherDay.report, await freshStatus(handle, athlete, '2025-06-15'));
    assert.deepEqual(
      (await runOnce(handle, athlete)).stats,
      { hits: 0, stored: 1 },
      'one report per athlete',
    );
    assert.deepEqual((await runOnce(handle, athlete, AS_OF, 'build-b')).stats, { hits: 0, stored: 1 });
    const sunday = { ...athlete, settings: { ...athlete.settings, weekStart: 'sunday' as const } };
    const sundayRun = await runOnce(handle, sunday);
    assert.deepEqual(sundayRun.stats, { hits: 0, stored: 1 });
    assert.deepStrictEqual(sundayRun.report, await freshStatus(handle, sunday));

    // A write moves the data version: the stored report is deleted with it and the next run computes.
    await runOnce(handle, athlete);
    assert.equal(await storedRows(handle), 1);
    await new ActivityRepository(handle.db).insert(
      storedActivityRow(athlete.id, 960, '2025-06-29', 15_000, SEED_NOW),
      null,
    );
    assert.equal(await storedRows(handle), 0, 'expired by the write itself');
    const afterWrite = await runOnce(handle, athlete);
    assert.deepEqual(afterWrite.stats, { hits: 0, stored: 1 });
    assert.ok(afterWrite.report.runs.some((r) => r.activityId === 'act-0960'));
    assert.deepStrictEqual(afterWrite.report, await freshStatus(handle, athlete));
    assert.notDeepEqual(afterWrite.report, fresh);

    // A report computed before a write is not stored after it.
    const version = await sql<{ version: number | string }>`select version from data_version`.execute(
      handle.db,
    );
    await handle.db.updateTable('activities').set({ excluded: 1 }).where('id', '=', 'act-0960').execute();
    const stale = String(version.rows[0]?.version);
    const late = new StoredLoadReports(BUILD);
    await late.report(handle.db, { athleteId: athlete.id, asOf: AS_OF, settingsKey: 'x' }, async () => ({
      report: fresh,
      version: stale,
    }));
    assert.equal(await storedRows(handle), 0);
  } finally {
    await handle.close();
  }
});

dbTest(
  'the demo history reads back exactly as computed, and "delete all my data" leaves no copy',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const repo = new AthleteRepository(handle.db);
      const base = await repo.getOrCreateLocal('2025-06-29T10:00:00.000Z');
      const athlete = { ...base, settings: { ...base.settings, timeZone: 'Europe/Copenhagen' } };
      await repo.updateSettings(athlete.id, athlete.settings);
      await new DemoService(handle.db, athlete, () => new Date('2025-06-29T10:00:00.000Z')).seed(
        '2025-06-29',
      );
      for (const asOf of ['2025-06-29', '2025-03-01']) {
        assert.ok((await computeLoad(handle.db, athlete, asOf)).runs.length > 50, 'a real history');
        const fresh = await freshStatus(handle, athlete, asOf);
        assert.deepEqual((await runOnce(handle, athlete, asOf)).stats, { hits: 0, stored: 1 });
        const read = await runOnce(handle, athlete, asOf);
        assert.deepEqual(read.stats, { hits: 1, stored: 0 });
        assert.deepStrictEqual(read.report, fresh);
        assert.equal(JSON.stringify(read.report), JSON.stringify(fresh));
      }
      assert.equal(await storedRows(handle), 1);
      await new DataDeletionService(handle.db, athlete).deleteAll();
      assert.equal(await storedRows(handle), 0, 'no copy of the runs is left behind');
      const empty = await runOnce(handle, athlete, '2025-06-29');
      assert.deepStrictEqual(empty.report, await freshStatus(handle, athlete, '2025-06-29'));
      assert.equal(empty.report.runs.length, 0);
    } finally {
      await handle.close();
    }
  },
);

dbTest('a database that cannot be written still answers, computing every time', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedReportRunner(handle);
    const fresh = await freshStatus(handle, athlete);
    if (tdb.engine === 'sqlite') await sql`pragma query_only = 1`.execute(handle.db);
    else {
      await sql`revoke all on load_report_cache from public`.execute(handle.db);
      await sql`create role kw_reader_only`.execute(handle.db).catch(() => {});
      await sql`grant select on all tables in schema public to kw_reader_only`.execute(handle.db);
      await sql`grant kw_reader_only to current_user`.execute(handle.db);
    }
    for (let i = 0; i < 2; i++) {
      const run =
        tdb.engine === 'sqlite'
          ? await runOnce(handle, athlete)
          : await handle.db.connection().execute(async (conn) => {
              await sql`set role kw_reader_only`.execute(conn);
              try {
                const stored = new StoredLoadReports(BUILD);
                const cache = new LoadReportCache(1, stored);
                const report = await loadStatusReport(conn, athlete, AS_OF, cache);
                return { report, stats: { ...stored.stats } };
              } finally {
                await sql`reset role`.execute(conn);
              }
            });
      assert.deepEqual(run.stats, { hits: 0, stored: 0 });
      assert.deepStrictEqual(run.report, fresh);
    }
  } finally {
    await handle.close();
  }
});

dbTest(
  'a kept status report is read back without the history; the same as the status part of the whole report',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const full = await computeLoad(handle.db, athlete, AS_OF);
      const fresh = statusReportOf(full);
      // Only the last run and those of the last 7 days are kept, and the summary reads the same from them.
      assert.ok(fresh.runs.length < full.runs.length);
      for (const units of ['km', 'mi'] as const) {
        assert.equal(
          formatStatus(fresh, { units, today: AS_OF }),
          formatStatus(full, { units, today: AS_OF }),
        );
      }
      const first = await runOnce(handle, athlete);
      assert.deepEqual([first.stats, first.engineBuilds], [{ hits: 0, stored: 1 }, 1], 'computed and kept');
      assert.deepStrictEqual(first.report, fresh);
      const second = await runOnce(handle, athlete);
      assert.deepEqual([second.stats, second.engineBuilds], [{ hits: 1, stored: 0 }, 0], 'read back alone');
      assert.equal(JSON.stringify(second.report), JSON.stringify(fresh));
      // Without a place to keep it (the sources run through tsx), it is computed every time.
      assert.deepStrictEqual(
        await loadStatusReport(handle.db, athlete, AS_OF, new LoadReportCache(1)),
        fresh,
      );
    } finally {
      await handle.close();
    }
  },
);
