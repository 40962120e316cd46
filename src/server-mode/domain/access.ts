/**
 * The one access decision: may this user do this action on this athlete's data of this category? Every
 * request is checked in bulk (athlete id, category, action) against what the user is (the athlete
 * themselves, an organisation member) and the athlete's active grants. Pure: the facts are loaded once per
 * request by the caller.
 */
import type { GrantState } from './consent.ts';
import { type Action, accessCovers, type Category, type MemberRole, roleAllows } from './roles.ts';

export interface AccessFacts {
  userId: string;
  /** Athletes this user is (their own data): everything, always. */
  ownAthleteIds: ReadonlySet<string>;
  /** orgId → the user's role there. */
  memberships: ReadonlyMap<string, MemberRole>;
  /** The grants of the athletes in question (any status: only active ones count). */
  grants: readonly GrantState[];
}

export interface AccessRequest {
  athleteId: string;
  category: Category;
  action: Action;
}

export type AccessDecision =
  | { allowed: true; via: 'self' }
  | { allowed: true; via: 'grant'; grantIds: string[]; purposes: string[]; orgIds: string[] }
  | { allowed: false };

function grantCovers(
  facts: AccessFacts,
  state: GrantState,
  request: AccessRequest,
): { orgId: string | null } | null {
  const { terms } = state;
  if (state.status !== 'active' || terms.athleteId !== request.athleteId) return null;
  if (!terms.categories.includes(request.category) || !accessCovers(terms.access, request.action))
    return null;
  if (terms.grantee.kind === 'user') return terms.grantee.userId === facts.userId ? { orgId: null } : null;
  const role = facts.memberships.get(terms.grantee.orgId);
  if (role === undefined || !roleAllows(role, request.category, request.action)) return null;
  return { orgId: terms.grantee.orgId };
}

export function decide(facts: AccessFacts, request: AccessRequest): AccessDecision {
  if (facts.ownAthleteIds.has(request.athleteId)) return { allowed: true, via: 'self' };
  const grantIds: string[] = [];
  const purposes: string[] = [];
  const orgIds: string[] = [];
  for (const state of facts.grants) {
    const covered = grantCovers(facts, state, request);
    if (!covered) continue;
    grantIds.push(state.terms.id);
    if (!purposes.includes(state.terms.purpose)) purposes.push(state.terms.purpose);
    if (covered.orgId !== null && !orgIds.includes(covered.orgId)) orgIds.push(covered.orgId);
  }
  return grantIds.length > 0
    ? { allowed: true, via: 'grant', grantIds, purposes, orgIds }
    : { allowed: false };
}

/** All of `requests` at once: allowed only if every one is (a screen that mixes categories needs them all). */
export function decideAll(
  facts: AccessFacts,
  requests: readonly AccessRequest[],
): { allowed: boolean; decisions: AccessDecision[] } {
  const decisions = requests.map((r) => decide(facts, r));
  return { allowed: decisions.length > 0 && decisions.every((d) => d.allowed), decisions };
}
