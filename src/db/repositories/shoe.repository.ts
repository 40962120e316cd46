import type { Kysely, Selectable } from 'kysely';
import { newId } from '../ids.ts';
import type { Database, ShoeTable } from '../schema.ts';

export type ShoeRow = Selectable<ShoeTable>;

export class ShoeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByName(athleteId: string, name: string): Promise<ShoeRow | undefined> {
    return this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  /** Gear named by an export becomes a shoe the first time it is seen; later imports reuse it. */
  async findOrCreate(
    athleteId: string,
    shoe: { name: string; brand?: string | null; model?: string | null; defaultSport?: string | null },
    nowIso: string,
  ): Promise<ShoeRow> {
    const existing = await this.findByName(athleteId, shoe.name);
    if (existing) return existing;
    const row: ShoeRow = {
      id: newId(),
      athlete_id: athleteId,
      name: shoe.name,
      brand: shoe.brand ?? null,
      model: shoe.model ?? null,
      start_distance_m: 0,
      default_sport: shoe.defaultSport ?? null,
      retired_at: null,
      created_at: nowIso,
      is_demo: 0,
    };
    await this.db.insertInto('shoes').values(row).execute();
    return row;
  }

  async list(athleteId: string): Promise<ShoeRow[]> {
    return this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .execute();
  }
}
