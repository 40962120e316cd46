/**
 * The audit trail (HIPAA 164.312(b) style): who read or changed which athlete's data, when, and why (the
 * purposes of the grants that allowed it, or "own data"). Insert-only for the application role; read by the
 * athlete and by the owners of the organisations through which the access went (row-level security).
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import { KneewiseError } from '../../domain/errors.ts';
import type { Action, Category } from '../domain/roles.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';

export interface AuditEntry {
  actorUserId: string;
  athleteId: string;
  action: Action;
  categories: readonly Category[];
  route: string;
  reason: string;
  orgIds: readonly string[];
}

export interface AuditView {
  id: string;
  at: string;
  actorUserId: string;
  athleteId: string;
  action: string;
  categories: string[];
  route: string;
  reason: string;
  orgIds: string[];
}

export class AuditService {
  constructor(
    /** The scoped pool: call inside runAsUser(). */
    private readonly scoped: Kysely<ServerDatabase>,
    private readonly now: () => Date,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** Several entries in one statement (a screen that lists many athletes, such as the roster). */
  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.now();
    await this.scoped
      .insertInto('audit_log')
      .values(
        entries.map((entry) => ({
          id: newId(at.getTime()),
          at,
          actor_user_id: entry.actorUserId,
          athlete_id: entry.athleteId,
          action: entry.action,
          categories: [...entry.categories],
          route: entry.route.slice(0, 300),
          reason: entry.reason.slice(0, 1000),
          org_ids: [...entry.orgIds],
        })),
      )
      .execute();
  }

  /**
   * Newest first, at most `limit`; `beforeId` continues a list after that entry (its page's last). `more`
   * says whether older entries remain. The database returns only entries the caller may see, so an id the
   * caller cannot see continues nothing: AUDIT_ENTRY_NOT_FOUND.
   */
  async list(
    filter: { athleteId: string } | { orgId: string },
    page: { limit?: number; beforeId?: string } = {},
  ): Promise<{ entries: AuditView[]; more: boolean }> {
    const limit = page.limit ?? 200;
    let query = this.scoped
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if ('athleteId' in filter) query = query.where('athlete_id', '=', filter.athleteId);
    else query = query.where((eb) => eb(eb.val(filter.orgId), '=', eb.fn.any('org_ids')));
    if (page.beforeId !== undefined) {
      const before = await this.scoped
        .selectFrom('audit_log')
        .select(['at', 'id'])
        .where('id', '=', page.beforeId)
        .executeTakeFirst();
      if (!before) {
        throw new KneewiseError(
          'AUDIT_ENTRY_NOT_FOUND',
          'before: expected the id of an entry of this audit log',
          'not-found',
        );
      }
      query = query.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
      );
    }
    const rows = await query.execute();
    return {
      more: rows.length > limit,
      entries: rows.slice(0, limit).map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorUserId: r.actor_user_id,
        athleteId: r.athlete_id,
        action: r.action,
        categories: r.categories,
        route: r.route,
        reason: r.reason,
        orgIds: r.org_ids,
      })),
    };
  }

  /** When `actorUserId` used `route` on `athleteId` since `since` (the lookups the throttle counts). */
  async actorRouteTimes(input: {
    actorUserId: string;
    athleteId: string;
    route: string;
    since: Date;
  }): Promise<Date[]> {
    const rows = await this.scoped
      .selectFrom('audit_log')
      .select('at')
      .where('athlete_id', '=', input.athleteId)
      .where('actor_user_id', '=', input.actorUserId)
      .where('route', '=', input.route)
      .where('at', '>', input.since)
      .execute();
    return rows.map((r) => r.at);
  }
}
