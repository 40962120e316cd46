/**
 * web/src/api.ts against a stand-in fetch: the athlete prefix is the one place server mode changes an
 * athlete route, and a 403 REAUTHENTICATION_REQUIRED asks the prompt, then sends the same request once more.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import {
  ApiError,
  accountApi,
  api,
  apiUrl,
  onReauthenticationRequired,
  viewAthlete,
} from '../../web/src/api.ts';

interface Sent {
  url: string;
  method: string;
  body: string | undefined;
}

function fakeFetch(answers: Response[]): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', body: init.body as string | undefined });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    return next;
  }) as typeof fetch;
  return sent;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const reauth = () =>
  json(403, { error: { code: 'REAUTHENTICATION_REQUIRED', message: 'enter your password again' } });

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  onReauthenticationRequired(null);
  viewAthlete(null);
});

test('athlete routes get the chosen athlete prefix; account routes never do', async () => {
  const sent = fakeFetch([json(200, {}), json(200, {}), json(200, {})]);
  await api('/today');
  viewAthlete('ath 1');
  await api('/today');
  await accountApi('/server/roster');
  assert.deepEqual(
    sent.map((s) => s.url),
    ['/api/today', '/api/athletes/ath%201/today', '/api/server/roster'],
  );
  assert.equal(apiUrl('/report.html?weeks=12'), '/api/athletes/ath%201/report.html?weeks=12');
});

test('a 403 REAUTHENTICATION_REQUIRED asks for the password and sends the same request again', async () => {
  const sent = fakeFetch([reauth(), json(201, { grant: { id: 'g1' } })]);
  const reasons: string[] = [];
  onReauthenticationRequired(async (reason) => {
    reasons.push(reason);
    return true;
  });
  const answer = await accountApi<{ grant: { id: string } }>('/consents/g1/accept', { method: 'POST' });
  assert.equal(answer.grant.id, 'g1');
  assert.deepEqual(reasons, ['enter your password again']);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[0], sent[1]);
});

test('cancelling the prompt, or no prompt at all, leaves the 403 as the error; other 403s never ask', async () => {
  onReauthenticationRequired(async () => false);
  fakeFetch([reauth()]);
  await assert.rejects(accountApi('/consents', { body: {} }), (e: unknown) => {
    return e instanceof ApiError && e.code === 'REAUTHENTICATION_REQUIRED';
  });
  let asked = 0;
  onReauthenticationRequired(async () => {
    asked += 1;
    return true;
  });
  fakeFetch([json(403, { error: { code: 'FORBIDDEN_ORIGIN', message: 'no' } })]);
  await assert.rejects(accountApi('/consents', { body: {} }), (e: unknown) => {
    return e instanceof ApiError && e.code === 'FORBIDDEN_ORIGIN';
  });
  assert.equal(asked, 0);
  onReauthenticationRequired(null);
  fakeFetch([reauth()]);
  await assert.rejects(accountApi('/consents', { body: {} }), ApiError);
});
