import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import { DEFAULT_SETTINGS } from '../../domain/settings.ts';
import { overviewRoutes } from './overview.routes.ts';
import { harness } from './route-test.support.ts';

dbTest('overview: an empty install, then the seeded runner, then demo rows', async (tdb) => {
  const empty = await harness(tdb, { seed: 'none', routes: overviewRoutes });
  try {
    const overview = await empty.get<Record<string, unknown>>('/overview');
    assert.deepEqual(
      { ...overview, athlete: { name: (overview.athlete as { name: string }).name } },
      {
        athlete: { name: 'Me' },
        settings: DEFAULT_SETTINGS,
        counts: { activities: 0, runs: 0, shoes: 0, painEntries: 0, assessments: 0, programmeSessions: 0 },
        hasDemo: false,
        firstActivityDate: null,
        lastActivityDate: null,
        today: overview.today,
      },
    );
    assert.match(String(overview.today), /^2025-06-(29|30)$/, 'today in the computer zone at SEED_NOW');
  } finally {
    await empty.close();
  }
});

dbTest('overview counts the seeded runner and notices demo rows', async (tdb) => {
  const h = await harness(tdb, { routes: overviewRoutes });
  try {
    const overview = await h.get<Record<string, unknown>>('/overview');
    assert.deepEqual(overview.athlete, { id: h.athlete!.id, name: 'Me' });
    assert.equal((overview.settings as { timeZone: string }).timeZone, 'UTC');
    assert.deepEqual(overview.counts, {
      activities: 40,
      runs: 38,
      shoes: 2,
      painEntries: 5,
      assessments: 1,
      programmeSessions: 4,
    });
    assert.equal(overview.hasDemo, false);
    assert.equal(overview.firstActivityDate, '2025-04-06');
    assert.equal(overview.lastActivityDate, '2025-06-26');
    assert.equal(overview.today, '2025-06-29');

    await h.handle.db.updateTable('shoes').set({ is_demo: 1 }).where('name', '=', 'Trail <New>').execute();
    assert.equal((await h.get<{ hasDemo: boolean }>('/overview')).hasDemo, true);
  } finally {
    await h.close();
  }
});
