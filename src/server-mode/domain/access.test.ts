import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AccessFacts, decide, decideAll } from './access.ts';
import { type GrantState, type GrantTerms, grantStateAt } from './consent.ts';
import type { MemberRole } from './roles.ts';

function grant(overrides: Partial<GrantTerms>, accepted = true): GrantState {
  const terms: GrantTerms = {
    id: 'g1',
    athleteId: 'a1',
    grantee: { kind: 'org', orgId: 'clinic' },
    categories: ['training', 'symptoms'],
    access: 'read',
    purpose: 'knee rehab',
    expiresAtMs: null,
    createdByUserId: 'u-clinician',
    createdAtMs: 0,
    ...overrides,
  };
  const events = accepted
    ? [{ grantId: terms.id, kind: 'accepted' as const, actorUserId: 'u-a1', atMs: 1 }]
    : [];
  return grantStateAt(terms, events, 10);
}

function facts(role: MemberRole | null, grants: GrantState[], own: string[] = []): AccessFacts {
  return {
    userId: 'u-member',
    ownAthleteIds: new Set(own),
    memberships: new Map(role ? [['clinic', role]] : []),
    grants,
  };
}

test('an athlete always reaches their own data, in every category', () => {
  const d = decide(facts(null, [], ['a1']), { athleteId: 'a1', category: 'clinical', action: 'write' });
  assert.deepEqual(d, { allowed: true, via: 'self' });
});

test('a clinician of the granted organisation reads the granted categories, and says why', () => {
  const d = decide(facts('clinician', [grant({})]), {
    athleteId: 'a1',
    category: 'symptoms',
    action: 'read',
  });
  assert.deepEqual(d, {
    allowed: true,
    via: 'grant',
    grantIds: ['g1'],
    purposes: ['knee rehab'],
    orgIds: ['clinic'],
  });
});

test('nothing without a grant, a pending grant, a category not granted, a write on a read grant, another athlete', () => {
  const member = facts('clinician', [grant({})]);
  assert.equal(
    decide(facts('clinician', []), { athleteId: 'a1', category: 'training', action: 'read' }).allowed,
    false,
  );
  assert.equal(
    decide(facts('clinician', [grant({}, false)]), { athleteId: 'a1', category: 'training', action: 'read' })
      .allowed,
    false,
  );
  assert.equal(decide(member, { athleteId: 'a1', category: 'clinical', action: 'read' }).allowed, false);
  assert.equal(decide(member, { athleteId: 'a1', category: 'training', action: 'write' }).allowed, false);
  assert.equal(decide(member, { athleteId: 'a2', category: 'training', action: 'read' }).allowed, false);
});

test('a coach in the clinic does not see symptoms the athlete shared with the clinic', () => {
  const coach = facts('coach', [grant({})]);
  assert.equal(decide(coach, { athleteId: 'a1', category: 'training', action: 'read' }).allowed, true);
  assert.equal(decide(coach, { athleteId: 'a1', category: 'symptoms', action: 'read' }).allowed, false);
});

test('a grant to a named person reaches that person only, not their organisation', () => {
  const personal = grant({ grantee: { kind: 'user', userId: 'u-member' }, categories: ['clinical'] });
  assert.equal(
    decide(facts(null, [personal]), { athleteId: 'a1', category: 'clinical', action: 'read' }).allowed,
    true,
  );
  const someoneElse = grant({ grantee: { kind: 'user', userId: 'u-other' }, categories: ['clinical'] });
  assert.equal(
    decide(facts('clinician', [someoneElse]), { athleteId: 'a1', category: 'clinical', action: 'read' })
      .allowed,
    false,
  );
});

test('a bulk check passes only when every request does', () => {
  const member = facts('clinician', [grant({})]);
  const both = decideAll(member, [
    { athleteId: 'a1', category: 'training', action: 'read' },
    { athleteId: 'a1', category: 'symptoms', action: 'read' },
  ]);
  assert.equal(both.allowed, true);
  const withClinical = decideAll(member, [
    { athleteId: 'a1', category: 'training', action: 'read' },
    { athleteId: 'a1', category: 'clinical', action: 'read' },
  ]);
  assert.equal(withClinical.allowed, false);
  assert.equal(decideAll(member, []).allowed, false);
});
