/**
 * An activity the runner excluded from analysis (a GPS glitch, a run recorded twice by hand, a treadmill run
 * with a wrong foot-pod distance): kept and listed, but load, why and plans leave it out. 0/1 like every
 * boolean in the schema.
 * Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('excluded').execute();
}
