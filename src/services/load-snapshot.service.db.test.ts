import assert from 'node:assert/strict';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { SEED_NOW, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { readDataVersion } from '../db/repositories/data-version.repository.ts';
import { computeLoad } from './load.service.ts';
import { LoadReportCache, loadSnapshot } from './load-snapshot.service.ts';

const AS_OF = '2025-06-30';

dbTest('the data version moves with every write the dashboard reads, and not with reads', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedReportRunner(handle);
    const versions = [await readDataVersion(handle.db)];
    const moved = async (what: string) => {
      const version = await readDataVersion(handle.db);
      assert.notEqual(version, versions.at(-1), `${what} changes the data version`);
      versions.push(version);
    };
    await computeLoad(handle.db, athlete, AS_OF);
    assert.equal(await readDataVersion(handle.db), versions[0], 'reading changes nothing');
    await new ActivityRepository(handle.db).insert(
      storedActivityRow(athlete.id, 950, '2025-06-28', 7000, SEED_NOW),
      null,
    );
    await moved('a new run');
    await handle.db.updateTable('activities').set({ excluded: 1 }).where('id', '=', 'act-0950').execute();
    await moved('excluding a run');
    await handle.db.deleteFrom('activities').where('id', '=', 'act-0950').execute();
    await moved('deleting a run');
    await new AthleteRepository(handle.db).updateSettings(athlete.id, {
      ...athlete.settings,
      weekStart: 'sunday',
    });
    await moved('new settings');
    await handle.db.deleteFrom('pain_entries').where('athlete_id', '=', athlete.id).execute();
    await moved('the journal');
    assert.ok(versions.every((v) => v !== null));
  } finally {
    await handle.close();
  }
});

dbTest(
  'a run added to the history goes into the held engine; the report equals a fresh computation',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const cache = new LoadReportCache();
      const first = await loadSnapshot(handle.db, athlete, AS_OF, cache);
      assert.deepEqual(first.report, await computeLoad(handle.db, athlete, AS_OF));
      assert.equal(
        (await loadSnapshot(handle.db, athlete, AS_OF, cache)).report,
        first.report,
        'kept until a write',
      );
      assert.deepEqual(cache.stats, { engineBuilds: 1, activitiesAdded: 0 });

      const repo = new ActivityRepository(handle.db);
      await repo.insert(storedActivityRow(athlete.id, 951, '2025-06-29', 12_000, SEED_NOW), null);
      const added = await loadSnapshot(handle.db, athlete, AS_OF, cache);
      assert.deepEqual(
        cache.stats,
        { engineBuilds: 1, activitiesAdded: 1 },
        'one run added, nothing rebuilt',
      );
      assert.deepEqual(added.report, await computeLoad(handle.db, athlete, AS_OF));
      assert.ok(added.report.runs.some((r) => r.activityId === 'act-0951'));
      assert.deepEqual(
        first.report.runs.some((r) => r.activityId === 'act-0951'),
        false,
        'old report unchanged',
      );

      // A back-filled run is an addition too; the engine redoes the days after it.
      await repo.insert(storedActivityRow(athlete.id, 952, '2025-05-21', 20_000, SEED_NOW), null);
      const backFilled = await loadSnapshot(handle.db, athlete, AS_OF, cache);
      assert.deepEqual(cache.stats, { engineBuilds: 1, activitiesAdded: 2 });
      assert.deepEqual(backFilled.report, await computeLoad(handle.db, athlete, AS_OF));

      // Anything but an addition rebuilds: a run excluded, then one re-dated.
      await handle.db.updateTable('activities').set({ excluded: 1 }).where('id', '=', 'act-0951').execute();
      const excluded = await loadSnapshot(handle.db, athlete, AS_OF, cache);
      assert.equal(cache.stats.engineBuilds, 2);
      assert.deepEqual(excluded.report, await computeLoad(handle.db, athlete, AS_OF));
      assert.ok(!excluded.report.runs.some((r) => r.activityId === 'act-0951'));
      await handle.db
        .updateTable('activities')
        .set({ local_date: '2025-05-22' })
        .where('id', '=', 'act-0952')
        .execute();
      assert.deepEqual(
        (await loadSnapshot(handle.db, athlete, AS_OF, cache)).report,
        await computeLoad(handle.db, athlete, AS_OF),
      );
      assert.equal(cache.stats.engineBuilds, 3);
    } finally {
      await handle.close();
    }
  },
);
