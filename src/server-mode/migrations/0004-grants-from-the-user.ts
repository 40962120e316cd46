/**
 * kw_athletes(category, action), the list every row-level security policy checks, is evaluated once per
 * statement on an athlete table. As 0001 wrote it, it read every consent grant on the server and only then
 * asked whether each reached the signed-in user: with 1,000 athletes and 1,200 grants that was 10–35 ms per
 * statement (EXPLAIN in bench/server-scale.bench.ts), paid several times by every request, the athlete's own
 * included. Same answer, read from the user's side: their own athlete, the grants naming them
 * (consent_grants_user) and the grants to the organisations they belong to (memberships_user, then
 * consent_grants_org), each checked as before (accepted, not declined or revoked, not expired, the category,
 * write only for write grants, an organisation's grant within the member's role). A grant names exactly one
 * grantee (0001's check), so the two branches never list the same grant.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function kw_athletes(p_category text, p_action text) returns text[]
    language sql stable security definer set search_path = public, pg_temp as $$
      with reaching as (
        select g.athlete_id, g.id, g.access, g.expires_at, g.categories, null::text as role
        from consent_grants g where g.grantee_user_id = kw_user_id()
        union all
        select g.athlete_id, g.id, g.access, g.expires_at, g.categories, m.role
        from memberships m join consent_grants g on g.grantee_org_id = m.org_id
        where m.user_id = kw_user_id()
      )
      select coalesce(array_agg(distinct s.athlete_id), '{}') from (
        select ua.athlete_id from user_athletes ua where ua.user_id = kw_user_id()
        union all
        select r.athlete_id from reaching r
        where (r.access = 'write' or p_action = 'read')
          and (r.expires_at is null or r.expires_at > now())
          and exists (select 1 from consent_events e where e.grant_id = r.id and e.kind = 'accepted')
          and not exists (select 1 from consent_events e where e.grant_id = r.id and e.kind in ('declined', 'revoked'))
          and exists (
            select 1 from unnest(r.categories) as c(category)
            where (p_category is null or c.category = p_category)
              and (r.role is null or kw_role_allows(r.role, c.category, p_action)))
      ) s
    $$`.execute(db);
}

/** 0001's definition, as it was. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function kw_athletes(p_category text, p_action text) returns text[]
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
}
