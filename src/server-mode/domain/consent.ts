/**
 * Consent as a ledger: a grant's terms are written once, then only events are appended (accepted, declined,
 * revoked). Its current state is always derived from those events and the clock, never stored, so the
 * history of who could see what, and when, cannot be rewritten (issue 16 #3).
 */
import type { AccessLevel, Category } from './roles.ts';

export type Grantee = { kind: 'org'; orgId: string } | { kind: 'user'; userId: string };

/** What was asked for or offered. Immutable: changing the terms means a new grant. */
export interface GrantTerms {
  id: string;
  athleteId: string;
  grantee: Grantee;
  categories: readonly Category[];
  access: AccessLevel;
  purpose: string;
  /** Epoch ms after which access ends by itself; null = until revoked. */
  expiresAtMs: number | null;
  createdByUserId: string;
  createdAtMs: number;
}

export const CONSENT_EVENT_KINDS = ['accepted', 'declined', 'revoked'] as const;
export type ConsentEventKind = (typeof CONSENT_EVENT_KINDS)[number];

export interface ConsentEvent {
  grantId: string;
  kind: ConsentEventKind;
  actorUserId: string;
  atMs: number;
}

export type GrantStatus = 'pending' | 'active' | 'declined' | 'revoked' | 'expired';

export interface GrantState {
  terms: GrantTerms;
  status: GrantStatus;
  acceptedAtMs: number | null;
  endedAtMs: number | null;
}

/** Folds a grant's events (any order; sorted here) into its state at `nowMs`. */
export function grantStateAt(terms: GrantTerms, events: readonly ConsentEvent[], nowMs: number): GrantState {
  let status: GrantStatus = 'pending';
  let acceptedAtMs: number | null = null;
  let endedAtMs: number | null = null;
  const own = events.filter((e) => e.grantId === terms.id && e.atMs <= nowMs).sort((a, b) => a.atMs - b.atMs);
  for (const event of own) {
    // The first closing event wins; anything after it changes nothing (a revoked grant stays revoked).
    if (status === 'declined' || status === 'revoked') break;
    if (event.kind === 'accepted' && status === 'pending') {
      status = 'active';
      acceptedAtMs = event.atMs;
    } else if (event.kind === 'declined') {
      // Only a pending grant can be declined (checkTransition), but a decline in the ledger always closes it,
      // as the database's policy function reads it.
      status = 'declined';
      endedAtMs = event.atMs;
    } else if (event.kind === 'revoked') {
      status = 'revoked';
      endedAtMs = event.atMs;
    }
  }
  if (
    (status === 'active' || status === 'pending') &&
    terms.expiresAtMs !== null &&
    nowMs >= terms.expiresAtMs
  ) {
    status = 'expired';
    endedAtMs = terms.expiresAtMs;
  }
  return { terms, status, acceptedAtMs, endedAtMs };
}

/** Every grant's state from the whole ledger. */
export function grantStates(
  grants: readonly GrantTerms[],
  events: readonly ConsentEvent[],
  nowMs: number,
): GrantState[] {
  const byGrant = new Map<string, ConsentEvent[]>();
  for (const event of events) {
    const list = byGrant.get(event.grantId) ?? [];
    list.push(event);
    byGrant.set(event.grantId, list);
  }
  return grants.map((g) => grantStateAt(g, byGrant.get(g.id) ?? [], nowMs));
}

export type ConsentActor = 'athlete' | 'grantee';

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `actor` may append `kind` to a grant in `state`. Only the athlete accepts or declines: a clinician
 * who asks for access can never give it to themselves. Either side may end a grant (ending access is always
 * safe); nothing reopens a closed one.
 */
export function checkTransition(
  state: GrantState,
  kind: ConsentEventKind,
  actor: ConsentActor,
): TransitionCheck {
  if (kind === 'accepted' || kind === 'declined') {
    if (actor !== 'athlete') return { ok: false, reason: `only the athlete can mark a grant ${kind}` };
    if (state.status !== 'pending') return { ok: false, reason: `the grant is ${state.status}, not pending` };
    return { ok: true };
  }
  if (state.status === 'pending' || state.status === 'active') return { ok: true };
  return { ok: false, reason: `the grant is already ${state.status}` };
}
