/**
 * Reading and changing the runner's settings. A change is checked as a whole (domain/settings.ts) and stored
 * in one write, so a refused change leaves the stored settings as they were. Changing the home time zone
 * re-dates the activities that had no zone of their own (their offset came from the home zone, basis
 * 'user'): a run at 23:30 UTC belongs to a different day in Copenhagen than in New York.
 */
import type { Kysely } from 'kysely';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { localDateAt } from '../domain/activity/local-date.ts';
import type { RunnerSettings } from '../domain/settings.ts';
import { applySettingsPatch, type SettingsPatch } from '../domain/settings-patch.ts';
import { offsetInZone, systemTimeZone } from './import/zone-offset.ts';

export class SettingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
  ) {}

  get(): RunnerSettings {
    return this.athlete.settings;
  }

  /** `now`: the caller's clock, for the checks that depend on the date (a year of birth). */
  async update(patch: SettingsPatch, now: Date): Promise<RunnerSettings> {
    const next = applySettingsPatch(this.athlete.settings, patch, now.getUTCFullYear());
    const zoneBefore = this.athlete.settings.timeZone ?? systemTimeZone();
    const zoneAfter = next.timeZone ?? systemTimeZone();
    await this.db.transaction().execute(async (trx) => {
      await new AthleteRepository(trx).updateSettings(this.athlete.id, next);
      if (zoneAfter !== zoneBefore) await redateHomeZoneActivities(trx, this.athlete.id, zoneAfter);
    });
    return next;
  }
}

/**
 * Recomputes offset and local date of every activity dated by the home zone. Activities whose file or
 * coordinates gave their own zone keep it. Returns how many changed day or offset.
 */
export async function redateHomeZoneActivities(
  db: Kysely<Database>,
  athleteId: string,
  zone: string,
): Promise<number> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'start_ms', 'utc_offset_s', 'local_date'])
    .where('athlete_id', '=', athleteId)
    .where('local_date_basis', '=', 'user')
    .execute();
  let changed = 0;
  for (const row of rows) {
    const startMs = Number(row.start_ms);
    const offset = offsetInZone(zone, startMs);
    const localDate = localDateAt(startMs, offset);
    if (offset === row.utc_offset_s && localDate === row.local_date) continue;
    await db
      .updateTable('activities')
      .set({ utc_offset_s: offset, local_date: localDate })
      .where('id', '=', row.id)
      .where('athlete_id', '=', athleteId)
      .execute();
    changed += 1;
  }
  return changed;
}
