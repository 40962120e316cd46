import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ConsentEvent, checkTransition, type GrantTerms, grantStateAt, grantStates } from './consent.ts';

const terms: GrantTerms = {
  id: 'g1',
  athleteId: 'a1',
  grantee: { kind: 'org', orgId: 'o1' },
  categories: ['training'],
  access: 'read',
  purpose: 'return to running after ACL surgery',
  expiresAtMs: 10_000,
  createdByUserId: 'clinician',
  createdAtMs: 0,
};

const event = (kind: ConsentEvent['kind'], atMs: number, actorUserId = 'athlete-user'): ConsentEvent => ({
  grantId: 'g1',
  kind,
  actorUserId,
  atMs,
});

test('a grant gives nothing until the athlete accepts it, and nothing after they revoke it', () => {
  const ledger = [event('accepted', 100), event('revoked', 500)];
  assert.equal(grantStateAt(terms, ledger, 50).status, 'pending');
  assert.equal(grantStateAt(terms, ledger, 100).status, 'active');
  assert.equal(grantStateAt(terms, ledger, 499).status, 'active');
  const ended = grantStateAt(terms, ledger, 500);
  assert.equal(ended.status, 'revoked');
  assert.equal(ended.acceptedAtMs, 100);
  assert.equal(ended.endedAtMs, 500);
});

test('an accepted grant ends by itself at its expiry', () => {
  const state = grantStateAt(terms, [event('accepted', 100)], 10_000);
  assert.equal(state.status, 'expired');
  assert.equal(state.endedAtMs, 10_000);
});

test('events after a revoke or decline change nothing, whatever order they are stored in', () => {
  const ledger = [event('accepted', 300), event('declined', 200)];
  assert.equal(grantStateAt(terms, ledger, 400).status, 'declined');
  const revokedThenAccepted = [event('accepted', 300), event('revoked', 200)];
  assert.equal(grantStateAt(terms, revokedThenAccepted, 400).status, 'revoked');
});

test('events of other grants are ignored when folding the whole ledger', () => {
  const other: ConsentEvent = { grantId: 'g2', kind: 'accepted', actorUserId: 'x', atMs: 1 };
  const [state] = grantStates([terms], [other], 50);
  assert.equal(state?.status, 'pending');
});

test('only the athlete accepts or declines; either side may end a grant; nothing reopens a closed one', () => {
  const pending = grantStateAt(terms, [], 50);
  assert.equal(checkTransition(pending, 'accepted', 'grantee').ok, false);
  assert.equal(checkTransition(pending, 'accepted', 'athlete').ok, true);
  assert.equal(checkTransition(pending, 'declined', 'grantee').ok, false);
  assert.equal(checkTransition(pending, 'revoked', 'grantee').ok, true);
  const revoked = grantStateAt(terms, [event('revoked', 10)], 50);
  assert.equal(checkTransition(revoked, 'accepted', 'athlete').ok, false);
  assert.equal(checkTransition(revoked, 'revoked', 'athlete').ok, false);
  const active = grantStateAt(terms, [event('accepted', 10)], 50);
  assert.equal(checkTransition(active, 'accepted', 'athlete').ok, false);
});
