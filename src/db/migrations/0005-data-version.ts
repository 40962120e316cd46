/**
 * One number that changes on every write to the tables the dashboard reads (activities, shoes, the journal,
 * assessments, programme sessions, the athlete and their settings), whoever writes: this server, an import in
 * another process, a restore. The server keeps what it computed from those tables (the load engine, the Today
 * answer) under this number, so it checks one row per request instead of scanning the history.
 *
 * SQLite: row triggers in the writer's own transaction (SQLite has one writer at a time). PostgreSQL: a
 * deferred constraint trigger, run once per transaction at commit, so two concurrent importers never hold the
 * counter while waiting on each other's rows; a reader sees the new number together with the new rows or after
 * them, never before.
 * Frozen in time: never import application code here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const WATCHED = [
  'athletes',
  'activities',
  'shoes',
  'pain_entries',
  'assessments',
  'programme_sessions',
] as const;

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into data_version (id, version) values (1, 1)`.execute(db);
  if (isPostgres(db)) {
    await sql`
      create function kneewise_bump_data_version() returns trigger language plpgsql as $$
      begin
        -- Once per transaction: the first deferred call bumps, the others of the same transaction return.
        if current_setting('kneewise.data_version_bumped', true) = txid_current()::text then
          return null;
        end if;
        perform set_config('kneewise.data_version_bumped', txid_current()::text, true);
        update data_version set version = version + 1 where id = 1;
        return null;
      end $$`.execute(db);
    for (const table of WATCHED) {
      await sql`
        create constraint trigger ${sql.id(`${table}_data_version`)}
        after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred
        for each row execute function kneewise_bump_data_version()`.execute(db);
    }
    return;
  }
  for (const table of WATCHED) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql`
        create trigger ${sql.id(`${table}_data_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update data_version set version = version + 1 where id = 1; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of WATCHED) {
      await sql`drop trigger if exists ${sql.id(`${table}_data_version`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists kneewise_bump_data_version()`.execute(db);
  } else {
    for (const table of WATCHED) {
      for (const event of ['insert', 'update', 'delete'] as const) {
        await sql`drop trigger if exists ${sql.id(`${table}_data_version_${event}`)}`.execute(db);
      }
    }
  }
  await db.schema.dropTable('data_version').execute();
}
