import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../web/src/api.ts';
import {
  athleteHref,
  isServerModePage,
  retryWords,
  serverPageOf,
  tokenFromHash,
} from '../../web/src/server/server-page.ts';
import { signInProblem } from '../../web/src/server/sign-in-words.ts';

test('server mode pages come from the path; the athlete screens keep their hash routes', () => {
  assert.deepEqual(serverPageOf('/'), { kind: 'home' });
  assert.deepEqual(serverPageOf('/sharing'), { kind: 'sharing' });
  assert.deepEqual(serverPageOf('/organisation'), { kind: 'organisation' });
  assert.deepEqual(serverPageOf('/join'), { kind: 'join' });
  assert.deepEqual(serverPageOf('/reset-password'), { kind: 'reset-password' });
  assert.deepEqual(serverPageOf('/athletes/01JX%2Fodd/'), { kind: 'athlete', athleteId: '01JX/odd' });
  assert.deepEqual(serverPageOf('/athletes/'), { kind: 'home' });
  assert.deepEqual(serverPageOf('/athletes/%E0%A4%A/'), { kind: 'home' }, 'malformed escapes are home');
  assert.deepEqual(serverPageOf('/sharing/extra'), { kind: 'home' });
  assert.equal(athleteHref('01JX/odd', 'report'), '/athletes/01JX%2Fodd/#/report');
  assert.deepEqual(serverPageOf(new URL(athleteHref('a b'), 'http://x/').pathname), {
    kind: 'athlete',
    athleteId: 'a b',
  });
});

test('the link token is read from the fragment only', () => {
  assert.equal(tokenFromHash('#token=abc_DEF-123'), 'abc_DEF-123');
  assert.equal(tokenFromHash('#token='), null);
  assert.equal(tokenFromHash(''), null);
  assert.equal(tokenFromHash('#/today'), null);
});

test('a throttled sign-in says when to try again, rounded up', () => {
  assert.equal(retryWords(1), 'in 1 second');
  assert.equal(retryWords(40.2), 'in 41 seconds');
  assert.equal(retryWords(60), 'in 1 minute');
  assert.equal(retryWords(61), 'in 2 minutes');
  assert.equal(retryWords(900), 'in 15 minutes');
  assert.equal(retryWords(Number.NaN), 'in a moment');
});

test('only the mark the server puts in the page switches the dashboard to server mode', () => {
  const page = (content: string | null) => ({
    querySelector: (selector: string) =>
      selector === 'meta[name="kneewise-mode"]' && content !== null
        ? ({ getAttribute: (name: string) => (name === 'content' ? content : null) } as unknown as Element)
        : null,
  });
  assert.equal(isServerModePage(page('server')), true);
  assert.equal(isServerModePage(page('local')), false);
  assert.equal(isServerModePage(page(null)), false);
});

test('a failed sign-in is said in words: never which part was wrong; throttling says when to retry', () => {
  assert.equal(
    signInProblem(new ApiError(401, 'INVALID_LOGIN', 'email or password is wrong')),
    'That e-mail and password do not match an account here.',
  );
  assert.equal(
    signInProblem(new ApiError(429, 'LOGIN_THROTTLED', 'too many', { retryAfterSeconds: 840 })),
    'Too many wrong passwords. For your safety, signing in is paused: try again in 14 minutes.',
  );
  assert.equal(
    signInProblem(new TypeError('Failed to fetch')),
    'The server could not be reached. Check your connection and try again.',
  );
});
