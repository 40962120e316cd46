/**
 * Shoes from exports, on SQLite and PostgreSQL: an empty gear cell stays without a shoe, the default pair only
 * covers runs from the day it came into use, and an export's defaults are kept per sport with one pair each.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGarminExportZip, buildStravaExportZip } from '../../../test/factories/export.factory.ts';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import { importPaths } from './import.service.ts';

const DAY = 86_400_000;
const NOW_ISO = '2025-06-20T00:00:00.000Z';

async function setUp(handle: DatabaseHandle) {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW_ISO);
  const ctx = {
    db: handle.db,
    athleteId: athlete.id,
    nowIso: NOW_ISO,
    resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' as const }),
  };
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-gear-'));
  return { ctx, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function shoeOfRun(handle: DatabaseHandle, athleteId: string): Promise<Map<string, string | null>> {
  const shoes = new Map(
    (await new ShoeRepository(handle.db).list(athleteId)).map((s) => [s.id, s.name] as const),
  );
  const runs = await new ActivityRepository(handle.db).list(athleteId);
  return new Map(runs.map((r) => [r.local_date, r.shoe_id === null ? null : (shoes.get(r.shoe_id) ?? null)]));
}

dbTest('the default pair covers only runs from the day it came into use', async (tdb) => {
  const handle = await tdb.open();
  const t = await setUp(handle);
  try {
    // Added (as the runner's default for runs) on 2025-06-01.
    await new ShoeRepository(handle.db).findOrCreate(
      t.ctx.athleteId,
      { name: 'Daily trainer', defaultSport: 'run' },
      '2025-06-01T08:00:00.000Z',
    );
    const old = join(t.dir, 'old.fit');
    const recent = join(t.dir, 'recent.fit');
    writeFileSync(old, buildFitRun({ startMs: Date.UTC(2014, 3, 6, 7), durationS: 1800, seed: 3 }));
    writeFileSync(recent, buildFitRun({ startMs: Date.UTC(2025, 5, 10, 7), durationS: 1800, seed: 4 }));
    await importPaths(t.ctx, [old, recent]);
    const byDay = await shoeOfRun(handle, t.ctx.athleteId);
    assert.equal(byDay.get('2014-04-06'), null, 'a 2014 run is not credited to a pair added in 2025');
    assert.equal(byDay.get('2025-06-10'), 'Daily trainer');
  } finally {
    t.cleanup();
    await handle.close();
  }
});

dbTest(
  'Strava: an empty gear cell stays without a shoe; shoes.csv defaults are kept per sport, one pair each',
  async (tdb) => {
    const handle = await tdb.open();
    const t = await setUp(handle);
    try {
      const t0 = Date.UTC(2025, 5, 2, 7);
      const zip = buildStravaExportZip({
        shoes: [
          { name: 'Road A', defaultSportTypes: ['Run'] },
          { name: 'Road B', defaultSportTypes: ['Run', 'TrailRun'] },
          { name: 'Spare' },
        ],
        activities: [
          {
            id: 1,
            type: 'Run',
            date: t0,
            distanceM: 5000,
            movingS: 1800,
            elapsedS: 1800,
            gear: 'Road B',
            file: { name: '1.fit', bytes: buildFitRun({ startMs: t0, durationS: 1800, seed: 1 }) },
          },
          {
            id: 2,
            type: 'Run',
            date: t0 + DAY,
            distanceM: 6000,
            movingS: 2000,
            elapsedS: 2000,
            file: { name: '2.fit', bytes: buildFitRun({ startMs: t0 + DAY, durationS: 2000, seed: 2 }) },
          },
          { id: 3, type: 'Run', date: t0 + 2 * DAY, distanceM: 7000, movingS: 2400, elapsedS: 2400 },
        ],
      });
      const zipPath = join(t.dir, 'strava.zip');
      writeFileSync(zipPath, zip);
      await importPaths(t.ctx, [zipPath]);
      const byDay = await shoeOfRun(handle, t.ctx.athleteId);
      assert.equal(byDay.get('2025-06-02'), 'Road B', 'the gear cell names the pair');
      assert.equal(byDay.get('2025-06-03'), null, 'an empty gear cell (file run) gets no default pair');
      assert.equal(byDay.get('2025-06-04'), null, 'an empty gear cell (manual run) gets no default pair');

      const shoes = await new ShoeRepository(handle.db).list(t.ctx.athleteId);
      const defaults = new Map(shoes.map((s) => [s.name, s.default_sport]));
      assert.equal(defaults.get('Road A'), 'run', 'the first pair listed for runs keeps runs');
      assert.equal(defaults.get('Road B'), 'trail_run', 'the second keeps only the sport still free');
      assert.equal(defaults.get('Spare'), null);
      assert.equal(shoes.filter((s) => (s.default_sport ?? '').split(',').includes('run')).length, 1);
    } finally {
      t.cleanup();
      await handle.close();
    }
  },
);

dbTest("an export's default never replaces the default the runner chose", async (tdb) => {
  const handle = await tdb.open();
  const t = await setUp(handle);
  try {
    const repo = new ShoeRepository(handle.db);
    await repo.findOrCreate(t.ctx.athleteId, { name: 'Mine', defaultSport: 'run' }, NOW_ISO);
    const zipPath = join(t.dir, 'strava.zip');
    writeFileSync(
      zipPath,
      buildStravaExportZip({
        shoes: [{ name: 'From Strava', defaultSportTypes: ['Run'] }],
        activities: [
          {
            id: 7,
            type: 'Run',
            date: Date.UTC(2025, 5, 8, 7),
            distanceM: 5000,
            movingS: 1800,
            elapsedS: 1800,
            file: {
              name: '7.fit',
              bytes: buildFitRun({ startMs: Date.UTC(2025, 5, 8, 7), durationS: 1800, seed: 7 }),
            },
          },
        ],
      }),
    );
    await importPaths(t.ctx, [zipPath]);
    assert.equal((await repo.defaultFor(t.ctx.athleteId, 'run'))?.name, 'Mine');
    assert.equal((await repo.findByName(t.ctx.athleteId, 'From Strava'))?.default_sport, null);
  } finally {
    t.cleanup();
    await handle.close();
  }
});

dbTest(
  'Garmin: linked runs get their pair, unlinked ones none; gear defaults are kept per sport',
  async (tdb) => {
    const handle = await tdb.open();
    const t = await setUp(handle);
    try {
      const t0 = Date.UTC(2025, 5, 2, 7);
      const zip = buildGarminExportZip({
        activities: [
          { activityId: 9001, startMs: t0, distanceM: 5000, durationS: 1800 },
          { activityId: 9002, startMs: t0 + DAY, distanceM: 6000, durationS: 2000 },
        ],
        gear: [
          { gearPk: 1, displayName: 'Road', activityIds: [9001], defaultForTypes: ['running'] },
          { gearPk: 2, displayName: 'Trail', defaultForTypes: ['running', 'trail_running'] },
        ],
      });
      const zipPath = join(t.dir, 'garmin.zip');
      writeFileSync(zipPath, zip);
      await importPaths(t.ctx, [zipPath]);
      const byDay = await shoeOfRun(handle, t.ctx.athleteId);
      assert.equal(byDay.get('2025-06-02'), 'Road');
      assert.equal(byDay.get('2025-06-03'), null, 'the export links no pair to it');
      const defaults = new Map(
        (await new ShoeRepository(handle.db).list(t.ctx.athleteId)).map((s) => [s.name, s.default_sport]),
      );
      assert.deepEqual([defaults.get('Road'), defaults.get('Trail')], ['run', 'trail_run']);
    } finally {
      t.cleanup();
      await handle.close();
    }
  },
);
