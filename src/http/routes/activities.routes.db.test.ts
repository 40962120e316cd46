import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedActivityRow } from '../../../test/factories/activity-row.factory.ts';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { importPaths } from '../../services/import/import.service.ts';
import { cliJson, errorOf, harness, SEED_NOW } from './route-test.support.ts';

interface Listed {
  id: string;
  localDate: string;
  excluded: boolean;
  ignoredBecause: string | null;
}

/** Rows no import accepts any more, as an older version or another tool could have stored them. */
async function storeImpossibleRows(h: Awaited<ReturnType<typeof harness>>): Promise<void> {
  const athleteId = h.athlete!.id;
  const db = h.handle.db;
  await db
    .insertInto('activities')
    .values([
      storedActivityRow(athleteId, 9001, '9999-06-01', 10_000, SEED_NOW, { id: 'year-9999' }),
      storedActivityRow(athleteId, 9002, '2025-06-01', 12_000, SEED_NOW, {
        id: 'five-digit-year',
        local_date: '10000-01-01',
        start_ms: 253_402_300_800_000,
      }),
      storedActivityRow(athleteId, 9003, '1970-01-01', 5000, SEED_NOW, { id: 'year-1970' }),
    ])
    .execute();
  await db
    .insertInto('pain_entries')
    .values({
      id: 'pain-9999',
      athlete_id: athleteId,
      occurred_at: '9999-12-31T18:00:00.000Z',
      local_date: '9999-12-31',
      side: 'right',
      regions_json: '["anterior"]',
      pain_during: 7,
      pain_after: 8,
      pain_next_morning: null,
      swelling: null,
      onset: 'sudden',
      activity_id: null,
      note: null,
      created_at: SEED_NOW.toISOString(),
      is_demo: 0,
    })
    .execute();
}

const READ_ROUTES = [
  '/overview',
  '/today',
  '/load',
  '/activities',
  '/why',
  '/pain',
  '/journal/calendar',
  '/shoes',
  '/plan',
  '/plan.ics',
  '/programme',
  '/report.html',
  '/settings',
  '/assessments/latest',
  '/export',
];

dbTest('runs and pain entries dated 9999 (or 1970) stored directly break no read path', async (tdb) => {
  const h = await harness(tdb);
  try {
    const before = await h.get<{ runs: unknown[] }>('/load');
    await storeImpossibleRows(h);
    for (const path of READ_ROUTES) {
      const response = await h.call('GET', path);
      const text = await response.text();
      assert.ok(
        response.status === 200 || (path === '/assessments/latest' && response.status === 404),
        `GET ${path}: ${response.status} ${text.slice(0, 300)}`,
      );
    }
    // The analyses leave the rows out: the load report is the one computed before they were stored.
    assert.deepEqual(await h.get('/load'), before);
    // The list shows them, marked, so the runner can delete them.
    const { activities } = await h.get<{ activities: Listed[] }>('/activities');
    const marked = new Map(activities.map((a) => [a.id, a.ignoredBecause]));
    assert.equal(marked.get('year-9999'), 'date');
    assert.equal(marked.get('five-digit-year'), 'date');
    assert.equal(marked.get('year-1970'), 'date');
    assert.equal(activities.filter((a) => a.ignoredBecause === null).length, activities.length - 3);

    // The command line on the same rows: every read command succeeds.
    const url = tdb.url;
    for (const args of [
      ['status', '--json'],
      ['load', '--json'],
      ['why', '--json'],
      ['plan', '--weeks', '4', '--json'],
      ['activities', '--json'],
      ['pain', 'list', '--json'],
      ['shoes', 'list', '--json'],
    ]) {
      await cliJson(url, args);
    }
    // And the bad rows can be removed one by one.
    const deleted = await h.call('DELETE', '/activities/year-9999');
    assert.equal(deleted.status, 200);
    assert.equal(((await deleted.json()) as { deleted: Listed }).deleted.localDate, '9999-06-01');
  } finally {
    await h.close();
  }
});

