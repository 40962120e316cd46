import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { dbTest } from '../../../test/support/test-databases.ts';
import { loadRoutes } from './load.routes.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';

interface Activities {
  activities: { id: string; localDate: string; sport: string; shoe: string | null }[];
}

dbTest('load and activities are the CLI documents; filters and bad queries', async (tdb) => {
  const h = await harness(tdb, { routes: (deps) => loadRoutes(deps) });
  try {
    const load = await h.get('/load?asOf=2025-06-29');
    assert.deepEqual(load, await cliJson(tdb.url, ['load', '--as-of', '2025-06-29', '--json']));
    assert.deepEqual(await h.get('/load'), load, 'asOf defaults to today (SEED_NOW)');
    assert.equal((await h.get<{ asOf: string }>('/load?asOf=2025-06-01')).asOf, '2025-06-01');
    // A client that takes gzip gets the same document, a fraction of the size.
    const zipped = await h.call('GET', '/load?asOf=2025-06-29', undefined, { 'accept-encoding': 'gzip, br' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const plain = gunzipSync(bytes).toString('utf8');
    assert.deepEqual(JSON.parse(plain), load);
    assert.ok(bytes.length * 3 < Buffer.byteLength(plain), `${bytes.length} gzipped bytes`);
    const refused = await h.call('GET', '/load?asOf=2025-06-29', undefined, {
      'accept-encoding': 'gzip;q=0',
    });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.deepEqual(await refused.json(), load);

    const all = await h.get<Activities>('/activities');
    assert.deepEqual(all, await cliJson(tdb.url, ['activities', '--json']));
    assert.equal(all.activities.length, 40);
    const runs = await h.get<Activities>('/activities?sport=run');
    assert.deepEqual(runs, await cliJson(tdb.url, ['activities', '--sport', 'run', '--json']));
    assert.equal(runs.activities.length, 38);
    assert.equal(runs.activities[0]?.shoe, 'Road Trainer');

    const june = await h.get<Activities>('/activities?from=2025-06-15&to=2025-06-24');
    assert.deepEqual(
      june.activities.map((a) => [a.localDate, a.sport]),
      [
        ['2025-06-15', 'run'],
        ['2025-06-19', 'ride'],
        ['2025-06-22', 'run'],
        ['2025-06-24', 'ride'],
      ],
    );
    const latest = await h.get<Activities>('/activities?limit=2');
    assert.deepEqual(
      latest.activities.map((a) => a.id),
      all.activities.slice(-2).map((a) => a.id),
      'the latest two, oldest first like the full list',
    );

    for (const [path, field] of [
      ['/load?asOf=tomorrow', 'query.asOf'],
      ['/activities?sport=swim', 'query.sport'],
      ['/activities?from=2025-13-01', 'query.from'],
      ['/activities?limit=0', 'query.limit'],
      ['/activities?limit=ten', 'query.limit'],
    ] as const) {
      const error = await errorOf(await h.call('GET', path), 400);
      assert.equal(error.code, 'INVALID_REQUEST', path);
      assert.ok(error.message.startsWith(`${field}: `), `${path}: ${error.message}`);
    }
  } finally {
    await h.close();
  }
});
