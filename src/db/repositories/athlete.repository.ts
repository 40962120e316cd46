import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type RunnerSettings } from '../../domain/settings.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';

export interface Athlete {
  id: string;
  name: string;
  isDemo: boolean;
  settings: RunnerSettings;
}

/** A local install has exactly one athlete; a server has many. Every query is scoped by athlete id. */
export class AthleteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getOrCreateLocal(nowIso: string): Promise<Athlete> {
    const existing = await this.db
      .selectFrom('athletes')
      .selectAll()
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (existing) return toAthlete(existing);
    const row = {
      id: newId(),
      name: 'Me',
      created_at: nowIso,
      is_demo: 0,
      settings_json: JSON.stringify(DEFAULT_SETTINGS),
    };
    await this.db
      .insertInto('athletes')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute();
    return toAthlete(row);
  }

  async updateSettings(athleteId: string, settings: RunnerSettings): Promise<void> {
    await this.db
      .updateTable('athletes')
      .set({ settings_json: JSON.stringify(settings) })
      .where('id', '=', athleteId)
      .execute();
  }
}

function toAthlete(row: Database['athletes']): Athlete {
  const stored = JSON.parse(row.settings_json) as Partial<RunnerSettings>;
  return {
    id: row.id,
    name: row.name,
    isDemo: row.is_demo === 1,
    settings: { ...DEFAULT_SETTINGS, ...stored },
  };
}
