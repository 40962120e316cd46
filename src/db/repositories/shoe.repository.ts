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

  /**
   * The active shoe the runner set as default for this sport (`default_sport` is a comma-separated list).
   * With `onDate`, only a pair already in use that day qualifies: its first use is the earlier of the day it
   * was added and its earliest run. A pair added today is not credited with runs from years ago.
   */
  async defaultFor(athleteId: string, sport: string, onDate?: string): Promise<ShoeRow | undefined> {
    const candidates = await this.db
      .selectFrom('shoes')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('retired_at', 'is', null)
      .where('default_sport', 'is not', null)
      .orderBy('created_at', 'desc')
      .execute();
    const shoe = candidates.find((s) => splitSports(s.default_sport).includes(sport));
    if (shoe === undefined || onDate === undefined) return shoe;
    return onDate >= (await this.firstUseDate(athleteId, shoe)) ? shoe : undefined;
  }

  /** The day a pair came into use: the earlier of the day it was added and the day of its earliest run. */
  async firstUseDate(athleteId: string, shoe: Pick<ShoeRow, 'id' | 'created_at'>): Promise<string> {
    const earliest = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.min('local_date').as('first'))
      .where('athlete_id', '=', athleteId)
      .where('shoe_id', '=', shoe.id)
      .executeTakeFirst();
    const added = shoe.created_at.slice(0, 10);
    const first = earliest?.first ?? null;
    return first !== null && first < added ? first : added;
  }

  /**
   * Makes the pair the default for `sport` unless another active pair already is: an export's defaults fill
   * gaps but never override a default the runner chose. Returns whether it became the default.
   */
  async claimDefaultIfFree(athleteId: string, shoeId: string, sport: string): Promise<boolean> {
    const current = await this.defaultFor(athleteId, sport);
    if (current !== undefined) return current.id === shoeId;
    const row = await this.findById(athleteId, shoeId);
    if (!row || row.retired_at !== null) return false;
    const sports = splitSports(row.default_sport);
    await this.update(athleteId, shoeId, { default_sport: [...sports, sport].join(',') });
    return true;
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

function splitSports(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
