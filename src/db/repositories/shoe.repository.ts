import type { Kysely, Selectable, Updateable } from 'kysely';
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
    // Two importers creating the same shoe at once: the unique name keeps one, and both use it.
    await this.db
      .insertInto('shoes')
      .values(row)
      .onConflict((oc) => oc.columns(['athlete_id', 'name']).doNothing())
      .execute();
    return (await this.findByName(athleteId, shoe.name)) ?? row;
  }

  /** The active shoe the runner set as default for this sport (`default_sport` is a comma-separated list). */
  async defaultFor(athleteId: string, sport: string): Promise<ShoeRow | undefined> {
    const candidates = await this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('retired_at', 'is', null)
      .where('default_sport', 'is not', null)
      .orderBy('created_at', 'desc')
      .execute();
    return candidates.find((s) =>
      s
        .default_sport!.split(',')
        .map((x) => x.trim())
        .includes(sport),
    );
  }

  async list(athleteId: string): Promise<ShoeRow[]> {
    return this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .execute();
  }

  async findById(athleteId: string, id: string): Promise<ShoeRow | undefined> {
    return this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insert(row: ShoeRow): Promise<void> {
    await this.db.insertInto('shoes').values(row).execute();
  }

  async update(
    athleteId: string,
    id: string,
    patch: Omit<Updateable<ShoeTable>, 'id' | 'athlete_id'>,
  ): Promise<void> {
    await this.db
      .updateTable('shoes')
      .set(patch)
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a shoe. Its runs stay: their link is cleared first (the foreign key would too, but say it here). */
  async delete(athleteId: string, id: string): Promise<void> {
    await this.db
      .updateTable('activities')
      .set({ shoe_id: null })
      .where('athlete_id', '=', athleteId)
      .where('shoe_id', '=', id)
      .execute();
    await this.db.deleteFrom('shoes').where('athlete_id', '=', athleteId).where('id', '=', id).execute();
  }

  /** Points the given activities at a shoe (or at none); returns how many rows changed. */
  async assignActivities(
    athleteId: string,
    shoeId: string | null,
    activityIds: readonly string[],
  ): Promise<number> {
    if (activityIds.length === 0) return 0;
    let changed = 0;
    // Chunks keep the parameter count far below SQLite's and PostgreSQL's limits on huge histories.
    for (let i = 0; i < activityIds.length; i += 500) {
      const result = await this.db
        .updateTable('activities')
        .set({ shoe_id: shoeId })
        .where('athlete_id', '=', athleteId)
        .where('id', 'in', activityIds.slice(i, i + 500))
        .executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    return changed;
  }
}
