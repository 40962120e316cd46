/**
 * The names behind ids the athlete's Sharing page shows (an organisation's name, a person's display name), so
 * it says "North Clinic" or "Dr Rivers" rather than an id. Read on the system pool: the grants and audit
 * entries themselves were already filtered by row-level security; only the people and organisations they
 * name are looked up.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import type { AuditView } from '../services/audit.service.ts';
import type { GrantView } from '../services/consent.service.ts';

async function namesOf(
  db: Kysely<ServerDatabase>,
  orgIds: ReadonlySet<string>,
  userIds: ReadonlySet<string>,
): Promise<{ org: Map<string, string>; user: Map<string, string> }> {
  const [orgs, users] = await Promise.all([
    orgIds.size === 0
      ? []
      : db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('id', 'in', [...orgIds])
          .execute(),
    userIds.size === 0
      ? []
      : db
          .selectFrom('users')
          .select(['id', 'display_name as name'])
          .where('id', 'in', [...userIds])
          .execute(),
  ]);
  return {
    org: new Map(orgs.map((o) => [o.id, o.name] as const)),
    user: new Map(users.map((u) => [u.id, u.name] as const)),
  };
}

/** Each grant with `granteeName`: the organisation's or the person's name (null once they are gone). */
export async function withGranteeNames(
  db: Kysely<ServerDatabase>,
  grants: readonly GrantView[],
): Promise<Array<GrantView & { granteeName: string | null }>> {
  const orgIds = new Set(grants.flatMap((g) => (g.grantee.kind === 'org' ? [g.grantee.orgId] : [])));
  const userIds = new Set(grants.flatMap((g) => (g.grantee.kind === 'user' ? [g.grantee.userId] : [])));
  const names = await namesOf(db, orgIds, userIds);
  return grants.map((g) => ({
    ...g,
    granteeName:
      (g.grantee.kind === 'org' ? names.org.get(g.grantee.orgId) : names.user.get(g.grantee.userId)) ?? null,
  }));
}

/**
 * Each audit entry with `actorName`, `orgNames` and `athleteName` (null / left out once they are gone). The
 * athlete's name is their account's display name: athlete rows sit behind row-level security, and an owner
 * reading the log may no longer be shared with.
 */
export async function withActorNames(
  db: Kysely<ServerDatabase>,
  entries: readonly AuditView[],
): Promise<Array<AuditView & { actorName: string | null; orgNames: string[]; athleteName: string | null }>> {
  const athleteIds = [...new Set(entries.map((e) => e.athleteId))];
  const [names, athletes] = await Promise.all([
    namesOf(db, new Set(entries.flatMap((e) => e.orgIds)), new Set(entries.map((e) => e.actorUserId))),
    athleteIds.length === 0
      ? []
      : db
          .selectFrom('user_athletes')
          .innerJoin('users', 'users.id', 'user_athletes.user_id')
          .select(['user_athletes.athlete_id as athleteId', 'users.display_name as name'])
          .where('user_athletes.athlete_id', 'in', athleteIds)
          .execute(),
  ]);
  const athleteNames = new Map(athletes.map((a) => [a.athleteId, a.name] as const));
  return entries.map((e) => ({
    ...e,
    actorName: names.user.get(e.actorUserId) ?? null,
    orgNames: e.orgIds.flatMap((id) => names.org.get(id) ?? []),
    athleteName: athleteNames.get(e.athleteId) ?? null,
  }));
}
