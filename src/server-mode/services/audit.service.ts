/**
 * The audit trail (HIPAA 164.312(b) style): who read or changed which athlete's data, when, and why (the
 * purposes of the grants that allowed it, or "own data"). Insert-only for the application role; read by the
 * athlete and by the owners of the organisations through which the access went (row-level security).
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
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

  /** Newest first; the database returns only entries the caller may see. */
  async list(filter: { athleteId: string } | { orgId: string }, limit = 200): Promise<AuditView[]> {
    let query = this.scoped.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit);
    if ('athleteId' in filter) query = query.where('athlete_id', '=', filter.athleteId);
    else query = query.where((eb) => eb(eb.val(filter.orgId), '=', eb.fn.any('org_ids')));
    const rows = await query.execute();
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      athleteId: r.athlete_id,
      action: r.action,
      categories: r.categories,
      route: r.route,
      reason: r.reason,
      orgIds: r.org_ids,
    }));
  }
}
