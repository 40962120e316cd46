/**
 * Server mode's own schema, PostgreSQL only (a single runner on SQLite never gets it): accounts kept apart from
 * athletes, sessions, organisations, invitations, the consent ledger, the audit log, and row-level security
 * on every athlete table. Frozen in time: never import application code here. The category of each athlete
 * table and what each member role may receive are written out in SQL on purpose; a test checks they agree
 * with src/server-mode/domain.
 *
 * The application role `kneewise_app` owns nothing. Requests run as it (SET LOCAL ROLE inside each
 * transaction, with the signed-in user in `kneewise.user_id`), so PostgreSQL itself refuses what the access
 * module would refuse, even for a query that forgets to filter by athlete.
 */
import { type Kysely, sql } from 'kysely';

export const APP_ROLE = 'kneewise_app';

/** Athlete table → the category of data it holds. `athletes` itself is visible with any grant. */
const ATHLETE_TABLES: ReadonlyArray<readonly [string, string]> = [
  ['activities', 'training'],
  ['activity_streams', 'training'],
  ['imported_files', 'training'],
  ['pain_entries', 'symptoms'],
  ['assessments', 'symptoms'],
  ['programme_sessions', 'clinical'],
  ['shoes', 'gear'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles belong to the whole cluster: another kneewise database on the same server may have made it already,
  // or be making it at this moment (two servers, or test files, migrating at once): the loser of that race gets
  // a unique violation once the winner commits, which means the role is there.
  await sql
    .raw(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if;
    exception when duplicate_object or unique_violation then null;
    end $$`)
    .execute(db);
  // The migrating role switches to the app role for requests when it connects with one URL (the same race).
  await sql
    .raw(`do $$ begin
      grant ${APP_ROLE} to current_user;
    exception when duplicate_object or unique_violation then null;
    end $$`)
    .execute(db);
  await sql.raw(`grant usage on schema public to ${APP_ROLE}`).execute(db);

  await sql`
    create table users (
      id text primary key,
      email text not null unique check (email = lower(email)),
      display_name text not null,
      password_hash text,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )`.execute(db);
  // The data subject is the athlete; the person who signs in is a user. A user may be one athlete (their own
  // data), a member of organisations, or both.
  await sql`
    create table user_athletes (
      user_id text primary key references users(id) on delete cascade,
      -- Deferred: the link is written first, so the new athletes row passes its own policy (kw_is_self).
      athlete_id text not null unique references athletes(id) on delete cascade deferrable initially deferred
    )`.execute(db);
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      -- The last time the password was entered on this session (login or re-authentication).
      authenticated_at timestamptz not null,
      address text
    )`.execute(db);
  await sql`create index sessions_user on sessions(user_id)`.execute(db);
  await sql`
    create table login_failures (
      id text primary key,
      account text not null,
      address text not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index login_failures_account on login_failures(account, at)`.execute(db);
  await sql`create index login_failures_address on login_failures(address, at)`.execute(db);
  await sql`
    create table organisations (
      id text primary key,
      name text not null unique,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table memberships (
      org_id text not null references organisations(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      role text not null check (role in ('owner', 'clinician', 'coach', 'analyst')),
      created_at timestamptz not null default now(),
      primary key (org_id, user_id)
    )`.execute(db);
  await sql`create index memberships_user on memberships(user_id)`.execute(db);
  // One table for every single-use link: joining an organisation as a member, joining as an athlete, or
  // choosing a new password. Only the SHA-256 of the token is kept.
  await sql`
    create table invitations (
      token_hash text primary key,
      purpose text not null check (purpose in ('member', 'athlete', 'password-reset')),
      org_id text references organisations(id) on delete cascade,
      role text check (role in ('owner', 'clinician', 'coach', 'analyst')),
      email text not null,
      created_by text references users(id) on delete set null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      check ((purpose = 'member') = (role is not null)),
      check (purpose = 'password-reset' or org_id is not null)
    )`.execute(db);

  // The consent ledger: terms once, then events only. The app role may insert and read, never change.
  await sql`
    create table consent_grants (
      id text primary key,
      athlete_id text not null references athletes(id) on delete cascade,
      grantee_org_id text references organisations(id) on delete cascade,
      grantee_user_id text references users(id) on delete cascade,
      categories text[] not null check (cardinality(categories) > 0
        and categories <@ array['training', 'symptoms', 'clinical', 'gear']),
      access text not null check (access in ('read', 'write')),
      purpose text not null check (length(purpose) between 1 and 500),
      expires_at timestamptz,
      -- Who asked or offered. No foreign key: the ledger keeps the id after that account is deleted.
      created_by text not null,
      created_at timestamptz not null default now(),
      check ((grantee_org_id is null) <> (grantee_user_id is null))
    )`.execute(db);
  await sql`create index consent_grants_athlete on consent_grants(athlete_id)`.execute(db);
  await sql`create index consent_grants_org on consent_grants(grantee_org_id)`.execute(db);
  await sql`create index consent_grants_user on consent_grants(grantee_user_id)`.execute(db);
  await sql`
    create table consent_events (
      id text primary key,
      grant_id text not null references consent_grants(id) on delete cascade,
      kind text not null check (kind in ('accepted', 'declined', 'revoked')),
      actor_user_id text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index consent_events_grant on consent_events(grant_id)`.execute(db);
  // Who read or changed whose data, when and why. No foreign key to athletes: the trail outlives a deletion.
  await sql`
    create table audit_log (
      id text primary key,
      at timestamptz not null default now(),
      actor_user_id text not null,
      athlete_id text not null,
      action text not null check (action in ('read', 'write')),
      categories text[] not null,
      route text not null,
      reason text not null,
      org_ids text[] not null default '{}'
    )`.execute(db);
  await sql`create index audit_log_athlete on audit_log(athlete_id, at)`.execute(db);

  // Bookkeeping the dashboard's writes update (a global change counter, no athlete data), when present.
  await sql
    .raw(`do $$ begin
      if to_regclass('public.data_version') is not null then
        grant select, update on data_version to ${APP_ROLE};
      end if;
    end $$`)
    .execute(db);

  await createPolicyFunctions(db);
  await protectAthleteTables(db);
  await protectLedgerAndAudit(db);
}

async function createPolicyFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function kw_user_id() returns text language sql stable as $$
      select nullif(current_setting('kneewise.user_id', true), '')
    $$`.execute(db);
  // Mirrors ROLE_CEILING in src/server-mode/domain/roles.ts (a test keeps them equal).
  await sql`
    create function kw_role_allows(p_role text, p_category text, p_action text) returns boolean
    language sql immutable as $$
      select case p_role
        when 'owner' then true
        when 'clinician' then true
        when 'coach' then p_category in ('training', 'gear')
        when 'analyst' then p_category = 'training' and p_action = 'read'
        else false end
    $$`.execute(db);
  // Security definer: reads the ledger and memberships as their owner, so the policies that call it need no
  // grants on those tables for the app role and cannot recurse into their own policies.
  await sql`
    create function kw_is_self(p_athlete text) returns boolean
    language sql stable security definer set search_path = public, pg_temp as $$
      select exists (select 1 from user_athletes ua where ua.athlete_id = p_athlete and ua.user_id = kw_user_id())
    $$`.execute(db);
  await sql`
    create function kw_is_member(p_org text) returns boolean
    language sql stable security definer set search_path = public, pg_temp as $$
      select exists (select 1 from memberships m where m.org_id = p_org and m.user_id = kw_user_id())
    $$`.execute(db);
  await sql`
    create function kw_owns_any(p_orgs text[]) returns boolean
    language sql stable security definer set search_path = public, pg_temp as $$
      select exists (select 1 from memberships m
        where m.org_id = any(p_orgs) and m.user_id = kw_user_id() and m.role = 'owner')
    $$`.execute(db);
  // The same rule as decide() in src/server-mode/domain/access.ts, as the set of athletes the current user may
  // reach for a category (null = any) and action: themselves, or an accepted, unrevoked, unexpired grant
  // covering it, to this user or to an organisation where their role may receive it. Policies compare with
  // `= any ((select kw_athletes(…)))`: the sub-select runs once per statement (an InitPlan), not once per
  // row, and the athlete_id indexes still serve the query.
  await sql`
    create function kw_athletes(p_category text, p_action text) returns text[]
    language sql stable security definer set search_path = public, pg_temp as $$
      select coalesce(array_agg(distinct s.athlete_id), '{}') from (
        select ua.athlete_id from user_athletes ua where ua.user_id = kw_user_id()
        union all
        select g.athlete_id from consent_grants g
        where (g.access = 'write' or p_action = 'read')
          and (g.expires_at is null or g.expires_at > now())
          and exists (select 1 from consent_events e where e.grant_id = g.id and e.kind = 'accepted')
          and not exists (select 1 from consent_events e where e.grant_id = g.id and e.kind in ('declined', 'revoked'))
          and exists (
            select 1 from unnest(g.categories) as c(category)
            where (p_category is null or c.category = p_category)
              and (g.grantee_user_id = kw_user_id() or exists (
                select 1 from memberships m
                where m.org_id = g.grantee_org_id and m.user_id = kw_user_id()
                  and kw_role_allows(m.role, c.category, p_action))))
      ) s
    $$`.execute(db);
  await sql`
    create function kw_can(p_athlete text, p_category text, p_action text) returns boolean
    language sql stable as $$
      select p_athlete = any(kw_athletes(p_category, p_action))
    $$`.execute(db);
  await sql`
    create function kw_can_any(p_athlete text) returns boolean language sql stable as $$
      select p_athlete = any(kw_athletes(null, 'read'))
    $$`.execute(db);
  await sql`
    create function kw_grant_athlete(p_grant text) returns text
    language sql stable security definer set search_path = public, pg_temp as $$
      select athlete_id from consent_grants where id = p_grant
    $$`.execute(db);
  await sql`
    create function kw_grant_is_mine(p_grant text) returns boolean
    language sql stable security definer set search_path = public, pg_temp as $$
      select exists (select 1 from consent_grants g where g.id = p_grant
        and (g.grantee_user_id = kw_user_id() or kw_is_member(g.grantee_org_id)))
    $$`.execute(db);
}

async function protectAthleteTables(db: Kysely<unknown>): Promise<void> {
  for (const [table, category] of ATHLETE_TABLES) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql.raw(`alter table ${table} force row level security`).execute(db);
    await sql.raw(`grant select, insert, update, delete on ${table} to ${APP_ROLE}`).execute(db);
    const can = (action: string) =>
      `athlete_id = any ((select kw_athletes('${category}', '${action}'))::text[])`;
    await sql.raw(`create policy ${table}_read on ${table} for select using (${can('read')})`).execute(db);
    await sql
      .raw(`create policy ${table}_insert on ${table} for insert with check (${can('write')})`)
      .execute(db);
    await sql
      .raw(
        `create policy ${table}_update on ${table} for update using (${can('write')}) with check (${can('write')})`,
      )
      .execute(db);
    await sql.raw(`create policy ${table}_delete on ${table} for delete using (${can('write')})`).execute(db);
  }
  await sql`alter table athletes enable row level security`.execute(db);
  await sql`alter table athletes force row level security`.execute(db);
  await sql.raw(`grant select, insert, update, delete on athletes to ${APP_ROLE}`).execute(db);
  await sql`create policy athletes_read on athletes for select using (id = any ((select kw_athletes(null, 'read'))::text[]))`.execute(
    db,
  );
  await sql`create policy athletes_insert on athletes for insert with check (kw_is_self(id))`.execute(db);
  await sql`create policy athletes_update on athletes for update using (kw_is_self(id)) with check (kw_is_self(id))`.execute(
    db,
  );
  await sql`create policy athletes_delete on athletes for delete using (kw_is_self(id))`.execute(db);
}

async function protectLedgerAndAudit(db: Kysely<unknown>): Promise<void> {
  // Enabled, not forced: the definer functions above read these as their owner.
  await sql`alter table consent_grants enable row level security`.execute(db);
  await sql.raw(`grant select, insert on consent_grants to ${APP_ROLE}`).execute(db);
  await sql`
    create policy consent_grants_read on consent_grants for select using (
      kw_is_self(athlete_id) or grantee_user_id = kw_user_id() or kw_is_member(grantee_org_id))`.execute(db);
  await sql`
    create policy consent_grants_insert on consent_grants for insert with check (
      created_by = kw_user_id()
      and (kw_is_self(athlete_id) or grantee_user_id = kw_user_id() or kw_is_member(grantee_org_id)))`.execute(
    db,
  );
  await sql`alter table consent_events enable row level security`.execute(db);
  await sql.raw(`grant select, insert on consent_events to ${APP_ROLE}`).execute(db);
  await sql`
    create policy consent_events_read on consent_events for select using (
      kw_is_self(kw_grant_athlete(grant_id)) or kw_grant_is_mine(grant_id))`.execute(db);
  // Only the athlete accepts or declines; either side may revoke.
  await sql`
    create policy consent_events_insert on consent_events for insert with check (
      actor_user_id = kw_user_id() and (
        kw_is_self(kw_grant_athlete(grant_id))
        or (kind = 'revoked' and kw_grant_is_mine(grant_id))))`.execute(db);

  await sql`alter table audit_log enable row level security`.execute(db);
  await sql`alter table audit_log force row level security`.execute(db);
  await sql.raw(`grant select, insert on audit_log to ${APP_ROLE}`).execute(db);
  await sql.raw(`revoke update, delete, truncate on audit_log from ${APP_ROLE}`).execute(db);
  await sql`create policy audit_log_insert on audit_log for insert with check (actor_user_id = kw_user_id())`.execute(
    db,
  );
  await sql`
    create policy audit_log_read on audit_log for select using (
      kw_is_self(athlete_id) or kw_owns_any(org_ids))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('server-mode migration 0001 cannot be undone: the consent ledger and audit log are kept');
}
