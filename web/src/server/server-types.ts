/** The shapes of server mode's own routes (src/http/API.md, "Server mode"), as the dashboard reads them. */
import type { DataCategory, ViewerAccess } from '../settings-context.tsx';

export type MemberRole = 'owner' | 'clinician' | 'coach' | 'analyst';

/** POST /api/auth/login and GET /api/auth/me */
export interface Me {
  user: { id: string; email: string; displayName: string };
  memberships: Array<{ orgId: string; orgName: string; role: MemberRole }>;
  athleteId: string | null;
}

/** GET /api/athletes/:athleteId/access */
export interface AthleteAccess {
  athleteId: string;
  name: string;
  access: ViewerAccess;
}

export type AttentionKind = 'knee-check' | 'pain' | 'spike' | 'shoes';

export interface AttentionItem {
  kind: AttentionKind;
  category: DataCategory;
  severity: 'emergency' | 'urgent' | 'pain' | 'spike' | 'shoes';
  date: string;
  headline: string;
}

/** GET /api/server/roster */
export interface RosterAthlete {
  athleteId: string;
  name: string;
  attention: { items: AttentionItem[]; notShared: AttentionKind[] };
  access: ViewerAccess;
  links: { today: string | null; report: string | null };
}

export interface RosterView {
  athletes: RosterAthlete[];
  kinds: Record<AttentionKind, DataCategory>;
}

export type GrantStatus = 'pending' | 'active' | 'declined' | 'revoked' | 'expired';

/** One grant of GET /api/consents */
export interface Grant {
  id: string;
  athleteId: string;
  grantee: { kind: 'org'; orgId: string } | { kind: 'user'; userId: string };
  granteeName: string | null;
  categories: DataCategory[];
  access: 'read' | 'write';
  purpose: string;
  expiresAt: string | null;
  status: GrantStatus;
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
}

/** One entry of GET /api/audit */
export interface AuditEntry {
  id?: string;
  at: string;
  actorUserId: string;
  actorName?: string | null;
  athleteId: string;
  action: 'read' | 'write';
  categories: DataCategory[];
  route: string;
  reason: string;
  orgIds: string[];
  athleteName?: string | null;
}

/** GET /api/audit: one page, and the `before` of the next (null on the last) */
export interface AuditPage {
  entries: AuditEntry[];
  next?: string | null;
}

/** One member of GET /api/orgs/:orgId/members */
export interface OrgMember {
  userId: string;
  displayName: string;
  email: string;
  role: MemberRole;
}

/** One link of GET /api/orgs/:orgId/invitations (still waiting to be used) */
export interface PendingInvitation {
  id: string;
  email: string;
  purpose: 'member' | 'athlete';
  role: MemberRole | null;
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
}

/** One match of GET /api/orgs/lookup */
export interface OrgMatch {
  orgId: string;
  orgName: string;
}
