/**
 * A runner for report tests: ten weeks of 8 km every other day (28 km a week), then in the last two weeks
 * before the onset more descent and a lower cadence, a 24 km run on the onset day (+200 % over the 30-day
 * longest), a pain episode with five journal entries, a saved assessment from the real engine, two shoes, a
 * few programme sessions and rides since. Test-only: it writes to the database it is given.
 */
import type { DatabaseHandle } from '../../src/db/connection.ts';
import { ActivityRepository, type ActivityRow } from '../../src/db/repositories/activity.repository.ts';
import { type Athlete, AthleteRepository } from '../../src/db/repositories/athlete.repository.ts';
import { parseAnswers } from '../../src/domain/assessment/answers.schema.ts';
import { assessKnee } from '../../src/domain/assessment/assess.engine.ts';
import { addDays } from '../../src/domain/load/calendar-day.ts';
import { JournalService } from '../../src/services/journal.service.ts';
import { ShoeService } from '../../src/services/shoe.service.ts';
import { storedActivityRow } from './activity-row.factory.ts';

export const SEED_NOW = new Date('2025-06-29T12:00:00.000Z');
export const SEED_ONSET = '2025-06-15';
export const SEED_NOTE = 'stairs <b>still</b> sore & stiff';

function activity(
  athleteId: string,
  n: number,
  date: string,
  distanceM: number,
  extra: Partial<ActivityRow> = {},
): ActivityRow {
  return storedActivityRow(athleteId, n, date, distanceM, SEED_NOW, { avg_cadence_spm: 172, ...extra });
}

export interface SeedOptions {
  /** Leave out the journal, the assessment and everything since onset: the empty-state report. */
  trainingOnly?: boolean;
}

/** The seeded runner's knee check: gradual kneecap pain on stairs, hills, sitting and squats, a little swelling. */
export const SEED_KNEE_ANSWERS = {
  age: 34,
  sex: 'female',
  side: 'right',
  painLocation: 'anterior',
  onset: 'gradual',
  trauma: false,
  stairsPain: true,
  downhillPain: true,
  sittingPain: true,
  squattingPain: true,
  canBearWeight: true,
  lockedNow: false,
  fever: false,
  redHotJoint: false,
  calfSwelling: false,
  swelling: 'mild',
  durationDays: 14,
};

export async function seedReportRunner(handle: DatabaseHandle, options: SeedOptions = {}): Promise<Athlete> {
  const now = () => SEED_NOW;
  const athletes = new AthleteRepository(handle.db);
  const base = await athletes.getOrCreateLocal(SEED_NOW.toISOString());
  const settings = { ...base.settings, sex: 'female' as const, birthYear: 1991, timeZone: 'UTC' };
  await athletes.updateSettings(base.id, settings);
  const athlete: Athlete = { ...base, settings };
  const repo = new ActivityRepository(handle.db);
  const runs: ActivityRow[] = [];
  for (let back = 70; back >= 2; back -= 2) {
    const late = back <= 14;
    runs.push(
      activity(athlete.id, runs.length + 1, addDays(SEED_ONSET, -back), 8000, {
        descent_m: late ? 150 : 60,
        avg_cadence_spm: late ? 164 : 172,
      }),
    );
  }
  runs.push(
    activity(athlete.id, runs.length + 1, SEED_ONSET, 24_000, { descent_m: 420, avg_cadence_spm: 162 }),
  );
  if (!options.trainingOnly) {
    runs.push(activity(athlete.id, runs.length + 1, '2025-06-22', 5000));
    runs.push(activity(athlete.id, runs.length + 1, '2025-06-26', 5000));
    for (const [i, date] of ['2025-06-19', '2025-06-24'].entries()) {
      runs.push(
        activity(athlete.id, 900 + i, date, 20_000, {
          sport: 'ride',
          raw_sport: 'cycling',
          moving_time_s: 3600,
        }),
      );
    }
  }
  for (const r of runs) await repo.insert(r, null);

  const shoes = new ShoeService(handle.db, athlete, now);
  await shoes.add({ name: 'Road Trainer', startDistanceM: 300_000 });
  await shoes.add({ name: 'Trail <New>' });
  const running = runs.filter((r) => r.sport === 'run').map((r) => r.id);
  await shoes.assign('Road Trainer', { runIds: running.slice(0, -3) });
  await shoes.assign('Trail <New>', { runIds: running.slice(-3) });
  if (options.trainingOnly) return athlete;

  const journal = new JournalService(handle.db, athlete, now);
  await journal.log({ date: SEED_ONSET, side: 'right', regions: ['anterior'], after: 6, onset: 'gradual' });
  await journal.log({
    date: '2025-06-16',
    side: 'right',
    regions: ['anterior'],
    morning: 5,
    swelling: 'mild',
  });
  await journal.log({
    date: '2025-06-18',
    side: 'right',
    regions: ['anterior', 'lateral'],
    during: 3,
    after: 4,
  });
  await journal.log({ date: '2025-06-22', side: 'right', regions: ['anterior'], after: 2 });
  await journal.log({ date: '2025-06-27', side: 'right', regions: ['anterior'], after: 1, note: SEED_NOTE });

  const answers = parseAnswers(SEED_KNEE_ANSWERS);
  await handle.db
    .insertInto('assessments')
    .values({
      id: 'assessment-1',
      athlete_id: athlete.id,
      created_at: '2025-06-20T09:00:00.000Z',
      answers_json: JSON.stringify(answers),
      result_json: JSON.stringify(assessKnee(answers)),
      is_demo: 0,
    })
    .execute();
  for (const [i, date] of ['2025-06-17', '2025-06-19', '2025-06-21', '2025-06-24'].entries()) {
    await handle.db
      .insertInto('programme_sessions')
      .values({
        id: `ps-${i}`,
        athlete_id: athlete.id,
        local_date: date,
        programme_id: 'knee_strength',
        session_label: `Session ${i + 1}`,
        pain_during: 2,
        note: null,
        created_at: SEED_NOW.toISOString(),
        is_demo: 0,
      })
      .execute();
  }
  return athlete;
}
