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
    // Who the user is and the athletes' grants at once: one round trip's wait, not two.
    const [[own, memberships], grants] = await Promise.all([this.whoIs(userId), this.grantsOf(athleteIds)]);
    return this.factsFor(userId, own, memberships, grants);
  }

  private grantsOf(athleteIds: readonly string[]) {
    const ids = [...new Set(athleteIds)];
    return ids.length === 0
      ? Promise.resolve([])
      : this.db.selectFrom('consent_grants').selectAll().where('athlete_id', 'in', ids).execute();
  }

  private whoIs(userId: string) {
    return Promise.all([
      this.db.selectFrom('user_athletes').select('athlete_id').where('user_id', '=', userId).execute(),
      this.db.selectFrom('memberships').select(['org_id', 'role']).where('user_id', '=', userId).execute(),
    ]);
  }

  private async factsFor(
    userId: string,
    own: readonly { athlete_id: string }[],
    memberships: readonly { org_id: string; role: string }[],
    grants: Awaited<ReturnType<AccessService['grantsOf']>>,
  ): Promise<AccessFacts> {
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
    return (await this.visible(userId)).athleteIds;
  }

  /**
   * The visible athletes and the facts that decide them, read once (a roster needs both: the same grants
   * decide who is listed and what of each may be read).
   */
  async visible(userId: string): Promise<{ athleteIds: string[]; facts: AccessFacts }> {
    const [own, memberships] = await this.whoIs(userId);
    const orgIds = memberships.map((m) => m.org_id);
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
    const grants = await this.grantsOf([...ids, ...others]);
    const facts = await this.factsFor(userId, own, memberships, grants);
    for (const id of others) {
      const categories = ['training', 'symptoms', 'clinical', 'gear'] as const;
      const any = categories.some(
        (category) => decideAll(facts, [{ athleteId: id, category, action: 'read' }]).allowed,
      );
      if (any) ids.add(id);
    }
    return { athleteIds: [...ids], facts };
  }
}
