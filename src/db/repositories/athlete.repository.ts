import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { DEFAULT_SETTINGS, type RunnerSettings } from '../../domain/settings.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';

export interface Athlete {
  id: string;
  name: string;
  isDemo: boolean;
  settings: RunnerSettings;
}

/** Any fixed number: the advisory lock that serialises creating the local athlete on PostgreSQL. */
const LOCAL_ATHLETE_LOCK = 0x6b6e6565;

/** A local install has exactly one athlete; a server has many. Every query is scoped by athlete id. */
export class AthleteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getOrCreateLocal(nowIso: string): Promise<Athlete> {
    const existing = await this.findLocal(this.db);
    if (existing) return existing;
    // Two processes opening a new database at once must not create two athletes (each would import into its
    // own): the check and the insert run as one writer (BEGIN IMMEDIATE on SQLite, an advisory lock on
    // PostgreSQL), so the second finds the first one's athlete.
    return this.db.transaction().execute(async (trx) => {
      if (trx.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`select pg_advisory_xact_lock(${LOCAL_ATHLETE_LOCK})`.execute(trx);
      }
      return (await this.findLocal(trx)) ?? this.createLocal(trx, nowIso);
    });
  }

  private async findLocal(db: Kysely<Database>): Promise<Athlete | null> {
    const existing = await db
      .selectFrom('athletes')
      .selectAll()
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return existing ? toAthlete(existing) : null;
  }

  private async createLocal(db: Kysely<Database>, nowIso: string): Promise<Athlete> {
    const row = {
      id: newId(),
      name: 'Me',
      created_at: nowIso,
      is_demo: 0,
      settings_json: JSON.stringify(DEFAULT_SETTINGS),
    };
    await db
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

export function toAthlete(row: Database['athletes']): Athlete {
  const stored = JSON.parse(row.settings_json) as Partial<RunnerSettings>;
  return {
    id: row.id,
    name: row.name,
    isDemo: row.is_demo === 1,
    settings: { ...DEFAULT_SETTINGS, ...stored },
  };
}
