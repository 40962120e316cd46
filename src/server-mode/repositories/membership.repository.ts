/**
 * An organisation's members and their roles (account tables on the system pool: no athlete data). Changing or
 * removing a membership locks the organisation's owners first, so two owners demoting each other at the same
 * moment cannot leave the organisation with none.
 */
import type { Kysely, Transaction } from 'kysely';
import type { MemberRole } from '../domain/roles.ts';
import type { ServerDatabase } from './server-schema.ts';

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: string;
  joinedAt: Date;
}

export class MembershipRepository {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  async list(orgId: string): Promise<MemberRow[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'users.id as userId',
        'users.display_name as displayName',
        'users.email',
        'memberships.role',
        'memberships.created_at as joinedAt',
      ])
      .where('memberships.org_id', '=', orgId)
      .orderBy('users.display_name')
      .execute();
  }

  /** Runs `fn` in a transaction holding the organisation's owner rows, and passes how many owners there are. */
  async withOwnersLocked<T>(
    orgId: string,
    fn: (trx: Transaction<ServerDatabase>, owners: readonly string[]) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const owners = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('role', '=', 'owner')
        .forUpdate()
        .execute();
      return fn(
        trx,
        owners.map((o) => o.user_id),
      );
    });
  }

  async roleOf(trx: Kysely<ServerDatabase>, orgId: string, userId: string): Promise<string | null> {
    const row = await trx
      .selectFrom('memberships')
      .select('role')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    return row?.role ?? null;
  }

  async setRole(trx: Kysely<ServerDatabase>, orgId: string, userId: string, role: MemberRole): Promise<void> {
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Removes the membership and the organisation sign-in linked through it (its issuer no longer admits them). */
  async remove(trx: Kysely<ServerDatabase>, orgId: string, userId: string): Promise<void> {
    await trx
      .deleteFrom('oidc_identities')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
    await trx.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  }
}
