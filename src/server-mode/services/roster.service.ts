/**
 * The roster (issue 16 #5): for the signed-in member, every athlete whose consent reaches them, with what needs
 * attention first. Who is listed and which categories count come from the one access module; the athlete's
 * data is read on the scoped pool as the member, so row-level security applies the same rules again. Items the
 * alert job stored are used while fresh (no write since, computed for today); otherwise they are computed on
 * read for the member's categories and a refresh is queued. Every athlete listed is written to the audit log.
 */
import type { Kysely } from 'kysely';
import { type Athlete, toAthlete } from '../../db/repositories/athlete.repository.ts';
import type { Database } from '../../db/schema.ts';
import { resolveAsOf } from '../../services/load.service.ts';
import { type AccessDecision, decide } from '../domain/access.ts';
import {
  type AthleteAttention,
  type AttentionKind,
  compareItems,
  KIND_CATEGORY,
  type RosterEntry,
  sortRoster,
  visibleTo,
} from '../domain/attention.ts';
import { CATEGORIES, type Category } from '../domain/roles.ts';
import {
  AttentionRepository,
  type RosterDatabase,
  type StoredAttention,
} from '../repositories/attention.repository.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import type { AccessService } from './access.service.ts';
import { computeAttention } from './attention-facts.service.ts';
import type { AuditEntry, AuditService } from './audit.service.ts';

export const ROSTER_ROUTE = 'GET /api/server/roster';

/** Athletes computed at once on a roster read. */
const PARALLEL_ATHLETES = 4;

interface AthleteRights {
  read: Category[];
  write: Category[];
  own: boolean;
  /** The read decisions that allowed it (their grants' purposes and organisations go to the audit log). */
  decisions: AccessDecision[];
}

export interface RosterAthlete extends RosterEntry {
  /** What the member may do with this athlete's data, per category. */
  access: { read: Category[]; write: Category[]; own: boolean };
  /** `stored`: the alert job's items, fresh; `computed`: computed for this request (a refresh is queued). */
  source: 'stored' | 'computed';
  /** The athlete's local day the items hold for. */
  asOf: string;
  /** The athlete's API routes the member can open (the dashboard's screens under the athlete). */
  links: { today: string | null; report: string | null };
}

export interface RosterView {
  athletes: RosterAthlete[];
  /** What each kind of item needs shared, so a screen can say "not shared" in the right words. */
  kinds: Record<AttentionKind, Category>;
}

export class RosterService {
  constructor(
    private readonly store: ServerStore,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly now: () => Date,
    /** Queues a refresh of one athlete's stored items (the alert queue); failures never fail the roster. */
    private readonly requestRefresh: (athleteId: string) => Promise<void>,
  ) {}

  async roster(userId: string): Promise<RosterView> {
    const { athleteIds: ids, facts } = await this.access.visible(userId);
    const rights = new Map(
      ids.map((athleteId) => {
        const can = (category: Category, action: 'read' | 'write') =>
          decide(facts, { athleteId, category, action });
        const read = CATEGORIES.filter((c) => can(c, 'read').allowed);
        const write = CATEGORIES.filter((c) => can(c, 'write').allowed);
        const decisions = CATEGORIES.map((c) => can(c, 'read')).filter((d) => d.allowed);
        return [athleteId, { read, write, decisions, own: facts.ownAthleteIds.has(athleteId) }] as const;
      }),
    );
    const listed = ids.filter((id) => (rights.get(id)?.read.length ?? 0) > 0);
    const athletes = await runAsUser(userId, () => this.readAthletes(userId, listed, rights));
    return {
      athletes: sortRoster(athletes),
      kinds: { ...KIND_CATEGORY },
    };
  }

  private async readAthletes(
    userId: string,
    ids: readonly string[],
    rights: ReadonlyMap<string, AthleteRights>,
  ): Promise<RosterAthlete[]> {
    if (ids.length === 0) return [];
    const scoped = this.store.scoped as unknown as Kysely<RosterDatabase>;
    const rows = await scoped.selectFrom('athletes').selectAll().where('id', 'in', ids).execute();
    const stored = await new AttentionRepository(scoped).read(rows.map((r) => r.id));
    // A few athletes at a time (their statements queue on the request's one connection).
    const out: RosterAthlete[] = [];
    for (let i = 0; i < rows.length; i += PARALLEL_ATHLETES) {
      const batch = rows.slice(i, i + PARALLEL_ATHLETES);
      out.push(
        ...(await Promise.all(
          batch.map((row) => this.rosterAthlete(scoped, toAthlete(row), rights.get(row.id)!, stored)),
        )),
      );
    }
    // Written before the answer leaves, in one statement: every athlete listed, with what was read and why.
    await this.audit.recordMany(
      out.map((a) => this.readEntry(userId, a.athleteId, rights.get(a.athleteId)!)),
    );
    return out;
  }

  private async rosterAthlete(
    scoped: Kysely<RosterDatabase>,
    athlete: Athlete,
    right: AthleteRights,
    stored: ReadonlyMap<string, StoredAttention>,
  ): Promise<RosterAthlete> {
    const readable = new Set(right.read);
    const today = resolveAsOf(undefined, this.now(), athlete);
    const saved = stored.get(athlete.id);
    let attention: AthleteAttention;
    let source: RosterAthlete['source'];
    if (saved && !saved.stale && saved.asOf === today) {
      attention = visibleTo({ items: saved.items.sort(compareItems), notShared: [] }, readable);
      source = 'stored';
    } else {
      attention = (await this.compute(scoped, athlete, readable)).attention;
      source = 'computed';
      this.requestRefresh(athlete.id).catch(() => {});
    }
    const base = `/api/athletes/${encodeURIComponent(athlete.id)}`;
    const all = (needed: readonly Category[]) => needed.every((c) => readable.has(c));
    return {
      athleteId: athlete.id,
      name: athlete.name,
      attention,
      access: { read: right.read, write: right.write, own: right.own },
      source,
      asOf: today,
      links: {
        // The same needs as the dashboard's routes (domain/route-access.ts).
        today: all(['training', 'symptoms']) ? `${base}/today` : null,
        report: all(['training', 'symptoms', 'clinical']) ? `${base}/report.html` : null,
      },
    };
  }

  private compute(scoped: Kysely<RosterDatabase>, athlete: Athlete, readable: ReadonlySet<Category>) {
    return computeAttention(scoped as unknown as Kysely<Database>, athlete, readable, this.now);
  }

  private readEntry(userId: string, athleteId: string, right: AthleteRights): AuditEntry {
    const purposes = new Set<string>();
    const orgIds = new Set<string>();
    for (const d of right.decisions) {
      if (d.allowed && d.via === 'grant') {
        for (const p of d.purposes) purposes.add(p);
        for (const o of d.orgIds) orgIds.add(o);
      }
    }
    return {
      actorUserId: userId,
      athleteId,
      action: 'read',
      categories: right.read,
      route: ROSTER_ROUTE,
      reason: right.own ? 'own data' : [...purposes].join('; '),
      orgIds: [...orgIds],
    };
  }
}
