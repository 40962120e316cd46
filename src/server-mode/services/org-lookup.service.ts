/**
 * An athlete looks an organisation up by part of its name to share with it (GET /api/orgs/lookup). The answer
 * holds ids and names only — never members, e-mails or how many athletes an organisation has. Each lookup is
 * written to the audit log under the athlete's own data (the trail of what the account did), and those same
 * rows count the lookups for the throttle, so several servers on one database share it.
 * Call inside runAsUser(): the audit rows are read and written as the user.
 */
import { KneewiseError } from '../../domain/errors.ts';
import {
  containsPattern,
  type LookupPolicy,
  lookupText,
  lookupThrottle,
  ORG_LOOKUP,
  startsWithPattern,
} from '../domain/org-lookup.ts';
import type { OrgDirectoryRepository, OrgMatch } from '../repositories/org-directory.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { OrganisationService } from './organisation.service.ts';

export const ORG_LOOKUP_ROUTE = 'GET /api/orgs/lookup';

export class OrgLookupService {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly directory: OrgDirectoryRepository,
    private readonly audit: AuditService,
    private readonly now: () => Date,
    private readonly policy: LookupPolicy = ORG_LOOKUP,
  ) {}

  async lookup(userId: string, name: string): Promise<OrgMatch[]> {
    const text = lookupText(name);
    if (text.length < this.policy.minChars || text.length > this.policy.maxChars) {
      throw new KneewiseError(
        'LOOKUP_TOO_SHORT',
        `name: type at least ${this.policy.minChars} characters of the organisation's name ` +
          `(at most ${this.policy.maxChars})`,
      );
    }
    const athleteId = await this.organisations.ownAthleteId(userId);
    if (athleteId === null) {
      throw new KneewiseError(
        'ATHLETE_NOT_FOUND',
        'looking an organisation up is for sharing your own data, and this account holds none',
        'not-found',
      );
    }
    const now = this.now();
    const earlier = await this.audit.actorRouteTimes({
      actorUserId: userId,
      athleteId,
      route: ORG_LOOKUP_ROUTE,
      since: new Date(now.getTime() - this.policy.windowMs),
    });
    const verdict = lookupThrottle(
      earlier.map((d) => d.getTime()),
      now.getTime(),
      this.policy,
    );
    if (!verdict.allowed) {
      throw new KneewiseError(
        'LOOKUP_THROTTLED',
        `too many lookups in a short time: try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} min`,
        'input',
        { httpStatus: 429, retryAfterSeconds: verdict.retryAfterSeconds },
      );
    }
    await this.audit.record({
      actorUserId: userId,
      athleteId,
      action: 'read',
      categories: [],
      route: ORG_LOOKUP_ROUTE,
      reason: `looking up an organisation to share with: "${text}"`,
      orgIds: [],
    });
    return this.directory.search(containsPattern(text), startsWithPattern(text), this.policy.maxResults);
  }
}
