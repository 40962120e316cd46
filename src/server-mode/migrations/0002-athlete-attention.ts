/**
 * The roster's stored attention items (issue 16 #5): what the alert job computed for each athlete after an
 * import, one row per athlete and category, so a clinician with the symptoms grant reads the knee check and
 * pain rows and a coach with training only reads the spike row and nothing else — row-level security decides
 * per row with the same kw_athletes() as every athlete table. Frozen in time: never import application code here.
 *
 * `athlete_attention` counts the writes to the tables the items are computed from (and to the athlete's
 * settings) and records which count and which day the stored items reflect, so the roster computes on read
 * instead of showing items that no longer hold. A counter, not a time: a write committed while the job
 * computes still leaves the items stale.
 */
import { type Kysely, sql } from 'kysely';

const APP_ROLE = 'kneewise_app';

const CATEGORIES = ['training', 'symptoms', 'clinical', 'gear'] as const;

/** The tables the attention facts are computed from. */
const SOURCE_TABLES = ['activities', 'pain_entries', 'assessments', 'shoes'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table athlete_attention (
      athlete_id text primary key references athletes(id) on delete cascade,
      -- Bumped by the triggers below on every write to the athlete's source rows.
      change_count bigint not null default 0,
      -- The change_count the stored items reflect (read before the facts): equal means fresh.
      computed_count bigint,
      -- The athlete's local day the items were computed for (the pain window and the ceiling move with it).
      as_of text,
      computed_at timestamptz
    )`.execute(db);
  await sql`
    create table attention_items (
      athlete_id text not null references athlete_attention(athlete_id) on delete cascade,
      category text not null check (category in ('training', 'symptoms', 'clinical', 'gear')),
      items_json text not null,
      primary key (athlete_id, category)
    )`.execute(db);

  // Items are derived health data: forced, like every athlete table. Only the athlete's own scope writes them
  // (the alert job runs as the athlete's user); a viewer reads a category's row only with its grant.
  await sql`alter table attention_items enable row level security`.execute(db);
  await sql`alter table attention_items force row level security`.execute(db);
  await sql.raw(`grant select, insert, update, delete on attention_items to ${APP_ROLE}`).execute(db);
  // kw_athletes() is the one access rule (migration 0001); each category's set is read once per statement.
  const readable = CATEGORIES.map(
    (c) => `(category = '${c}' and athlete_id = any ((select kw_athletes('${c}', 'read'))::text[]))`,
  ).join(' or ');
  await sql
    .raw(`create policy attention_items_read on attention_items for select using (${readable})`)
    .execute(db);
  await selfWrites(db, 'attention_items');

  // Forced too. The triggers below write it as its owner but under the writer's policies, so whoever may write
  // any of the athlete's data may count a change (a clinician logging a pain entry makes the items stale);
  // only the athlete's own scope stores what the items reflect (the job). It holds no health data.
  await sql`alter table athlete_attention enable row level security`.execute(db);
  await sql`alter table athlete_attention force row level security`.execute(db);
  await sql.raw(`grant select, insert, update, delete on athlete_attention to ${APP_ROLE}`).execute(db);
  await sql`create policy athlete_attention_read on athlete_attention for select using (
    athlete_id = any ((select kw_athletes(null, 'read'))::text[]))`.execute(db);
  await selfWrites(db, 'athlete_attention');
  await sql`create policy athlete_attention_count_insert on athlete_attention for insert with check (
    athlete_id = any ((select kw_athletes(null, 'write'))::text[]))`.execute(db);
  await sql`create policy athlete_attention_count_update on athlete_attention for update
    using (athlete_id = any ((select kw_athletes(null, 'write'))::text[]))
    with check (athlete_id = any ((select kw_athletes(null, 'write'))::text[]))`.execute(db);

  // One statement counts every athlete it touched: an import of 2,000 runs is one upsert, not 2,000. An
  // athlete being deleted (its rows go by cascade) gets no row.
  await sql`
    create function kw_attention_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      insert into athlete_attention (athlete_id, change_count)
        select distinct c.athlete_id, 1 from changed c
        where exists (select 1 from athletes a where a.id = c.athlete_id)
      on conflict (athlete_id) do update set change_count = athlete_attention.change_count + 1;
      return null;
    end $$`.execute(db);
  for (const table of SOURCE_TABLES) {
    for (const [event, transition] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_attention_changed_${event} after ${event} on ${table}
           referencing ${transition} table as changed
           for each statement execute function kw_attention_changed()`,
        )
        .execute(db);
    }
  }
  await sql`
    create function kw_attention_settings_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      update athlete_attention set change_count = change_count + 1 where athlete_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger athletes_attention_changed after update of settings_json on athletes
    for each row execute function kw_attention_settings_changed()`.execute(db);
}

/** Only the athlete's own scope writes (the alert job); no select policy here, so reads stay per statement. */
async function selfWrites(db: Kysely<unknown>, table: string): Promise<void> {
  const self = 'kw_is_self(athlete_id)';
  await sql.raw(`create policy ${table}_insert on ${table} for insert with check (${self})`).execute(db);
  await sql
    .raw(`create policy ${table}_update on ${table} for update using (${self}) with check (${self})`)
    .execute(db);
  await sql.raw(`create policy ${table}_delete on ${table} for delete using (${self})`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SOURCE_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists ${table}_attention_changed_${event} on ${table}`).execute(db);
    }
  }
  await sql`drop trigger if exists athletes_attention_changed on athletes`.execute(db);
  await sql`drop function if exists kw_attention_settings_changed()`.execute(db);
  await sql`drop function if exists kw_attention_changed()`.execute(db);
  await sql`drop table if exists attention_items`.execute(db);
  await sql`drop table if exists athlete_attention`.execute(db);
}
