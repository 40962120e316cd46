import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cookieMaxAgeSeconds,
  DEFAULT_SESSION_POLICY as policy,
  recentlyAuthenticated,
  sessionVerdict,
} from './session-expiry.ts';

test('a session in use stays valid and is touched at most once a minute', () => {
  assert.deepEqual(sessionVerdict({ createdAtMs: 0, lastSeenAtMs: 0 }, 30_000), {
    valid: true,
    touch: false,
  });
  assert.deepEqual(sessionVerdict({ createdAtMs: 0, lastSeenAtMs: 0 }, 60_000), { valid: true, touch: true });
});

test('a session ends after the idle time without use', () => {
  assert.deepEqual(sessionVerdict({ createdAtMs: 0, lastSeenAtMs: 0 }, policy.idleMs), {
    valid: false,
    reason: 'idle',
  });
});

test('a session ends at the absolute limit even when used all along', () => {
  const last = policy.absoluteMs - 1000;
  assert.deepEqual(sessionVerdict({ createdAtMs: 0, lastSeenAtMs: last }, policy.absoluteMs), {
    valid: false,
    reason: 'absolute',
  });
  assert.equal(cookieMaxAgeSeconds(0, policy.absoluteMs - 5000), 5);
});

test('sensitive actions need the password entered within the last ten minutes', () => {
  assert.equal(recentlyAuthenticated(0, 9 * 60_000), true);
  assert.equal(recentlyAuthenticated(0, 10 * 60_000), false);
});
