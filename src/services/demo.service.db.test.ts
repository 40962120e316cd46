/**
 * The demo runner in a real database (SQLite and PostgreSQL): one transaction, every row marked as demo, never
 * twice, read by the real load/why/shoe services the way the dashboard reads it, and removed without touching
 * a single row of the runner's own or of another athlete.
 */
import assert from 'node:assert/strict';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { generateDemoRunner } from '../domain/demo/demo-runner.ts';
import { DemoService } from './demo.service.ts';
import { computeLoad } from './load.service.ts';
import { ShoeService } from './shoe.service.ts';
import { WhyService } from './why.service.ts';

const NOW = new Date('2025-06-29T10:00:00.000Z');
const TODAY = '2025-06-29';
const DEMO_TABLES = ['activities', 'shoes', 'pain_entries', 'assessments', 'programme_sessions'] as const;

async function localAthlete(handle: DatabaseHandle): Promise<Athlete> {
  const repo = new AthleteRepository(handle.db);
  const base = await repo.getOrCreateLocal(NOW.toISOString());
  const settings = { ...base.settings, timeZone: 'Europe/Copenhagen' };
  await repo.updateSettings(base.id, settings);
  return { ...base, settings };
}

async function rowsOf(handle: DatabaseHandle, table: keyof Database, athleteId: string) {
  return handle.db.selectFrom(table).selectAll().where('athlete_id', '=', athleteId).execute();
}

/** A second athlete (a clinic server holds many) with a run, a shoe, a journal entry, all marked demo even. */
async function otherAthlete(handle: DatabaseHandle): Promise<string> {
  await handle.db
    .insertInto('athletes')
    .values({
      id: 'other',
      name: 'Other',
      created_at: '2030-01-01T00:00:00.000Z',
      is_demo: 0,
      settings_json: '{}',
    })
    .execute();
  await handle.db
    .insertInto('shoes')
    .values({
      id: 'other-shoe',
      athlete_id: 'other',
      name: 'Grey daily trainers',
      brand: null,
      model: null,
      start_distance_m: 0,
      default_sport: 'run',
      retired_at: null,
      created_at: NOW.toISOString(),
      is_demo: 1,
    })
    .execute();
  await handle.db
    .insertInto('activities')
    .values(storedActivityRow('other', 9001, '2025-06-01', 9000, NOW, { shoe_id: 'other-shoe', is_demo: 1 }))
    .execute();
  await handle.db
    .insertInto('pain_entries')
    .values({
      id: 'other-pain',
      athlete_id: 'other',
      occurred_at: NOW.toISOString(),
      local_date: '2025-06-02',
      side: 'left',
      regions_json: '[]',
      pain_during: 3,
      pain_after: null,
      pain_next_morning: null,
      swelling: null,
      onset: null,
      activity_id: 'act-9001',
      note: null,
      created_at: NOW.toISOString(),
      is_demo: 1,
    })
    .execute();
  return 'other';
}

dbTest('seeding writes the whole demo runner once, every row marked as demo', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await localAthlete(handle);
    const expected = generateDemoRunner(TODAY);
    const demo = new DemoService(handle.db, athlete, () => NOW);
    const first = await demo.seed(TODAY);
    assert.equal(first.seeded, true);
    assert.equal(first.activities, expected.activities.length);
    assert.equal(first.shoes, 3);
    assert.equal(first.painEntries, expected.painEntries.length);
    assert.equal(first.assessments, 1);
    assert.equal(first.programmeSessions, expected.programmeSessions.length);
    assert.equal(first.from, expected.from);
    assert.equal(first.to, expected.to);
    assert.equal(first.onset, expected.story.onset);
    assert.equal(first.spike?.date, expected.story.spike.localDate);
    assert.ok(first.spike!.spikePct > 100);
    for (const table of DEMO_TABLES) {
      const rows = await rowsOf(handle, table, athlete.id);
      assert.ok(rows.length > 0, table);
      assert.ok(
        rows.every((r) => (r as { is_demo: number }).is_demo === 1),
        `every ${table} row is demo`,
      );
    }
    // Local dates survive the trip through the runner's time zone (summer time in Copenhagen: UTC+2).
    const stored = await rowsOf(handle, 'activities', athlete.id);
    const race = stored.find((r) => r.local_date === expected.story.goalRaceDate)!;
    assert.equal(race.start_at.slice(11, 16), '08:00', '09:00 local in winter is 08:00 UTC');

    const again = await demo.seed(TODAY);
    assert.equal(again.seeded, false);
    assert.deepEqual({ ...again, seeded: true }, first);
    assert.equal((await rowsOf(handle, 'activities', athlete.id)).length, first.activities);
  } finally {
    await handle.close();
  }
});

dbTest('two seeds at once still give one demo runner', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await localAthlete(handle);
    const [a, b] = await Promise.all([
      new DemoService(handle.db, athlete, () => NOW).seed(TODAY),
      new DemoService(handle.db, athlete, () => NOW).seed(TODAY),
    ]);
    assert.deepEqual([a.seeded, b.seeded].sort(), [false, true]);
    assert.equal((await rowsOf(handle, 'shoes', athlete.id)).length, 3);
    assert.equal((await rowsOf(handle, 'activities', athlete.id)).length, a.activities);
  } finally {
    await handle.close();
  }
});