dbTest('an excluded run counts in no analysis until it is included again; delete is per run', async (tdb) => {
  const h = await harness(tdb, { seed: 'training-only' });
  try {
    type Load = { runs: { activityId: string }[] };
    const load = await h.get<Load>('/load');
    const victim = load.runs.at(-1)!.activityId;
    const excluded = await h.call('POST', `/activities/${victim}/exclude`);
    assert.equal(excluded.status, 200);
    assert.equal(((await excluded.json()) as { activity: Listed }).activity.excluded, true);
    const without = await h.get<Load>('/load');
    assert.equal(without.runs.length, load.runs.length - 1);
    assert.ok(!without.runs.some((r) => r.activityId === victim));
    const listed = await h.get<{ activities: Listed[] }>('/activities');
    assert.equal(listed.activities.find((a) => a.id === victim)?.ignoredBecause, 'excluded');

    await h.call('POST', `/activities/${victim}/include`);
    assert.deepEqual(await h.get<Load>('/load'), load);

    assert.equal((await h.call('DELETE', `/activities/${victim}`)).status, 200);
    assert.equal((await h.get<Load>('/load')).runs.length, load.runs.length - 1);
    const again = await errorOf(await h.call('DELETE', `/activities/${victim}`), 404);
    assert.equal(again.code, 'ACTIVITY_NOT_FOUND');
    assert.equal(
      (await errorOf(await h.call('POST', '/activities/nope/exclude'), 404)).code,
      'ACTIVITY_NOT_FOUND',
    );
  } finally {
    await h.close();
  }
});

dbTest('re-importing a deleted file brings it back; an excluded one stays excluded', async (tdb) => {
  const handle = await tdb.open();
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-reimport-'));
  try {
    const { AthleteRepository } = await import('../../db/repositories/athlete.repository.ts');
    const { ActivityManagementService } = await import('../../services/activity-management.service.ts');
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
    const ctx = {
      db: handle.db,
      athleteId: athlete.id,
      nowIso: '2026-01-01T00:00:00.000Z',
      resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' as const }),
    };
    const file = join(dir, 'run.gpx');
    writeFileSync(file, buildGpx({ startMs: Date.UTC(2025, 4, 3, 7), durationS: 1800 }));
    assert.equal((await importPaths(ctx, [file])).imported, 1);
    const repo = new ActivityRepository(handle.db);
    const [run] = await repo.list(athlete.id, { all: true });
    const manage = new ActivityManagementService(handle.db, athlete.id);

    await manage.setExcluded(run!.id, true);
    const reExcluded = await importPaths(ctx, [file]);
    assert.equal(reExcluded.imported, 0);
    const [still] = await repo.list(athlete.id, { all: true });
    assert.equal(still?.excluded, 1, 'an excluded run stays excluded when its file is imported again');
    assert.equal((await repo.list(athlete.id)).length, 0);

    await manage.delete(run!.id);
    assert.equal(await repo.count(athlete.id), 0);
    const back = await importPaths(ctx, [file]);
    assert.equal(back.imported, 1, 'importing a deleted file again is an explicit request: it comes back');
    assert.equal((await repo.list(athlete.id, { all: true }))[0]?.excluded, 0);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

dbTest('pain entries dated in the future are refused, through the API and on edit', async (tdb) => {
  const h = await harness(tdb);
  try {
    // SEED_NOW is 2025-06-29: tomorrow passes (a zone ahead of the clock), the day after does not.
    // The API's date format already stops 9999 (400); the journal refuses what the format lets through.
    await errorOf(await h.call('POST', '/pain', { date: '9999-12-31', after: 5, run: null }), 400);
    for (const date of ['2025-07-01', '2030-01-01', '1970-01-01']) {
      const refused = await errorOf(await h.call('POST', '/pain', { date, after: 5, run: null }), 400);
      assert.equal(refused.code, 'PAIN_DATE_IMPLAUSIBLE', `${date}: ${refused.message}`);
      assert.match(refused.message, new RegExp(date));
    }
    const logged = await h.call('POST', '/pain', { date: '2025-06-30', after: 5, run: null });
    assert.equal(logged.status, 201);
    const { entry } = (await logged.json()) as { entry: { id: string } };
    const moved = await errorOf(await h.call('PATCH', `/pain/${entry.id}`, { date: '2031-12-31' }), 400);
    assert.equal(moved.code, 'PAIN_DATE_IMPLAUSIBLE');
  } finally {
    await h.close();
  }
});
