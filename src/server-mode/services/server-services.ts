/** Wires server mode's services over an opened server database (used by `serve --server` and the tests). */
import type { HttpDeps } from '../../http/app-env.ts';
import type { ServerDeps, ServerSettings } from '../http/server-env.ts';
import { InvitationRepository } from '../repositories/invitation.repository.ts';
import { MembershipRepository } from '../repositories/membership.repository.ts';
import { OrgDirectoryRepository } from '../repositories/org-directory.repository.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import { AccessService } from './access.service.ts';
import { AccountDeletionService } from './account-deletion.service.ts';
import { mailSettingsFromEnv } from './alert-mail.service.ts';
import { AuditService } from './audit.service.ts';
import { AuthService } from './auth.service.ts';
import { ConsentService } from './consent.service.ts';
import { MembershipService } from './membership.service.ts';
import { OrgLookupService } from './org-lookup.service.ts';
import { OrganisationService } from './organisation.service.ts';
import { createRosterParts } from './roster-wiring.ts';

export function createServerDeps(input: {
  store: ServerStore;
  settings: ServerSettings;
  now: () => Date;
  pdfRenderer: HttpDeps['pdfRenderer'];
  scratchDir: string;
}): ServerDeps {
  const { store, settings, now } = input;
  const organisations = new OrganisationService(store.system, now, settings.publicUrl);
  const access = new AccessService(store.system, now);
  const audit = new AuditService(store.scoped, now);
  const roster = createRosterParts({
    store,
    access,
    audit,
    now,
    mail: mailSettingsFromEnv(process.env),
    publicUrl: () => settings.publicUrl,
  });
  return {
    store,
    settings,
    now,
    auth: new AuthService(store.system, now),
    organisations,
    memberships: new MembershipService(
      organisations,
      new MembershipRepository(store.system),
      new InvitationRepository(store.system),
      now,
    ),
    orgLookup: new OrgLookupService(organisations, new OrgDirectoryRepository(store.system), audit, now),
    consent: new ConsentService(store.scoped, organisations, now),
    access,
    audit,
    accounts: new AccountDeletionService(store.system),
    roster,
    dashboard: {
      store: store.scopedHandle,
      now,
      pdfRenderer: input.pdfRenderer,
      scratchDir: input.scratchDir,
      afterImport: roster.afterImport,
    },
  };
}
