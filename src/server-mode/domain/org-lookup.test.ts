import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  containsPattern,
  type LookupPolicy,
  lookupText,
  lookupThrottle,
  ORG_LOOKUP,
  startsWithPattern,
} from './org-lookup.ts';

const policy: LookupPolicy = { ...ORG_LOOKUP, perUser: 3, windowMs: 60_000 };

test('lookups are allowed up to the limit in the window, then wait until the oldest ages out', () => {
  const now = 1_000_000;
  assert.deepEqual(lookupThrottle([now - 50_000, now - 10_000], now, policy), { allowed: true });
  assert.deepEqual(lookupThrottle([now - 50_000, now - 10_000, now - 1_000], now, policy), {
    allowed: false,
    retryAfterSeconds: 10,
  });
  // Lookups older than the window no longer count.
  assert.deepEqual(lookupThrottle([now - 70_000, now - 10_000, now - 1_000], now, policy), { allowed: true });
});

test('the looked-up text is trimmed, and LIKE wildcards in it match only themselves', () => {
  assert.equal(lookupText('  North   Clinic '), 'North Clinic');
  assert.equal(containsPattern('nor'), '%nor%');
  assert.equal(containsPattern('100%_x\\'), '%100\\%\\_x\\\\%');
  assert.equal(startsWithPattern('a_b'), 'a\\_b%');
});
