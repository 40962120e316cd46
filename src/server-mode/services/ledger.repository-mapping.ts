/** Rows of the consent ledger → the domain's grant terms and events. */
import type { ConsentEvent, ConsentEventKind, GrantTerms } from '../domain/consent.ts';
import type { AccessLevel, Category } from '../domain/roles.ts';
import type { ConsentEventTable, ConsentGrantTable } from '../repositories/server-schema.ts';

export function toGrantTerms(row: ConsentGrantTable): GrantTerms {
  return {
    id: row.id,
    athleteId: row.athlete_id,
    grantee:
      row.grantee_org_id !== null
        ? { kind: 'org', orgId: row.grantee_org_id }
        : { kind: 'user', userId: row.grantee_user_id ?? '' },
    categories: row.categories as Category[],
    access: row.access as AccessLevel,
    purpose: row.purpose,
    expiresAtMs: row.expires_at ? row.expires_at.getTime() : null,
    createdByUserId: row.created_by,
    createdAtMs: row.created_at.getTime(),
  };
}

export function toConsentEvent(row: ConsentEventTable): ConsentEvent {
  return {
    grantId: row.grant_id,
    kind: row.kind as ConsentEventKind,
    actorUserId: row.actor_user_id,
    atMs: row.at.getTime(),
  };
}
