/**
 * JSON answers kept under the database's data version (migration 0005-data-version.ts): a screen asked again
 * before anything was written gets the same bytes, for the price of reading one row. The key must name
 * everything else the answer depends on (the athlete, the query, today's date); the data version covers every
 * table the answer reads, settings included.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { readDataVersion } from '../db/repositories/data-version.repository.ts';
import type { Database } from '../db/schema.ts';

export class VersionedAnswers {
  private readonly bodies = new Map<string, string>();

  constructor(private readonly capacity = 16) {}

  async json(
    c: Context,
    db: Kysely<Database>,
    key: readonly unknown[],
    compute: () => Promise<unknown>,
  ): Promise<Response> {
    // Read before computing: a write in between leaves the new answer under the old version, which the next
    // request no longer asks for, never an old answer under the new version.
    const version = await readDataVersion(db);
    const fullKey = version === null ? null : JSON.stringify([version, ...key]);
    let body = fullKey === null ? undefined : this.bodies.get(fullKey);
    if (body === undefined) {
      body = JSON.stringify(await compute());
      if (fullKey !== null) {
        this.bodies.set(fullKey, body);
        if (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
      }
    }
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
  }
}
