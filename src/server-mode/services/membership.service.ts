/**
 * What an organisation's owner does with its people: see the members and their roles, change a role, remove
 * someone, see the invitation links still waiting and take one back. Only owners (anyone else: not found, as
 * for an organisation they do not belong to). An organisation always keeps at least one owner: the last one
 * can be neither demoted nor removed, by themselves or anyone else.
 */
import { KneewiseError } from '../../domain/errors.ts';
import { isMemberRole, type MemberRole } from '../domain/roles.ts';
import type { InvitationRepository } from '../repositories/invitation.repository.ts';
import type { MemberRow, MembershipRepository } from '../repositories/membership.repository.ts';
import { type OrganisationService, orgNotFound } from './organisation.service.ts';

export interface MemberView {
  userId: string;
  displayName: string;
  email: string;
  role: MemberRole;
  joinedAt: string;
}

export interface PendingInvitationView {
  id: string;
  email: string;
  purpose: 'member' | 'athlete';
  role: MemberRole | null;
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
}

function lastOwner(): KneewiseError {
  return new KneewiseError(
    'LAST_OWNER',
    'an organisation needs at least one owner: make someone else an owner first',
    'input',
    { httpStatus: 409 },
  );
}

function memberNotFound(userId: string): KneewiseError {
  return new KneewiseError(
    'MEMBER_NOT_FOUND',
    `no member ${userId.slice(0, 80)} in this organisation`,
    'not-found',
  );
}

function toViews(rows: readonly MemberRow[]): MemberView[] {
  return rows.flatMap((r) =>
    isMemberRole(r.role)
      ? [
          {
            userId: r.userId,
            displayName: r.displayName,
            email: r.email,
            role: r.role,
            joinedAt: r.joinedAt.toISOString(),
          },
        ]
      : [],
  );
}

export class MembershipService {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly members: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly now: () => Date,
  ) {}

  private async requireOwner(orgId: string, byUserId: string): Promise<void> {
    if ((await this.organisations.roleIn(orgId, byUserId)) !== 'owner') throw orgNotFound(orgId);
  }

  /** Every member with role and joining date; owners only (any member can read GET …/members). */
  async list(orgId: string, byUserId: string): Promise<MemberView[]> {
    await this.requireOwner(orgId, byUserId);
    return toViews(await this.members.list(orgId));
  }

  async changeRole(orgId: string, userId: string, role: MemberRole, byUserId: string): Promise<MemberView> {
    await this.requireOwner(orgId, byUserId);
    await this.members.withOwnersLocked(orgId, async (trx, owners) => {
      const current = await this.members.roleOf(trx, orgId, userId);
      if (current === null) throw memberNotFound(userId);
      if (current === 'owner' && role !== 'owner' && owners.length <= 1) throw lastOwner();
      if (current !== role) await this.members.setRole(trx, orgId, userId, role);
    });
    // Read without the owner check: an owner who has just stepped down gets their new role back too.
    const view = toViews(await this.members.list(orgId)).find((m) => m.userId === userId);
    if (!view) throw memberNotFound(userId);
    return view;
  }

  async remove(orgId: string, userId: string, byUserId: string): Promise<void> {
    await this.requireOwner(orgId, byUserId);
    await this.members.withOwnersLocked(orgId, async (trx, owners) => {
      const current = await this.members.roleOf(trx, orgId, userId);
      if (current === null) throw memberNotFound(userId);
      if (current === 'owner' && owners.length <= 1) throw lastOwner();
      await this.members.remove(trx, orgId, userId);
    });
  }

  async pendingInvitations(orgId: string, byUserId: string): Promise<PendingInvitationView[]> {
    await this.requireOwner(orgId, byUserId);
    const rows = await this.invitations.pending(orgId, this.now());
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      purpose: r.purpose,
      role: r.role !== null && isMemberRole(r.role) ? r.role : null,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      invitedBy: r.invitedBy,
    }));
  }

  async revokeInvitation(orgId: string, invitationId: string, byUserId: string): Promise<void> {
    await this.requireOwner(orgId, byUserId);
    if (!(await this.invitations.revoke(orgId, invitationId))) {
      throw new KneewiseError(
        'INVITATION_NOT_FOUND',
        'no invitation waiting with that id: it was used, taken back or never made here',
        'not-found',
      );
    }
  }
}
