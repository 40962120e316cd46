/**
 * Ten years of training ending today (~3,000 runs plus cross-training), a pain episode in the journal and two
 * pairs of shoes, written to a fresh database: the history the dashboard benchmark serves.
 */
import { openDatabase } from '../../src/db/connection.ts';
import { ActivityRepository, type ActivityRow } from '../../src/db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../src/db/repositories/athlete.repository.ts';
import { addDays } from '../../src/domain/load/calendar-day.ts';
import type { LoadActivity } from '../../src/domain/load/load-activity.ts';
import { JournalService } from '../../src/services/journal.service.ts';
import { ShoeService } from '../../src/services/shoe.service.ts';
import { buildHistory } from '../../test/factories/history.factory.ts';

function toRow(a: LoadActivity, athleteId: string, importedAt: string): ActivityRow {
  return {
    id: a.id,
    athlete_id: athleteId,
    source: `bench/${a.id}.fit`,
    format: 'fit',
    external_id: a.id,
    sport: a.sport,
    raw_sport: a.sport,
    start_at: new Date(a.startMs).toISOString(),
    start_ms: a.startMs,
    local_date: a.localDate,
    utc_offset_s: 3600,
    local_date_basis: 'file',
    distance_m: a.distanceM,
    moving_time_s: a.movingTimeS,
    elapsed_time_s: a.elapsedTimeS,
    timer_time_s: a.movingTimeS,
    ascent_m: a.ascentM,
    descent_m: a.descentM,
    downhill_distance_m: a.downhillDistanceM,
    avg_heart_rate: a.avgHeartRate,
    max_heart_rate: a.avgHeartRate === null ? null : a.avgHeartRate + 20,
    avg_cadence_spm: a.avgCadenceSpm,
    avg_stride_m: a.avgStrideM,
    calories: null,
    device: 'bench',
    name: null,
    description: null,
    gear_name: null,
    shoe_id: null,
    sample_count: 0,
    richness: 1,
    summary_version: 'bench',
    imported_at: importedAt,
    is_demo: 0,
    excluded: 0,
  };
}

export async function seedTenYears(dbPath: string): Promise<{ runs: number; activities: number }> {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  // Start ten years back on a Monday-ish day; the history factory plants weeks from there.
  const history = buildHistory({
    years: 10,
    runsPerWeek: 6,
    seed: 7,
    startDate: addDays(today, -3650),
  }).filter((a) => a.localDate <= today);
  const store = await openDatabase(dbPath);
  try {
    const athlete = await new AthleteRepository(store.db).getOrCreateLocal(now.toISOString());
    const repo = new ActivityRepository(store.db);
    for (const a of history) await repo.insert(toRow(a, athlete.id, now.toISOString()), null);
    const shoes = new ShoeService(store.db, athlete, () => now);
    await shoes.add({
      name: 'Daily trainer',
      brand: 'Bench',
      model: 'One',
      startDistanceM: 0,
      defaultFor: ['run'],
    });
    await shoes.add({ name: 'Racer', brand: null, model: null, startDistanceM: 120_000, defaultFor: [] });
    const journal = new JournalService(store.db, athlete, () => now);
    for (const [back, after] of [
      [20, 5],
      [17, 4],
      [12, 3],
      [6, 2],
    ] as const) {
      await journal.log({
        date: addDays(today, -back),
        side: 'left',
        regions: ['anterior'],
        after,
        during: after - 1,
      });
    }
    return { runs: history.filter((a) => a.sport.endsWith('run')).length, activities: history.length };
  } finally {
    await store.close();
  }
}
