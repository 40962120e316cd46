/**
 * An organisation's invitation links that are still waiting to be used (account tables, system pool). Only the
 * SHA-256 of a link's token is stored, and that hash is the invitation's id here: it names the link to its
 * owners without being the link (the token cannot be rebuilt from it).
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from './server-schema.ts';

export interface PendingInvitationRow {
  id: string;
  email: string;
  purpose: 'member' | 'athlete';
  role: string | null;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

export class InvitationRepository {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  /** Links of `orgId` not used and not expired at `now`, newest first. */
  async pending(orgId: string, now: Date): Promise<PendingInvitationRow[]> {
    const rows = await this.db
      .selectFrom('invitations')
      .leftJoin('users', 'users.id', 'invitations.created_by')
      .select([
        'invitations.token_hash as id',
        'invitations.email',
        'invitations.purpose',
        'invitations.role',
        'invitations.created_at as createdAt',
        'invitations.expires_at as expiresAt',
        'users.display_name as invitedBy',
      ])
      .where('invitations.org_id', '=', orgId)
      .where('invitations.purpose', 'in', ['member', 'athlete'])
      .where('invitations.used_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .orderBy('invitations.created_at', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, purpose: r.purpose as 'member' | 'athlete' }));
  }

  /** Deletes a link of `orgId` that was not used yet; false when there is none (unknown, used, another org's). */
  async revoke(orgId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('invitations')
      .where('token_hash', '=', id)
      .where('org_id', '=', orgId)
      .where('purpose', 'in', ['member', 'athlete'])
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
