import assert from 'node:assert/strict';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { currentPainOnset, toPainDays } from '../domain/journal/journal-for-plans.ts';
import type { PainEntry } from '../domain/journal/pain-entry.ts';
import { addDays } from '../domain/load/calendar-day.ts';
import { generatePlan, planHistoryFrom } from '../domain/plans/plan-generator.ts';
import { pickProgramme } from '../domain/plans/programme-picker.ts';
import { JournalService } from './journal.service.ts';
import { type HistoryRow, readHistoryRows } from './load-snapshot.service.ts';
import { planStartAndHistory, readPlanHistoryRows } from './plan-history-rows.ts';

const NOW = new Date('2024-12-31T12:00:00Z');

/**
 * Two blocks of running with a 150-day break between them, and around the break what could trip a narrower
 * read: two runs on one day whose ids sort against their start order, a later run without a distance, a bike
 * ride and an excluded run (neither counts), plus a pain episode in the second block.
 */
async function seedBrokenHistory(handle: DatabaseHandle): Promise<Athlete> {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW.toISOString());
  const repo = new ActivityRepository(handle.db);
  let n = 0;
  const add = async (
    date: string,
    distanceM: number,
    extra: Parameters<typeof storedActivityRow>[5] = {},
  ) => {
    n += 1;
    await repo.insert(storedActivityRow(athlete.id, n, date, distanceM, NOW, extra), null);
  };
  for (let day = 0; day < 120; day += 2) await add(addDays('2024-01-01', day), 6000 + (day % 7) * 900);
  // 2024-05-01: a late long run stored first with the larger id, an earlier short one after it.
  await add('2024-05-01', 14_000, { id: 'act-9999', start_ms: Date.parse('2024-05-01T18:00:00Z') });
  await add('2024-05-01', 5000, { id: 'act-9998', start_ms: Date.parse('2024-05-01T07:00:00Z') });
  await add('2024-05-03', 0);
  await add('2024-05-05', 40_000, { sport: 'ride', raw_sport: 'cycling' });
  await add('2024-05-06', 30_000, { excluded: 1 });
  // The pace quickens through the second block, so the easy pace depends on how far back the plan looks.
  for (let day = 0; day < 90; day += 1) {
    const distanceM = 4000 + (day % 5) * 1200;
    const speed = 2.2 + day / 60;
    if (day % 3 !== 2) await add(addDays('2024-10-01', day), distanceM, { moving_time_s: distanceM / speed });
  }
  const journal = new JournalService(handle.db, athlete, () => NOW);
  for (const [date, after] of [
    ['2024-11-20', 5],
    ['2024-11-24', 6],
    ['2024-12-02', 2],
  ] as const) {
    await journal.log({ date, side: 'left', regions: ['anterior'], after, during: after - 1 });
  }
  return athlete;
}

/** The plan status and Today build from these rows (today.service.ts nextPlanned), two weeks long. */
function planFrom(rows: readonly HistoryRow[], entries: readonly PainEntry[], asOf: string) {
  const { start, history } = planStartAndHistory(rows, asOf);
  return generatePlan({
    start,
    weeks: 2,
    goalKm: null,
    history,
    journal: toPainDays(entries),
    painOnset: currentPainOnset(entries),
    today: asOf,
    programme: pickProgramme(null),
    programmeSessionsDone: 0,
    units: 'km',
  });
}

dbTest('the plan from the runs readPlanHistoryRows reads is the plan from the whole history', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedBrokenHistory(handle);
    const all = await readHistoryRows(handle.db, athlete.id);
    const journal = await new JournalService(handle.db, athlete, () => NOW).all();
    // Every day from before the first run, through the break, to past the last run.
    for (let asOf = '2023-12-20'; asOf <= '2025-01-10'; asOf = addDays(asOf, 1)) {
      const entries = journal.filter((e) => e.localDate <= asOf);
      const window = await readPlanHistoryRows(handle.db, athlete.id, asOf);
      assert.deepEqual(planFrom(window, entries, asOf), planFrom(all, entries, asOf), asOf);
    }
  } finally {
    await handle.close();
  }
});

dbTest(
  'readPlanHistoryRows reads the last 90 days of runs and the one run that dates the break',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedBrokenHistory(handle);
      // Three weeks into the second block: the window holds its first runs, the break is dated before them.
      const asOf = '2024-10-20';
      const rows = await readPlanHistoryRows(handle.db, athlete.id, asOf);
      const [older, ...recent] = rows;
      // The latest run with a distance before the window: the earlier-starting of the two on 2024-05-01 (the
      // run without a distance, the ride and the excluded run after it do not count).
      assert.equal(older?.id, 'act-9998');
      // Then every counted run from planHistoryFrom on, in the whole history's order.
      const all = await readHistoryRows(handle.db, athlete.id);
      assert.ok(recent.length > 0);
      assert.deepEqual(
        recent,
        all.filter((r) => r.sport === 'run' && r.local_date >= planHistoryFrom(asOf)),
      );
      assert.ok(rows.length < all.length / 2);
    } finally {
      await handle.close();
    }
  },
);
