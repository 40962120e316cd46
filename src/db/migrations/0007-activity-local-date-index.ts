/**
 * An index on each athlete's activities by local date: the reads that want a window of days (the runs a plan
 * starts from, services/plan-history-rows.ts) find them without walking every activity of a long history, and
 * the latest run before a day without sorting all the older ones.
 * Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('activities_athlete_local_date')
    .on('activities')
    .columns(['athlete_id', 'local_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_athlete_local_date').execute();
}
