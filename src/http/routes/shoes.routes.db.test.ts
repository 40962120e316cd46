import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { ShoeList, ShoeView } from '../../services/shoe.service.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';
import { shoesRoutes } from './shoes.routes.ts';

type ShoeBody = { shoe: ShoeView; assigned?: number };

dbTest(
  'shoes: the list is the CLI document; add once, rename, defaults, retire, assign, delete',
  async (tdb) => {
    const h = await harness(tdb, { routes: shoesRoutes });
    try {
      const all = await h.get<ShoeList>('/shoes?includeRetired=true');
      assert.deepEqual(all, await cliJson(tdb.url, ['shoes', 'list', '--json']));
      assert.deepEqual(
        all.shoes.map((s) => [s.name, s.distanceM, s.status]),
        [
          ['Road Trainer', 580_000, 'nudge'],
          ['Trail <New>', 34_000, 'ok'],
        ],
      );

      const add = { name: 'Racer', brand: 'Acme', startDistanceM: 12_000, defaultFor: ['run', 'track_run'] };
      const created = await h.call('POST', '/shoes', add);
      assert.equal(created.status, 201);
      const racer = ((await created.json()) as ShoeBody).shoe;
      assert.deepEqual(
        [racer.brand, racer.model, racer.distanceM, racer.defaultFor],
        ['Acme', null, 12_000, ['run', 'track_run']],
      );
      const again = await h.call('POST', '/shoes', add);
      assert.equal(again.status, 200, 'the same pair sent twice is one pair');
      assert.equal(((await again.json()) as ShoeBody).shoe.id, racer.id);
      const taken = await errorOf(await h.call('POST', '/shoes', { name: 'Racer', brand: 'Other' }), 400);
      assert.equal(taken.code, 'SHOE_NAME_TAKEN');

      const renamed = await h.call('PATCH', `/shoes/${racer.id}`, { name: 'Racer 2', defaultFor: ['run'] });
      assert.equal(((await renamed.json()) as ShoeBody).shoe.name, 'Racer 2');
      const after = await h.get<ShoeList>('/shoes');
      const racer2 = after.shoes.find((s) => s.id === racer.id)!;
      assert.deepEqual(
        [racer2.name, racer2.defaultFor],
        ['Racer 2', ['run']],
        'track_run is no longer its default',
      );

      const trail = all.shoes[1]!;
      const assigned = await h.call('POST', `/shoes/${racer.id}/assign`, {
        runIds: ['act-0037', 'act-0038'],
      });
      const assignedBody = (await assigned.json()) as ShoeBody;
      assert.equal(assignedBody.assigned, 2);
      assert.equal(assignedBody.shoe.distanceM, 12_000 + 10_000);
      const ranged = await h.call('POST', `/shoes/${trail.id}/assign`, { from: '2025-06-20', replace: true });
      assert.equal(((await ranged.json()) as ShoeBody).assigned, 2, 'runs already shod move with replace');

      const retired = await h.call('POST', `/shoes/${trail.id}/retire`);
      assert.equal(((await retired.json()) as ShoeBody).shoe.retiredAt, '2025-06-29', 'default: today');
      assert.ok(
        !(await h.get<ShoeList>('/shoes')).shoes.some((s) => s.id === trail.id),
        'retired pairs are left out',
      );
      assert.ok((await h.get<ShoeList>('/shoes?includeRetired=true')).shoes.some((s) => s.id === trail.id));
      const back = await h.call('POST', `/shoes/${trail.id}/retire`, { date: null });
      assert.equal(((await back.json()) as ShoeBody).shoe.retiredAt, null);

      const deleted = await h.call('DELETE', `/shoes/${racer.id}`);
      assert.equal(((await deleted.json()) as { deleted: ShoeView }).deleted.name, 'Racer 2');
      assert.equal((await errorOf(await h.call('DELETE', `/shoes/${racer.id}`), 404)).code, 'SHOE_NOT_FOUND');
      assert.equal(
        (await errorOf(await h.call('PATCH', '/shoes/nope', { name: 'x' }), 404)).code,
        'SHOE_NOT_FOUND',
      );
    } finally {
      await h.close();
    }
  },
);

dbTest('shoes: bad bodies are 400s naming the field; reminders follow the stored settings', async (tdb) => {
  const h = await harness(tdb, { routes: shoesRoutes });
  try {
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/shoes', { name: '  ' }, /^body\.name: expected a shoe name/],
      ['POST', '/shoes', { name: 'X', startDistanceM: -1 }, /^body\.startDistanceM: /],
      ['POST', '/shoes', { name: 'X', defaultFor: ['skate'] }, /^body\.defaultFor\.0: /],
      ['POST', '/shoes/Road Trainer/assign', { to: 'soon' }, /^body\.to: expected a calendar date/],
      ['POST', '/shoes/Road Trainer/retire', { date: '2025-02-30' }, /^body\.date: /],
    ];
    for (const [method, path, body, message] of cases) {
      const error = await errorOf(await h.call(method, path, body), 400);
      assert.equal(error.code, 'INVALID_REQUEST', path);
      assert.match(error.message, message, JSON.stringify(body));
    }
    const noRange = await errorOf(await h.call('POST', '/shoes/Road Trainer/assign', {}), 400);
    assert.equal(noRange.code, 'SHOE_INVALID');
    assert.equal(noRange.message, 'body: give runIds, or from/to dates', 'the request fields, not CLI flags');
    const missingRun = await errorOf(
      await h.call('POST', '/shoes/Road Trainer/assign', { runIds: ['x'] }),
      404,
    );
    assert.equal(missingRun.code, 'RUN_NOT_FOUND');
    assert.equal(missingRun.message, 'body.runIds: no activity with id "x"');
    assert.equal(
      (await errorOf(await h.call('GET', '/shoes?includeRetired=yes'), 400)).code,
      'INVALID_REQUEST',
    );

    // Raise the reminders in the settings: the 580 km pair is no longer flagged, here and in the CLI.
    await cliJson(tdb.url, ['settings', '--shoe-nudge-km', '600', '--shoe-check-km', '900', '--json']);
    const list = await h.get<ShoeList>('/shoes');
    assert.deepEqual(list.thresholds, { nudgeM: 600_000, checkM: 900_000 });
    assert.equal(list.shoes[0]?.status, 'ok');
    assert.deepEqual(await cliJson(tdb.url, ['shoes', 'list', '--active', '--json']), list);
    const flagged = (await cliJson(tdb.url, ['shoes', 'list', '--nudge-km', '500', '--json'])) as ShoeList;
    assert.equal(flagged.shoes[0]?.status, 'nudge', 'a flag still overrides the stored value');
  } finally {
    await h.close();
  }
});