dbTest('the services read the demo story: a large spike, why, worn shoes, a pfps assessment', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await localAthlete(handle);
    const seeded = await new DemoService(handle.db, athlete, () => NOW).seed(TODAY);
    const load = await computeLoad(handle.db, athlete, TODAY);
    const spikeRun = load.runs.find((r) => r.localDate === seeded.spike!.date && r.distanceM > 20_000)!;
    assert.equal(spikeRun.spikeCategory, 'large');
    assert.ok(Math.abs(spikeRun.spikePct! - seeded.spike!.spikePct) < 0.2);

    const why = await new WhyService(handle.db, athlete, () => NOW).explain();
    assert.equal(why.onset, seeded.onset);
    assert.equal(why.factors[0]!.id, 'session_spike');
    assert.equal(why.episode?.onsetActivityId !== null, true, 'the first entry names the long trail day');

    const shoes = (await new ShoeService(handle.db, athlete, () => NOW).list()).shoes;
    assert.ok(shoes.some((s) => s.retiredAt !== null));
    assert.ok(shoes.some((s) => s.retiredAt === null && s.distanceM > 700_000 && s.alert !== null));
    assert.deepEqual(shoes.find((s) => s.defaultFor.includes('run'))?.name, 'New daily trainers');

    const [assessment] = await rowsOf(handle, 'assessments', athlete.id);
    const result = JSON.parse(assessment!.result_json as string);
    assert.equal(result.urgency, 'self-care');
    assert.equal(result.conditions[0].id, 'pfps');
    assert.equal(result.trainingEvidence.used, true, 'the real engine saw the training before the onset');
    const sessions = await rowsOf(handle, 'programme_sessions', athlete.id);
    assert.ok(sessions.every((s) => s.programme_id === 'pfps' && s.local_date > seeded.onset!));
  } finally {
    await handle.close();
  }
});

dbTest('removing the demo deletes only demo rows of this athlete', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await localAthlete(handle);
    const other = await otherAthlete(handle);
    // The runner's own pair is the default for runs: the demo must not take that away.
    const own = await new ShoeService(handle.db, athlete, () => NOW).add({
      name: 'My racers',
      defaultFor: ['run'],
    });
    await handle.db
      .insertInto('activities')
      .values(storedActivityRow(athlete.id, 1, '2025-06-20', 5000, NOW, { shoe_id: own.id }))
      .execute();
    const seeded = await new DemoService(handle.db, athlete, () => NOW).seed(TODAY);
    assert.deepEqual((await new ShoeService(handle.db, athlete, () => NOW).view(own.id)).defaultFor, ['run']);

    // Own rows that point at demo rows: a journal entry about a demo run, an own run in a demo shoe.
    const demoRun = (await rowsOf(handle, 'activities', athlete.id)).find((r) => r.is_demo === 1)!;
    const demoShoe = (await rowsOf(handle, 'shoes', athlete.id)).find((r) => r.is_demo === 1)!;
    await handle.db
      .insertInto('activities')
      .values(storedActivityRow(athlete.id, 2, '2025-06-21', 6000, NOW, { shoe_id: demoShoe.id }))
      .execute();
    await handle.db
      .insertInto('pain_entries')
      .values({
        id: 'own-pain',
        athlete_id: athlete.id,
        occurred_at: NOW.toISOString(),
        local_date: demoRun.local_date,
        side: 'right',
        regions_json: '["anterior"]',
        pain_during: 2,
        pain_after: null,
        pain_next_morning: null,
        swelling: null,
        onset: null,
        activity_id: demoRun.id,
        note: 'mine',
        created_at: NOW.toISOString(),
        is_demo: 0,
      })
      .execute();
    const otherRows = async () => {
      const out = [];
      for (const t of DEMO_TABLES) out.push(await rowsOf(handle, t, other));
      return out;
    };
    const otherBefore = await otherRows();

    const { removed } = await new DemoService(handle.db, athlete, () => NOW).remove();
    assert.deepEqual(removed, {
      activities: seeded.activities,
      shoes: 3,
      painEntries: seeded.painEntries,
      assessments: 1,
      programmeSessions: seeded.programmeSessions,
    });
    for (const table of DEMO_TABLES) {
      const rows = await rowsOf(handle, table, athlete.id);
      assert.ok(
        rows.every((r) => (r as { is_demo: number }).is_demo === 0),
        table,
      );
    }
    const activities = await rowsOf(handle, 'activities', athlete.id);
    assert.deepEqual(activities.map((a) => a.id).sort(), ['act-0001', 'act-0002']);
    assert.equal(activities.find((a) => a.id === 'act-0001')!.shoe_id, own.id);
    assert.equal(
      activities.find((a) => a.id === 'act-0002')!.shoe_id,
      null,
      'the own run lost only the demo shoe',
    );
    const [pain] = await rowsOf(handle, 'pain_entries', athlete.id);
    assert.equal(pain!.id, 'own-pain');
    assert.equal(pain!.activity_id, null);
    assert.deepEqual(
      (await rowsOf(handle, 'shoes', athlete.id)).map((s) => s.name),
      ['My racers'],
    );
    assert.deepEqual(await otherRows(), otherBefore);

    const nothing = await new DemoService(handle.db, athlete, () => NOW).remove();
    assert.equal(
      Object.values(nothing.removed).reduce((a, b) => a + b, 0),
      0,
    );
    // And it can come back.
    assert.equal((await new DemoService(handle.db, athlete, () => NOW).seed(TODAY)).seeded, true);
  } finally {
    await handle.close();
  }
});
