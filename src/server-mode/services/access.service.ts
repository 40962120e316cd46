/**
 * The one access check every athlete request goes through: loads what the user is and the athlete's
 * grants once, then asks the pure decision (domain/access.ts) for every (athlete, category, action) the
 * request needs. Reads the ledger on the system pool: this is the gate, it runs before any athlete data is.
 */
import type { Kysely } from 'kysely';
import { type AccessDecision, type AccessFacts, type AccessRequest, decideAll } from '../domain/access.ts';
import { grantStates } from '../domain/consent.ts';
import { isMemberRole, type MemberRole } from '../domain/roles.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import { toConsentEvent, toGrantTerms } from './ledger.repository-mapping.ts';

export class AccessService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly now: () => Date,
  ) {}

  async facts(userId: string, athleteIds: readonly string[]): Promise<AccessFacts> {
    const ids = [...new Set(athleteIds)];
    const [own, memberships, grants] = await Promise.all([
      this.db.selectFrom('user_athletes').select('athlete_id').where('user_id', '=', userId).execute(),
      this.db.selectFrom('memberships').select(['org_id', 'role']).where('user_id', '=', userId).execute(),
      ids.length === 0
        ? Promise.resolve([])
        : this.db.selectFrom('consent_grants').selectAll().where('athlete_id', 'in', ids).execute(),
    ]);
    const events =
      grants.length === 0
        ? []
        : await this.db
            .selectFrom('consent_events')
            .selectAll()
            .where(
              'grant_id',
              'in',
              grants.map((g) => g.id),
            )
            .execute();
    return {
      userId,
      ownAthleteIds: new Set(own.map((r) => r.athlete_id)),
      memberships: new Map(
        memberships.filter((m) => isMemberRole(m.role)).map((m) => [m.org_id, m.role as MemberRole] as const),
      ),
      grants: grantStates(grants.map(toGrantTerms), events.map(toConsentEvent), this.now().getTime()),
    };
  }

  async check(
    userId: string,
    requests: readonly AccessRequest[],
  ): Promise<{ allowed: boolean; decisions: AccessDecision[] }> {
    const facts = await this.facts(
      userId,
      requests.map((r) => r.athleteId),
    );
    return decideAll(facts, requests);
  }

  /** Athletes this user can read anything of: their own, and those with an active grant reaching them. */
  async visibleAthleteIds(userId: string): Promise<string[]> {
    const own = await this.db
      .selectFrom('user_athletes')
      .select('athlete_id')
      .where('user_id', '=', userId)
      .execute();
    const orgIds = (
      await this.db.selectFrom('memberships').select('org_id').where('user_id', '=', userId).execute()
    ).map((m) => m.org_id);
    const candidates = await this.db
      .selectFrom('consent_grants')
      .select('athlete_id')
      .distinct()
      .where((eb) =>
        orgIds.length > 0
          ? eb.or([eb('grantee_user_id', '=', userId), eb('grantee_org_id', 'in', orgIds)])
          : eb('grantee_user_id', '=', userId),
      )
      .execute();
    const ids = new Set(own.map((r) => r.athlete_id));
    const others = candidates.map((c) => c.athlete_id).filter((id) => !ids.has(id));
    if (others.length > 0) {
      const facts = await this.facts(userId, others);
      for (const id of others) {
        const categories = ['training', 'symptoms', 'clinical', 'gear'] as const;
        const any = categories.some(
          (category) => decideAll(facts, [{ athleteId: id, category, action: 'read' }]).allowed,
        );
        if (any) ids.add(id);
      }
    }
    return [...ids];
  }
}
