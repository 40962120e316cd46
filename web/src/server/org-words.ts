/** How an organisation's roles and the owner's refusals read on the Organisation page. */
import { ApiError } from '../api.ts';
import type { MemberRole } from './server-types.ts';

export const ROLES: readonly MemberRole[] = ['owner', 'clinician', 'coach', 'analyst'];

export const ROLE_NAMES: Record<MemberRole, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  coach: 'Coach',
  analyst: 'Analyst',
};

/** What each role sees of what athletes share with the organisation (ROLE_CEILING in roles.ts). */
export const ROLE_REACH: Record<MemberRole, string> = {
  owner: 'everything athletes share with the organisation; manages members, invitations and the audit log',
  clinician: 'everything athletes share with the organisation',
  coach: 'training and shoes athletes share with the organisation',
  analyst: 'training athletes share with the organisation, read only',
};

/** The server's refusal in the owner's words, or null when the error's own message says it best. */
export function peopleProblem(error: unknown, orgName: string): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'LAST_OWNER':
      return `${orgName} needs at least one owner. Make someone else an owner first, then change this.`;
    case 'MEMBER_NOT_FOUND':
      return 'This person is no longer a member (someone else may have just removed them).';
    case 'INVITATION_NOT_FOUND':
      return 'This link was used or taken back in the meantime.';
    case 'ORG_NOT_FOUND':
      return `You are no longer an owner of ${orgName}.`;
    case 'REAUTHENTICATION_REQUIRED':
      return 'Nothing changed: your password is needed for this.';
    default:
      return null;
  }
}
