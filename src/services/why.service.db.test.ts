import assert from 'node:assert/strict';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { KneewiseError } from '../domain/errors.ts';
import { addDays, dayNumber } from '../domain/load/calendar-day.ts';
import { seedsFromGarminGear } from '../domain/shoes/shoe-catalogue.mapper.ts';
import { JournalService } from './journal.service.ts';
import { ShoeService } from './shoe.service.ts';
import { WhyService } from './why.service.ts';

const NOW = new Date('2025-06-20T12:00:00.000Z');
const now = () => NOW;
const ONSET = '2025-06-15';

function activity(
  athleteId: string,
  n: number,
  date: string,
  distanceM: number,
  extra: Partial<ActivityRow> = {},
): ActivityRow {
  return storedActivityRow(athleteId, n, date, distanceM, NOW, extra);
}

/** Ten weeks of 8 km runs every other day, then a 24 km run on the onset day. */
async function seed(handle: DatabaseHandle): Promise<{ athlete: Athlete; runs: ActivityRow[] }> {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW.toISOString());
  const repo = new ActivityRepository(handle.db);
  const dates: string[] = [];
  for (let back = 70; back >= 2; back -= 2) dates.push(addDays(ONSET, -back));
  const runs = dates.map((date, i) => activity(athlete.id, i + 1, date, 8000));
  runs.push(activity(athlete.id, runs.length + 1, ONSET, 24_000));
  runs.push(
    activity(athlete.id, runs.length + 1, '2025-06-16', 5000, { sport: 'walk', raw_sport: 'walking' }),
  );
  for (const r of runs) await repo.insert(r, null);
  return { athlete, runs };
}

dbTest(
  'shoes: add, assign, default, rename, retire; distance = start + running; delete keeps runs',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const { athlete, runs } = await seed(handle);
      const shoes = new ShoeService(handle.db, athlete, now);
      const added = await shoes.add({
        name: 'Pegasus',
        brand: 'Nike',
        startDistanceM: 450_000,
        defaultFor: ['run'],
      });
      assert.deepEqual(added.defaultFor, ['run']);
      const { assigned } = await shoes.assign('Pegasus', { from: '2025-01-01' });
      assert.equal(assigned, 36, 'every run, not the walk');
      const list = await shoes.list();
      const peg = list.shoes[0]!;
      assert.equal(peg.distanceM, 450_000 + 35 * 8000 + 24_000);
      assert.equal(peg.status, 'nudge');
      assert.match(peg.alert ?? '', /"Pegasus" has 754\.0 km: past 482\.8 km/);
      assert.equal(list.rotation.shoesUsed, 1);
      assert.equal(list.rotation.rotating, false);

      const other = await shoes.add({ name: 'Trail pair', defaultFor: ['run'] });
      assert.deepEqual(other.defaultFor, ['run']);
      assert.deepEqual((await shoes.view('Pegasus')).defaultFor, [], 'one default per sport');

      await assert.rejects(
        shoes.rename('Pegasus', 'Trail pair'),
        (e: KneewiseError) => e.code === 'SHOE_NAME_TAKEN',
      );
      assert.equal((await shoes.rename('Pegasus', 'Peg 40')).name, 'Peg 40');
      const retired = await shoes.retire('Peg 40', '2025-06-18');
      assert.equal(retired.retiredAt, '2025-06-18');
      assert.equal(retired.alert, null);
      await assert.rejects(
        shoes.view('Nope'),
        (e: KneewiseError) => e.code === 'SHOE_NOT_FOUND' && /Known shoes: "Peg 40"/.test(e.message),
      );
      await assert.rejects(
        shoes.assign('Peg 40', { runIds: ['missing'] }),
        (e: KneewiseError) => e.code === 'RUN_NOT_FOUND',
      );

      const { deleted } = await shoes.delete('Peg 40');
      assert.equal(deleted.runs, 36);
      const after = await new ActivityRepository(handle.db).list(athlete.id);
      assert.equal(after.length, runs.length, 'deleting a shoe never deletes runs');
      assert.ok(after.every((r) => r.shoe_id === null));
    } finally {
      await handle.close();
    }
  },
);

