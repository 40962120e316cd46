import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { dbTest } from '../../../test/support/test-databases.ts';
import { cutLoadReport, type RangedLoadReport } from '../../domain/load/load-range.ts';
import type { LoadReport } from '../../domain/load/load-report.ts';
import { loadRoutes } from './load.routes.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';

interface Activities {
  activities: { id: string; localDate: string; sport: string; shoe: string | null }[];
}

dbTest('load and activities are the CLI documents; filters and bad queries', async (tdb) => {
  const h = await harness(tdb, { routes: (deps) => loadRoutes(deps) });
  try {
    const load = await h.get<LoadReport>('/load?asOf=2025-06-29');
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

    // The Training screen's range: the same report cut to its last days, all of it from the day the range begins.
    const recent = await h.get<RangedLoadReport>('/load/range?days=84&asOf=2025-06-29');
    assert.deepEqual(recent, JSON.parse(JSON.stringify(cutLoadReport(load as LoadReport, 84))));
    assert.equal(recent.range.from, '2025-04-07', 'the Monday of the week holding the first of 84 days');
    assert.ok(recent.runs.length > 0 && recent.runs.length < load.runs.length);
    assert.ok(recent.runs.every((r) => r.localDate >= '2025-04-07'));
    assert.equal(recent.range.totalRuns, load.runs.length);
    assert.deepEqual(await h.get('/load/range?days=84'), recent, 'asOf defaults to today');
    const zippedRange = await h.call('GET', '/load/range?days=84', undefined, { 'accept-encoding': 'gzip' });
    assert.equal(zippedRange.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(
      JSON.parse(gunzipSync(Buffer.from(await zippedRange.arrayBuffer())).toString('utf8')),
      recent,
    );
    // More ranges than are kept per report: each still answers its own cut.
    for (const days of [7, 14, 183, 365, 84]) {
      const cut = await h.get<RangedLoadReport>(`/load/range?days=${days}&asOf=2025-06-29`);
      assert.equal(cut.range.days, days);
    }

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
      ['/load/range', 'query.days'],
      ['/load/range?days=0', 'query.days'],
      ['/load/range?days=twelve', 'query.days'],
      ['/load/range?days=84&asOf=2025-02-30', 'query.asOf'],
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
