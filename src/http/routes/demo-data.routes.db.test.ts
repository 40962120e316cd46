/**
 * The demo and data routes over HTTP, on SQLite and PostgreSQL: POST /demo seeds the story ending on the
 * runner's own today (their time zone, not the server's), repeats add nothing, DELETE /demo removes it;
 * GET /export downloads every row as a dated attachment; DELETE /data needs the exact phrase.
 */
import assert from 'node:assert/strict';
import { dbTest, type TestDatabase } from '../../../test/support/test-databases.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { generateDemoRunner } from '../../domain/demo/demo-runner.ts';
import { DEFAULT_SETTINGS } from '../../domain/settings.ts';
import type { ExportDocument } from '../../services/data-export.service.ts';
import type { DemoSummary } from '../../services/demo.service.ts';
import { createHttpApp } from '../app.ts';
import { dataRoutes } from './data.routes.ts';
import { demoRoutes } from './demo.routes.ts';

/** 20:00 UTC on Sunday 29 June is already Monday 30 June in Auckland. */
const NOW = new Date('2025-06-29T20:00:00.000Z');

async function setup(tdb: TestDatabase) {
  const store = await tdb.open();
  const athletes = new AthleteRepository(store.db);
  const athlete = await athletes.getOrCreateLocal(NOW.toISOString());
  await athletes.updateSettings(athlete.id, {
    ...athlete.settings,
    timeZone: 'Pacific/Auckland',
    units: 'mi',
  });
  const app = createHttpApp(
    { store, now: () => NOW, pdfRenderer: null, scratchDir: '/tmp' },
    {
      webRoot: null,
      routes: (deps) => {
        const api = demoRoutes(deps);
        api.route('/', dataRoutes(deps));
        return api;
      },
    },
  );
  const call = (method: string, path: string, json?: unknown) =>
    app.request(`http://127.0.0.1/api${path}`, {
      method,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    });
  return { store, call };
}

async function errorCode(response: Response): Promise<string> {
  assert.equal(response.status, 400);
  return ((await response.json()) as { error: { code: string } }).error.code;
}

dbTest('POST /demo seeds once, for the runner’s own today; DELETE /demo removes it', async (tdb) => {
  const { store, call } = await setup(tdb);
  try {
    const first = await call('POST', '/demo');
    assert.equal(first.status, 200);
    const seeded = (await first.json()) as DemoSummary;
    const expected = generateDemoRunner('2025-06-30');
    assert.notEqual(expected.story.onset, generateDemoRunner('2025-06-29').story.onset, 'the day matters');
    assert.equal(seeded.seeded, true);
    assert.equal(seeded.onset, expected.story.onset);
    assert.equal(seeded.activities, expected.activities.length);
    assert.deepEqual(Object.keys(seeded).slice(0, 9), [
      'seeded',
      'activities',
      'shoes',
      'painEntries',
      'assessments',
      'programmeSessions',
      'from',
      'to',
      'onset',
    ]);

    const again = (await (await call('POST', '/demo')).json()) as DemoSummary;
    assert.equal(again.seeded, false);
    assert.equal(again.activities, seeded.activities);

    const removed = await call('DELETE', '/demo');
    assert.equal(removed.status, 200);
    assert.deepEqual(await removed.json(), {
      removed: {
        activities: seeded.activities,
        shoes: seeded.shoes,
        painEntries: seeded.painEntries,
        assessments: seeded.assessments,
        programmeSessions: seeded.programmeSessions,
      },
    });
    const left = await store.db.selectFrom('activities').select('id').execute();
    assert.equal(left.length, 0);
  } finally {
    await store.close();
  }
});

dbTest(
  'GET /export is a dated JSON attachment of every row; DELETE /data needs the exact phrase',
  async (tdb) => {
    const { store, call } = await setup(tdb);
    try {
      await call('POST', '/demo');
      const download = await call('GET', '/export');
      assert.equal(download.status, 200);
      assert.equal(
        download.headers.get('content-disposition'),
        'attachment; filename="kneewise-export-2025-06-30.json"',
      );
      assert.match(download.headers.get('content-type') ?? '', /^application\/json/);
      const doc = (await download.json()) as ExportDocument;
      assert.equal(doc.settings.timeZone, 'Pacific/Auckland');
      assert.ok(doc.activities.length > 300);
      assert.ok(doc.activities.every((a) => a.is_demo === 1));
      assert.equal(doc.counts.shoes, 3);

      assert.equal(await errorCode(await call('DELETE', '/data')), 'DELETE_NOT_CONFIRMED');
      assert.equal(
        await errorCode(await call('DELETE', '/data', { confirm: 'delete all my data ' })),
        'DELETE_NOT_CONFIRMED',
      );
      assert.equal(
        await errorCode(await call('DELETE', '/data', { confirm: 'DELETE ALL MY DATA' })),
        'DELETE_NOT_CONFIRMED',
      );
      assert.equal(
        await errorCode(await call('DELETE', '/data', ['delete all my data'])),
        'DELETE_NOT_CONFIRMED',
      );
      assert.equal(
        (await store.db.selectFrom('shoes').select('id').execute()).length,
        3,
        'nothing deleted yet',
      );

      const deleted = await call('DELETE', '/data', { confirm: 'delete all my data' });
      assert.equal(deleted.status, 200);
      const body = (await deleted.json()) as { deleted: Record<string, number>; settings: unknown };
      assert.equal(body.deleted.activities, doc.activities.length);
      assert.equal(body.deleted.shoes, 3);
      assert.deepEqual(body.settings, DEFAULT_SETTINGS);
      const after = (await (await call('GET', '/export')).json()) as ExportDocument;
      assert.deepEqual(after.settings, DEFAULT_SETTINGS);
      assert.equal(after.activities.length + after.shoes.length + after.painEntries.length, 0);
    } finally {
      await store.close();
    }
  },
);
