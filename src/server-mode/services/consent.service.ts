/**
 * The athlete's consent: offering access (active at once, since the athlete is the one giving it),
 * requesting it (an organisation member asks; nothing is shared until the athlete accepts), and accepting,
 * declining or revoking. Writes go through the scoped pool, so the database's own policies check them
 * again: a clinician cannot write an "accepted" event for their own request even by a direct insert.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import { KneewiseError } from '../../domain/errors.ts';
import {
  type ConsentEventKind,
  checkTransition,
  type GrantState,
  grantStateAt,
  grantStates,
} from '../domain/consent.ts';
import { type AccessLevel, type Category, defaultCategoriesFor } from '../domain/roles.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import { toConsentEvent, toGrantTerms } from './ledger.repository-mapping.ts';
import type { OrganisationService } from './organisation.service.ts';

export interface NewGrant {
  athleteId: string;
  grantee: { orgId: string } | { userId: string };
  /** Omitted on a member's request: the member's role's defaults. */
  categories?: readonly Category[];
  access: AccessLevel;
  purpose: string;
  expiresAt: Date | null;
}

export interface GrantView {
  id: string;
  athleteId: string;
  grantee: { kind: 'org'; orgId: string } | { kind: 'user'; userId: string };
  categories: readonly Category[];
  access: AccessLevel;
  purpose: string;
  expiresAt: string | null;
  status: GrantState['status'];
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
}

function grantNotFound(id: string): KneewiseError {
  return new KneewiseError(
    'GRANT_NOT_FOUND',
    `no consent grant ${id.slice(0, 80)} that you can see`,
    'not-found',
  );
}

function toView(state: GrantState): GrantView {
  const t = state.terms;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: t.id,
    athleteId: t.athleteId,
    grantee: t.grantee,
    categories: t.categories,
    access: t.access,
    purpose: t.purpose,
    expiresAt: iso(t.expiresAtMs),
    status: state.status,
    createdAt: new Date(t.createdAtMs).toISOString(),
    acceptedAt: iso(state.acceptedAtMs),
    endedAt: iso(state.endedAtMs),
  };
}

export class ConsentService {
  constructor(
    /** The scoped pool: call inside runAsUser(). */
    private readonly scoped: Kysely<ServerDatabase>,
    private readonly organisations: OrganisationService,
    private readonly now: () => Date,
  ) {}

  /** Grants the caller can see (their own as athlete, or those to them or their organisations), with state. */
  async list(filter: { athleteId?: string } = {}): Promise<GrantView[]> {
    let query = this.scoped.selectFrom('consent_grants').selectAll().orderBy('created_at', 'desc');
    if (filter.athleteId) query = query.where('athlete_id', '=', filter.athleteId);
    const grants = await query.execute();
    if (grants.length === 0) return [];
    const events = await this.scoped
      .selectFrom('consent_events')
      .selectAll()
      .where(
        'grant_id',
        'in',
        grants.map((g) => g.id),
      )
      .execute();
    return grantStates(grants.map(toGrantTerms), events.map(toConsentEvent), this.now().getTime()).map(
      toView,
    );
  }

  async create(userId: string, input: NewGrant): Promise<GrantView> {
    const isAthlete = (await this.organisations.ownAthleteId(userId)) === input.athleteId;
    let categories = input.categories;
    if (!isAthlete) {
      // Someone else asks: for their organisation, as a member, or for themselves by name.
      if ('orgId' in input.grantee) {
        const role = await this.organisations.roleIn(input.grantee.orgId, userId);
        if (role === null)
          throw new KneewiseError('ORG_NOT_FOUND', 'grantee.orgId: you are not a member', 'not-found');
        categories ??= defaultCategoriesFor(role);
      } else if (input.grantee.userId !== userId) {
        throw new KneewiseError(
          'GRANTEE_INVALID',
          'grantee.userId: you can only ask for access for yourself',
        );
      }
    }
    if (!categories || categories.length === 0) {
      throw new KneewiseError(
        'CATEGORIES_REQUIRED',
        'categories: expected one or more of training, symptoms, clinical, gear',
      );
    }
    if (input.expiresAt && input.expiresAt.getTime() <= this.now().getTime()) {
      throw new KneewiseError('EXPIRY_IN_PAST', 'expiresAt: expected a time in the future');
    }
    const id = newId(this.now().getTime());
    const now = this.now();
    await this.scoped.transaction().execute(async (trx) => {
      await trx
        .insertInto('consent_grants')
        .values({
          id,
          athlete_id: input.athleteId,
          grantee_org_id: 'orgId' in input.grantee ? input.grantee.orgId : null,
          grantee_user_id: 'userId' in input.grantee ? input.grantee.userId : null,
          categories: [...new Set(categories)],
          access: input.access,
          purpose: input.purpose.trim(),
          expires_at: input.expiresAt,
          created_by: userId,
          created_at: now,
        })
        .execute();
      // The athlete offering access is the athlete accepting it.
      if (isAthlete) {
        await trx
          .insertInto('consent_events')
          .values({
            id: newId(now.getTime()),
            grant_id: id,
            kind: 'accepted',
            actor_user_id: userId,
            at: now,
          })
          .execute();
      }
    });
    const [view] = await this.list({ athleteId: input.athleteId }).then((all) =>
      all.filter((g) => g.id === id),
    );
    if (!view) throw grantNotFound(id);
    return view;
  }

  /** Appends accepted / declined / revoked, if the domain allows it for this actor and state. */
  async act(userId: string, grantId: string, kind: ConsentEventKind): Promise<GrantView> {
    const grant = await this.scoped
      .selectFrom('consent_grants')
      .selectAll()
      .where('id', '=', grantId)
      .executeTakeFirst();
    if (!grant) throw grantNotFound(grantId);
    const events = await this.scoped
      .selectFrom('consent_events')
      .selectAll()
      .where('grant_id', '=', grantId)
      .execute();
    const now = this.now();
    const state = grantStateAt(toGrantTerms(grant), events.map(toConsentEvent), now.getTime());
    const actor =
      (await this.organisations.ownAthleteId(userId)) === grant.athlete_id ? 'athlete' : 'grantee';
    const verdict = checkTransition(state, kind, actor);
    if (!verdict.ok) {
      throw new KneewiseError(
        'CONSENT_TRANSITION_REFUSED',
        `cannot mark this grant ${kind}: ${verdict.reason}`,
        'input',
        {
          httpStatus: 409,
        },
      );
    }
    await this.scoped
      .insertInto('consent_events')
      .values({ id: newId(now.getTime()), grant_id: grantId, kind, actor_user_id: userId, at: now })
      .execute();
    const [view] = (await this.list({ athleteId: grant.athlete_id })).filter((g) => g.id === grantId);
    if (!view) throw grantNotFound(grantId);
    return view;
  }
}
