import assert from 'node:assert/strict';
import { storedActivityRow } from '../../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { cliJson, errorOf, harness, SEED_NOW } from './route-test.support.ts';
import { whyRoutes } from './why.routes.ts';

interface Why {
  onset: string;
  factors: { id: string; strength: string; summary: string }[];
  episode: { onset: string } | null;
}

dbTest('why is the CLI document, for the latest episode or a given onset', async (tdb) => {
  const h = await harness(tdb, { routes: whyRoutes });
  try {
    const why = await h.get<Why>('/why');
    assert.deepEqual(why, await cliJson(tdb.url, ['why', '--json']));
    assert.equal(why.onset, '2025-06-15');
    assert.equal(why.episode?.onset, '2025-06-15');
    assert.equal(why.factors[0]?.id, 'session_spike');

    const given = await h.get<Why>('/why?onset=2025-06-01');
    assert.deepEqual(given, await cliJson(tdb.url, ['why', '--onset', '2025-06-01', '--json']));
    assert.equal(given.episode, null, 'no episode covers that day');

    const bad = await errorOf(await h.call('GET', '/why?onset=15.06.2025'), 400);
    assert.equal(bad.code, 'INVALID_REQUEST');
    assert.match(bad.message, /^query\.onset: expected a calendar date/);
  } finally {
    await h.close();
  }
});

dbTest('why without a journal asks for an onset (400 NO_PAIN_EPISODE)', async (tdb) => {
  const h = await harness(tdb, { seed: 'training-only', routes: whyRoutes });
  try {
    const error = await errorOf(await h.call('GET', '/why'), 400);
    assert.equal(error.code, 'NO_PAIN_EPISODE');
    assert.match(error.message, /--onset YYYY-MM-DD/);
    assert.equal((await h.get<Why>('/why?onset=2025-06-15')).factors[0]?.id, 'session_spike');
  } finally {
    await h.close();
  }
});

dbTest('why is kept between requests but follows a change to the runs', async (tdb) => {
  const h = await harness(tdb, { routes: whyRoutes });
  try {
    const before = await h.get<Why>('/why');
    assert.deepEqual(await h.get<Why>('/why'), before);
    // A 30 km run five days before the onset: the spike on the onset day is no longer a spike.
    await new ActivityRepository(h.handle.db).insert(
      storedActivityRow(h.athlete!.id, 7777, '2025-06-10', 30_000, SEED_NOW),
      null,
    );
    const after = await h.get<Why>('/why');
    assert.notDeepEqual(after.factors, before.factors);
    assert.deepEqual(after, await cliJson(tdb.url, ['why', '--json']));
  } finally {
    await h.close();
  }
});
