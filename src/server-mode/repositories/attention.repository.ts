/**
 * The roster's stored attention items (migration 0002): one row per athlete and category, plus when and for
 * which day they were computed and whether a write has made them stale since. Reads and writes go through
 * the scoped pool, so row-level security returns a category's row only to those who may read it and lets
 * only the athlete's own scope (the alert job) write.
 */
import type { Generated, Kysely } from 'kysely';
import type { AthleteAttention, AttentionItem } from '../domain/attention.ts';
import { CATEGORIES, type Category, isCategory } from '../domain/roles.ts';
import type { ServerDatabase } from './server-schema.ts';

export interface AthleteAttentionTable {
  athlete_id: string;
  /** bigint: pg returns it as text. */
  change_count: Generated<string>;
  computed_count: string | null;
  as_of: string | null;
  computed_at: Date | null;
}

export interface AttentionItemsTable {
  athlete_id: string;
  category: string;
  items_json: string;
}

export interface RosterDatabase extends ServerDatabase {
  athlete_attention: AthleteAttentionTable;
  attention_items: AttentionItemsTable;
}

export interface StoredAttention {
  /** Null when never computed (only writes were counted). */
  asOf: string | null;
  computedAt: Date | null;
  /** A write to the athlete's source rows since the items were computed. */
  stale: boolean;
  /** Items of the categories this reader may see (the rows row-level security returned). */
  items: AttentionItem[];
}

export class AttentionRepository {
  constructor(private readonly db: Kysely<RosterDatabase>) {}

  /** The athlete's write count: read it before the facts, pass it to save(). */
  async changeCount(athleteId: string): Promise<string> {
    const row = await this.db
      .selectFrom('athlete_attention')
      .select('change_count')
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    return String(row?.change_count ?? 0);
  }

  /**
   * Replaces an athlete's items in one transaction. `seenCount` is the write count read before the facts: a
   * write committed since leaves the items stale.
   */
  async save(
    athleteId: string,
    asOf: string,
    attention: AthleteAttention,
    at: Date,
    seenCount: string,
  ): Promise<void> {
    const byCategory = new Map<Category, AttentionItem[]>(CATEGORIES.map((c) => [c, []]));
    for (const item of attention.items) byCategory.get(item.category)?.push(item);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('athlete_attention')
        .values({ athlete_id: athleteId, as_of: asOf, computed_at: at, computed_count: seenCount })
        .onConflict((oc) =>
          oc.column('athlete_id').doUpdateSet({ as_of: asOf, computed_at: at, computed_count: seenCount }),
        )
        .execute();
      await trx.deleteFrom('attention_items').where('athlete_id', '=', athleteId).execute();
      await trx
        .insertInto('attention_items')
        .values(
          [...byCategory].map(([category, items]) => ({
            athlete_id: athleteId,
            category,
            items_json: JSON.stringify(items),
          })),
        )
        .execute();
    });
  }

  /** What is stored for these athletes, as the running user may see it. */
  async read(athleteIds: readonly string[]): Promise<Map<string, StoredAttention>> {
    const out = new Map<string, StoredAttention>();
    if (athleteIds.length === 0) return out;
    // One transaction: the state and its items as one job left them.
    const { states, rows } = await this.db.transaction().execute(async (trx) => ({
      states: await trx
        .selectFrom('athlete_attention')
        .selectAll()
        .where('athlete_id', 'in', athleteIds)
        .execute(),
      rows: await trx
        .selectFrom('attention_items')
        .selectAll()
        .where('athlete_id', 'in', athleteIds)
        .execute(),
    }));
    for (const s of states) {
      out.set(s.athlete_id, {
        asOf: s.as_of,
        computedAt: s.computed_at,
        stale: s.computed_count === null || String(s.computed_count) !== String(s.change_count),
        items: [],
      });
    }
    for (const row of rows) {
      const stored = out.get(row.athlete_id);
      if (!stored || !isCategory(row.category)) continue;
      stored.items.push(...(JSON.parse(row.items_json) as AttentionItem[]));
    }
    return out;
  }
}
