/**
 * Organisations, their members and single-use links: joining as a member (with a role), joining as an
 * athlete (which also files the organisation's request for access, pending until the athlete accepts), and
 * choosing a new password. Runs on the system pool: these are account tables, not athlete data.
 */
import { type Kysely, sql } from 'kysely';
import { newId } from '../../db/ids.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { DEFAULT_SETTINGS } from '../../domain/settings.ts';
import { defaultCategoriesFor, isMemberRole, type MemberRole } from '../domain/roles.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import { normaliseEmail } from './auth.service.ts';
import { hashPassword, hashToken, newToken } from './secrets.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

export type LinkPurpose = 'member' | 'athlete' | 'password-reset';

export interface IssuedLink {
  token: string;
  url: string;
  expiresAt: Date;
}

export interface Membership {
  orgId: string;
  orgName: string;
  role: MemberRole;
}

export interface NewAccount {
  displayName: string;
  password: string;
}

function linkInvalid(): KneewiseError {
  // One answer for unknown, used and expired links: a guessed token learns nothing.
  return new KneewiseError(
    'LINK_INVALID',
    'this link is not valid: it is unknown, used or expired',
    'not-found',
  );
}

export class OrganisationService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly now: () => Date,
    private readonly publicUrl: string,
  ) {}

  async createOrganisation(name: string): Promise<{ id: string; name: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) {
      throw new KneewiseError('ORG_NAME_INVALID', 'name: expected 1–200 characters');
    }
    const existing = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', trimmed)
      .executeTakeFirst();
    if (existing) throw new KneewiseError('ORG_EXISTS', `an organisation named "${trimmed}" already exists`);
    const id = newId(this.now().getTime());
    await this.db.insertInto('organisations').values({ id, name: trimmed, created_at: this.now() }).execute();
    return { id, name: trimmed };
  }

  async findOrganisation(idOrName: string): Promise<{ id: string; name: string } | null> {
    return (
      (await this.db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
        .executeTakeFirst()) ?? null
    );
  }

  async memberships(userId: string): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
      .select(['organisations.id', 'organisations.name', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('organisations.name')
      .execute();
    return rows
      .filter((r) => isMemberRole(r.role))
      .map((r) => ({ orgId: r.id, orgName: r.name, role: r.role as MemberRole }));
  }

  async roleIn(orgId: string, userId: string): Promise<MemberRole | null> {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && isMemberRole(row.role) ? row.role : null;
  }

  /** Members of an organisation, for its members only (anyone else: not found). */
  async members(orgId: string, byUserId: string) {
    if ((await this.roleIn(orgId, byUserId)) === null) throw orgNotFound(orgId);
    return this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'users.display_name as displayName', 'users.email', 'memberships.role'])
      .where('memberships.org_id', '=', orgId)
      .orderBy('users.display_name')
      .execute();
  }

  /**
   * A link to join `orgId`, as a member with `role` or as an athlete. `byUserId` null = the server's
   * administrator (the `kneewise admin` command); otherwise only an owner of the organisation may invite.
   */
  async invite(input: {
    orgId: string;
    email: string;
    purpose: 'member' | 'athlete';
    role?: MemberRole;
    byUserId: string | null;
  }): Promise<IssuedLink> {
    if (input.byUserId !== null && (await this.roleIn(input.orgId, input.byUserId)) !== 'owner') {
      throw orgNotFound(input.orgId);
    }
    if (input.purpose === 'member' && !input.role) {
      throw new KneewiseError(
        'ROLE_REQUIRED',
        'role: expected owner, clinician, coach or analyst for a member',
      );
    }
    return this.issueLink({
      purpose: input.purpose,
      orgId: input.orgId,
      role: input.purpose === 'member' ? (input.role ?? null) : null,
      email: normaliseEmail(input.email),
      createdBy: input.byUserId,
      ttlMs: INVITATION_TTL_MS,
    });
  }

  /** A single-use link to choose a new password (`kneewise admin reset`). */
  async passwordResetLink(emailInput: string): Promise<IssuedLink> {
    const email = normaliseEmail(emailInput);
    const user = await this.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user) throw new KneewiseError('USER_NOT_FOUND', `no account with the e-mail ${email}`, 'not-found');
    return this.issueLink({
      purpose: 'password-reset',
      orgId: null,
      role: null,
      email,
      createdBy: null,
      ttlMs: PASSWORD_RESET_TTL_MS,
    });
  }

  private async issueLink(row: {
    purpose: LinkPurpose;
    orgId: string | null;
    role: string | null;
    email: string;
    createdBy: string | null;
    ttlMs: number;
  }): Promise<IssuedLink> {
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + row.ttlMs);
    await this.db
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        purpose: row.purpose,
        org_id: row.orgId,
        role: row.role,
        email: row.email,
        created_by: row.createdBy,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    const page = row.purpose === 'password-reset' ? 'reset-password' : 'join';
    // The token travels in the fragment: browsers never send it to the server in a request line or a Referer.
    return { token, url: new URL(`${page}#token=${token}`, this.publicUrl).toString(), expiresAt };
  }

  /** Marks a link used and returns it, in one statement: two clicks cannot both use it. */
  private async consumeLink(trx: Kysely<ServerDatabase>, token: string, purposes: readonly LinkPurpose[]) {
    const now = this.now();
    const row = await trx
      .updateTable('invitations')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where('purpose', 'in', [...purposes])
      .returningAll()
      .executeTakeFirst();
    if (!row) throw linkInvalid();
    return row;
  }

  /**
   * Uses an invitation. A signed-in user joins as themselves; otherwise a new account is made for the
   * invited e-mail (an existing account must sign in first, so a link never takes over an account).
   */
  async acceptInvitation(
    token: string,
    who: { userId: string } | NewAccount,
  ): Promise<{ userId: string; orgId: string; athleteId: string | null; grantId: string | null }> {
    const passwordHash = 'password' in who ? await hashPassword(who.password) : null;
    return this.db.transaction().execute(async (trx) => {
      const link = await this.consumeLink(trx, token, ['member', 'athlete']);
      const orgId = link.org_id!;
      let userId: string;
      if ('userId' in who) {
        userId = who.userId;
      } else {
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', link.email)
          .executeTakeFirst();
        if (taken) {
          throw new KneewiseError(
            'ACCOUNT_EXISTS',
            `an account for ${link.email} exists: sign in, then open the link again`,
            'input',
            { httpStatus: 409 },
          );
        }
        userId = newId(this.now().getTime());
        await trx
          .insertInto('users')
          .values({
            id: userId,
            email: link.email,
            display_name: (who as NewAccount).displayName.trim(),
            password_hash: passwordHash,
            created_at: this.now(),
            disabled_at: null,
          })
          .execute();
      }
      if (link.purpose === 'member') {
        await trx
          .insertInto('memberships')
          .values({ org_id: orgId, user_id: userId, role: link.role!, created_at: this.now() })
          .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: link.role! }))
          .execute();
        return { userId, orgId, athleteId: null, grantId: null };
      }
      const athleteId = await this.ensureOwnAthlete(
        trx,
        userId,
        'displayName' in who ? who.displayName : null,
      );
      const grantId = await this.fileAccessRequest(trx, athleteId, orgId, link.created_by);
      return { userId, orgId, athleteId, grantId };
    });
  }

  /** The user's own athlete, made on first need (the link row goes first; its foreign key is deferred). */
  private async ensureOwnAthlete(
    trx: Kysely<ServerDatabase>,
    userId: string,
    name: string | null,
  ): Promise<string> {
    const linked = await trx
      .selectFrom('user_athletes')
      .select('athlete_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (linked) return linked.athlete_id;
    const athleteId = newId(this.now().getTime());
    // Row-level security is forced on athletes even for this role: it passes as the athlete being created.
    await sql`select set_config('kneewise.user_id', ${userId}, true)`.execute(trx);
    await trx.insertInto('user_athletes').values({ user_id: userId, athlete_id: athleteId }).execute();
    await trx
      .insertInto('athletes')
      .values({
        id: athleteId,
        name: name?.trim() || 'Me',
        created_at: this.now().toISOString(),
        is_demo: 0,
        settings_json: JSON.stringify(DEFAULT_SETTINGS),
      })
      .execute();
    return athleteId;
  }

  /** The inviting organisation's request for the inviter's role's default categories, read only, pending. */
  private async fileAccessRequest(
    trx: Kysely<ServerDatabase>,
    athleteId: string,
    orgId: string,
    inviterId: string | null,
  ): Promise<string | null> {
    const inviterRole = inviterId ? await this.roleIn(orgId, inviterId) : null;
    const creator = inviterId ?? (await this.anyOwner(trx, orgId));
    if (creator === null) return null;
    const org = await trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const id = newId(this.now().getTime());
    await trx
      .insertInto('consent_grants')
      .values({
        id,
        athlete_id: athleteId,
        grantee_org_id: orgId,
        grantee_user_id: null,
        categories: [...defaultCategoriesFor(inviterRole ?? 'clinician')],
        access: 'read',
        purpose: `care and coaching by ${org.name}`,
        expires_at: null,
        created_by: creator,
        created_at: this.now(),
      })
      .execute();
    return id;
  }

  private async anyOwner(trx: Kysely<ServerDatabase>, orgId: string): Promise<string | null> {
    const row = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('role', '=', 'owner')
      .orderBy('created_at')
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  /** Sets a new password from a reset link and returns the user, whose sessions the caller ends. */
  async resetPassword(token: string, password: string): Promise<{ userId: string }> {
    const passwordHash = await hashPassword(password);
    return this.db.transaction().execute(async (trx) => {
      const link = await this.consumeLink(trx, token, ['password-reset']);
      const user = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('email', '=', link.email)
        .returning('id')
        .executeTakeFirst();
      if (!user) throw linkInvalid();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      return { userId: user.id };
    });
  }

  async ownAthleteId(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('user_athletes')
      .select('athlete_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.athlete_id ?? null;
  }
}

export function orgNotFound(orgId: string): KneewiseError {
  return new KneewiseError(
    'ORG_NOT_FOUND',
    `no organisation ${orgId.slice(0, 80)} that you belong to`,
    'not-found',
  );
}
