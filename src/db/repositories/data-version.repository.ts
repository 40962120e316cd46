import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The number that changes on every write to the tables the dashboard reads (migration 0005-data-version.ts),
 * as text (PostgreSQL returns a bigint as a string). Null when the row is missing, e.g. a database whose rows
 * were copied without it: callers then keep nothing and compute afresh.
 * The table is bookkeeping, not data the runner owns, so it stays out of `Database` (export, restore and
 * deletion walk that type's tables).
 */
export async function readDataVersion(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{
    version: number | string;
  }>`select version from data_version where id = 1`.execute(db);
  return rows[0] === undefined ? null : String(rows[0].version);
}
