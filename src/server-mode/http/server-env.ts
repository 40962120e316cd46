/**
 * What server-mode routes share: the services, the settings that decide cookies and hosts, and per request
 * the signed-in session. Extends the dashboard's AppEnv so its routes mount unchanged under an athlete.
 */
import type { Athlete } from '../../db/repositories/athlete.repository.ts';
import type { HttpDeps } from '../../http/app-env.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import type { AccessService } from '../services/access.service.ts';
import type { AccountDeletionService } from '../services/account-deletion.service.ts';
import type { AuditService } from '../services/audit.service.ts';
import type { AuthService, Session } from '../services/auth.service.ts';
import type { ConsentService } from '../services/consent.service.ts';
import type { MembershipService } from '../services/membership.service.ts';
import type { OrgLookupService } from '../services/org-lookup.service.ts';
import type { OrganisationService } from '../services/organisation.service.ts';
import type { RosterParts } from '../services/roster-wiring.ts';

export interface ServerSettings {
  /** The address people use, e.g. https://kneewise.clinic.example/: links, allowed Host and Origin. */
  publicUrl: string;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a reverse proxy you run). */
  trustProxy: boolean;
}

export interface ServerDeps {
  store: ServerStore;
  settings: ServerSettings;
  now: () => Date;
  auth: AuthService;
  organisations: OrganisationService;
  /** An owner's members and invitation links. */
  memberships: MembershipService;
  /** Organisations by name, for an athlete choosing whom to share with. */
  orgLookup: OrgLookupService;
  consent: ConsentService;
  access: AccessService;
  audit: AuditService;
  accounts: AccountDeletionService;
  /** The roster and its alert queue (start on first use; `roster.alerts.stop()` before closing the store). */
  roster: RosterParts;
  /** For the dashboard's routes mounted under an athlete (their store reads through the scoped pool). */
  dashboard: HttpDeps;
}

export interface ServerEnv {
  Variables: { athlete: Athlete; session: Session; sessionToken: string };
}
