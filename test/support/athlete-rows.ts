/**
 * Every row an athlete owns, table by table, as plain values without the owner's id and in a fixed order, so
 * two databases (SQLite and PostgreSQL, a computer and a server) can be compared with one deepEqual after a
 * history was moved between them. Samples are compared as base64, byte for byte.
 */
import type { DatabaseHandle } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';

/** Every table an athlete owns, with the columns that order its rows. */
export const ATHLETE_TABLES = {
  activities: ['id'],
  activity_streams: ['activity_id'],
  imported_files: ['content_hash'],
  shoes: ['id'],
  pain_entries: ['id'],
  assessments: ['id'],
  programme_sessions: ['id'],
} as const satisfies { [T in Exclude<keyof Database, 'athletes'>]: readonly string[] };

export type AthleteRows = Record<string, Record<string, unknown>[]>;

export async function athleteRows(db: DatabaseHandle['db'], athleteId: string): Promise<AthleteRows> {
  const out: AthleteRows = {};
  for (const [table, order] of Object.entries(ATHLETE_TABLES) as [
    keyof typeof ATHLETE_TABLES,
    readonly string[],
  ][]) {
    const rows = await db.selectFrom(table).selectAll().where('athlete_id', '=', athleteId).execute();
    out[table] = rows
      .map((row) => {
        const { athlete_id: _owner, ...rest } = row as Record<string, unknown>;
        if ('data' in rest) rest.data = Buffer.from(rest.data as Uint8Array).toString('base64');
        return rest;
      })
      .sort((a, b) => {
        const ka = order.map((c) => String(a[c])).join('|');
        const kb = order.map((c) => String(b[c])).join('|');
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
  }
  return out;
}
