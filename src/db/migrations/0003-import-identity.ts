/**
 * One activity per athlete and start instant, enforced by the schema. The importer's "same run?" check reads
 * before it writes, so two importers running at once could both find nothing and both insert (issue 14 #8);
 * a unique key makes the second insert a no-op the importer reports as a duplicate. File contents were
 * already unique per athlete (imported_files' primary key).
 *
 * Copies stored twice before this key existed are merged first: the richest copy (then the oldest id) stays,
 * and journal entries pointing at a removed copy point at the kept one.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A row loses to another copy with the same athlete and start when that copy is richer, or as rich and older.
  const loser = sql`exists (
    select 1 from activities b
    where b.athlete_id = a.athlete_id and b.start_ms = a.start_ms and b.id <> a.id
      and (b.richness > a.richness or (b.richness = a.richness and b.id < a.id)))`;
  await sql`
    update pain_entries set activity_id = (
      select k.id from activities d
      join activities k on k.athlete_id = d.athlete_id and k.start_ms = d.start_ms
      where d.id = pain_entries.activity_id
      order by k.richness desc, k.id asc
      limit 1)
    where activity_id in (select a.id from activities a where ${loser})`.execute(db);
  await sql`delete from activity_streams where activity_id in (select a.id from activities a where ${loser})`.execute(
    db,
  );
  await sql`delete from activities where id in (select a.id from activities a where ${loser})`.execute(db);
  await db.schema
    .createIndex('activities_athlete_start_unique')
    .on('activities')
    .columns(['athlete_id', 'start_ms'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_athlete_start_unique').execute();
}