dbTest('shoes from a Garmin gear export link runs by external id', async (tdb) => {
  const handle = await tdb.open();
  try {
    const { athlete } = await seed(handle);
    const gear = [
      {
        gearDTOS: [
          {
            gearPk: 77,
            displayName: 'Ghost 15',
            customMakeModel: 'Brooks Ghost 15',
            gearTypeName: 'Shoes',
            gearStatusName: 'active',
            maximumMeters: 650000,
          },
          { gearPk: 78, displayName: 'Road bike', gearTypeName: 'Bike', gearStatusName: 'active' },
        ],
        gearActivityDTOs: {
          '77': [{ activityId: 'ext-1' }, { activityId: 'ext-2' }, { activityId: 'ext-999' }],
        },
      },
    ];
    const seeds = seedsFromGarminGear(gear);
    assert.equal(seeds.length, 1);
    const result = await new ShoeService(handle.db, athlete, now).importSeeds(seeds);
    assert.deepEqual(result, { created: 1, updated: 0, linked: 2 });
    const view = await new ShoeService(handle.db, athlete, now).view('Ghost 15');
    assert.equal(view.model, 'Brooks Ghost 15');
    assert.equal(view.distanceM, 16_000);
  } finally {
    await handle.close();
  }
});

dbTest(
  "journal: log ties the entry to that day's run; edit, list with episodes, delete; why explains it",
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const { athlete } = await seed(handle);
      const journal = new JournalService(handle.db, athlete, now);
      const entry = await journal.log({
        date: ONSET,
        side: 'left',
        regions: ['lateral'],
        after: '5',
        morning: '4',
        onset: 'sudden',
      });
      assert.equal(entry.activityId, 'act-0036', 'the 24 km run of that day');
      assert.equal(
        entry.occurredAt,
        new Date(dayNumber(ONSET) * 86_400_000 + 6 * 3_600_000 + 8060 * 1000).toISOString(),
      );
      await journal.log({ date: '2025-06-17', after: '2', run: 'none' });
      await assert.rejects(
        journal.log({ date: ONSET, after: '12' }),
        (e: KneewiseError) => e.code === 'PAIN_INVALID' && e.kind === 'input',
      );
      await assert.rejects(
        journal.log({ date: ONSET, after: '3', run: 'act-nope' }),
        (e: KneewiseError) => e.code === 'RUN_NOT_FOUND',
      );
      await assert.rejects(
        journal.log({ date: '2025-13-01', after: '3' }),
        /--date: expected a calendar date/,
      );

      const edited = await journal.edit(entry.id, { note: 'outside of the knee', during: '3' });
      assert.equal(edited.note, 'outside of the knee');
      assert.equal(edited.painDuring, 3);
      assert.equal(edited.painAfter, 5, 'fields not given stay');
      const listed = await journal.list();
      assert.equal(listed.entries.length, 2);
      assert.equal(listed.episodes.length, 1);
      assert.equal(listed.episodes[0]!.onset, ONSET);

      const why = await new WhyService(handle.db, athlete, now).explain();
      assert.equal(why.onset, ONSET);
      assert.equal(why.factors.length, 11);
      assert.equal(why.factors[0]!.id, 'session_spike');
      assert.match(why.factors[0]!.advice, /Keep runs under 8\.8 km for the next two weeks/);
      assert.equal(why.episode?.onset, ONSET);

      const { deleted } = await journal.delete(entry.id);
      assert.equal(deleted.id, entry.id);
      await assert.rejects(journal.get(entry.id), (e: KneewiseError) => e.code === 'PAIN_ENTRY_NOT_FOUND');
    } finally {
      await handle.close();
    }
  },
);

dbTest('why without a journal asks for an onset; with --onset it works on runs alone', async (tdb) => {
  const handle = await tdb.open();
  try {
    const { athlete } = await seed(handle);
    const why = new WhyService(handle.db, athlete, now);
    await assert.rejects(
      why.explain(),
      (e: KneewiseError) => e.code === 'NO_PAIN_EPISODE' && e.kind === 'input',
    );
    const result = await why.explain({ onset: ONSET });
    assert.equal(result.episode, null);
    assert.equal(result.factors[0]!.id, 'session_spike');
    await assert.rejects(why.explain({ onset: 'yesterday' }), /--onset: expected a calendar date/);
  } finally {
    await handle.close();
  }
});
