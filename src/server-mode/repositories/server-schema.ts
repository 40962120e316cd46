/**
 * Server mode's tables as Kysely sees them (PostgreSQL only; migrations/0001-accounts-consent-rls.ts).
 * Instants are timestamptz here (Date in JS): the row-level security functions compare them with now().
 */
import type { Database } from '../../db/schema.ts';

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: Date;
  disabled_at: Date | null;
}

export interface UserAthleteTable {
  user_id: string;
  athlete_id: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  authenticated_at: Date;
  address: string | null;
}

export interface LoginFailureTable {
  id: string;
  account: string;
  address: string;
  at: Date;
}

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: Date;
}

export interface MembershipTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: Date;
}

export interface InvitationTable {
  token_hash: string;
  purpose: 'member' | 'athlete' | 'password-reset';
  org_id: string | null;
  role: string | null;
  email: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface ConsentGrantTable {
  id: string;
  athlete_id: string;
  grantee_org_id: string | null;
  grantee_user_id: string | null;
  categories: string[];
  access: string;
  purpose: string;
  expires_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface ConsentEventTable {
  id: string;
  grant_id: string;
  kind: string;
  actor_user_id: string;
  at: Date;
}

export interface AuditLogTable {
  id: string;
  at: Date;
  actor_user_id: string;
  athlete_id: string;
  action: string;
  categories: string[];
  route: string;
  reason: string;
  org_ids: string[];
}

export interface PasskeyTable {
  id: string;
  user_id: string;
  public_key: Uint8Array;
  /** bigint in PostgreSQL: pg returns it as text. */
  counter: string | number;
  transports: string[];
  name: string;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: boolean;
  created_at: Date;
  last_used_at: Date | null;
}

export interface WebauthnChallengeTable {
  challenge: string;
  purpose: 'registration' | 'authentication';
  user_id: string | null;
  expires_at: Date;
}

export interface OidcProviderTable {
  org_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  updated_at: Date;
}

export interface OidcIdentityTable {
  issuer: string;
  subject: string;
  org_id: string;
  user_id: string;
  created_at: Date;
  last_login_at: Date | null;
}

export interface OidcLoginTable {
  token_hash: string;
  org_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: Date;
}

export interface ServerDatabase extends Database {
  users: UserTable;
  user_athletes: UserAthleteTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  organisations: OrganisationTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  consent_grants: ConsentGrantTable;
  consent_events: ConsentEventTable;
  audit_log: AuditLogTable;
  passkeys: PasskeyTable;
  webauthn_challenges: WebauthnChallengeTable;
  oidc_providers: OidcProviderTable;
  oidc_identities: OidcIdentityTable;
  oidc_logins: OidcLoginTable;
}
