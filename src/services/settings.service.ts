/**
 * Reading and changing the runner's settings. A change is checked as a whole (domain/settings.ts) and stored
 * in one write, so a refused change leaves the stored settings as they were.
 */
import type { Kysely } from 'kysely';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { applySettingsPatch, type RunnerSettings, type SettingsPatch } from '../domain/settings.ts';

export class SettingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
  ) {}

  get(): RunnerSettings {
    return this.athlete.settings;
  }

  async update(patch: SettingsPatch): Promise<RunnerSettings> {
    const next = applySettingsPatch(this.athlete.settings, patch);
    await new AthleteRepository(this.db).updateSettings(this.athlete.id, next);
    return next;
  }
}
