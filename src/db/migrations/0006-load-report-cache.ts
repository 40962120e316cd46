/**
 * The last load report computed for each athlete, kept so a command started afresh (`kneewise status`) need not
 * rebuild the load engine over the whole history. A row is only ever read back under the data version it was
 * computed at (0005-data-version.ts), with the same settings, as-of day and build of the code, so it is never
 * served stale. Beyond that, every change of the data version deletes the stored reports in the writer's own
 * transaction: a report holds the runner's runs, so once they change or are deleted ("delete all my data") no
 * copy of them is left behind here.
 *
 * Bookkeeping like data_version, not data the runner owns: it stays out of `Database` (export, restore and
 * deletion walk that type's tables). On PostgreSQL the clean-up runs as the table's owner (security definer),
 * so a role allowed to bump the data version (server mode's application role) needs no grant on this table.
 * Frozen in time: never import application code here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('load_report_cache')
    .addColumn('athlete_id', 'text', (c) => c.primaryKey().references('athletes.id').onDelete('cascade'))
    .addColumn('data_version', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('settings_key', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) {
    // Like every table with athlete rows, row-level security forced; only the role that owns the schema (the
    // one migrating now, which the command line and the clean-up below run as) has a policy. Server mode's
    // application role gets no grant and no policy: the server keeps its reports in memory.
    await sql`alter table load_report_cache enable row level security`.execute(db);
    await sql`alter table load_report_cache force row level security`.execute(db);
    await sql`
      create policy load_report_cache_owner on load_report_cache to current_user
      using (true) with check (true)`.execute(db);
    await sql`
      create function kneewise_expire_load_reports() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        delete from load_report_cache;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger data_version_expires_load_reports after update on data_version
      for each statement execute function kneewise_expire_load_reports()`.execute(db);
    return;
  }
  await sql`
    create trigger data_version_expires_load_reports after update on data_version
    begin delete from load_report_cache; end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists data_version_expires_load_reports on data_version`.execute(db);
    await sql`drop function if exists kneewise_expire_load_reports()`.execute(db);
  } else {
    await sql`drop trigger if exists data_version_expires_load_reports`.execute(db);
  }
  await db.schema.dropTable('load_report_cache').execute();
}
