import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_THROTTLE, loginThrottle } from './login-throttle.ts';

const minute = 60_000;
const now = 100 * minute;

test('four failures on an account still allow a fifth try; five make it wait until the oldest ages out', () => {
  const four = [1, 2, 3, 4].map((i) => now - i * minute);
  assert.deepEqual(loginThrottle({ accountMs: four, addressMs: four }, now), { allowed: true });
  const five = [...four, now - 10 * minute];
  assert.deepEqual(loginThrottle({ accountMs: five, addressMs: five }, now), {
    allowed: false,
    scope: 'account',
    retryAfterSeconds: 5 * 60,
  });
});

test('failures older than the window do not count', () => {
  const old = Array.from({ length: 10 }, (_, i) => now - DEFAULT_THROTTLE.windowMs - i * minute);
  assert.deepEqual(loginThrottle({ accountMs: old, addressMs: old }, now), { allowed: true });
});

test('one address failing across many accounts is stopped at its own limit', () => {
  const spray = Array.from({ length: DEFAULT_THROTTLE.perAddress }, (_, i) => now - i * 1000);
  const verdict = loginThrottle({ accountMs: [now - 1000], addressMs: spray }, now);
  assert.equal(verdict.allowed, false);
  assert.equal(verdict.allowed === false && verdict.scope, 'address');
});
