import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../db/connection.ts';
import { createHttpApp } from './app.ts';

async function app() {
  const store = await openDatabase(':memory:');
  const http = createHttpApp(
    { store, now: () => new Date('2026-01-01T00:00:00Z'), pdfRenderer: null, scratchDir: '/tmp' },
    { webRoot: null },
  );
  return { http, close: () => store.close() };
}

test('answers on 127.0.0.1 and localhost, with the security headers', async () => {
  const { http, close } = await app();
  for (const origin of ['http://127.0.0.1:4477', 'http://localhost']) {
    const response = await http.request(`${origin}/api/health`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { ok: boolean }).ok, true);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  }
  await close();
});

test('refuses a request addressed to another host name (DNS rebinding)', async () => {
  const { http, close } = await app();
  const response = await http.request('http://attacker.example/api/health');
  assert.equal(response.status, 403);
  assert.deepEqual(await response.json(), {
    error: { code: 'FORBIDDEN_HOST', message: 'kneewise answers only on 127.0.0.1' },
  });
  await close();
});

test('an unknown API path is a JSON 404 with a stable code', async () => {
  const { http, close } = await app();
  const response = await http.request('http://127.0.0.1/api/no-such-thing', { method: 'POST' });
  assert.equal(response.status, 404);
  const body = (await response.json()) as { error: { code: string } };
  assert.equal(body.error.code, 'API_NOT_FOUND');
  await close();
});

test('refuses a change sent by another site, but not a read or a same-origin change', async () => {
  const { http, close } = await app();
  const crossSite = await http.request('http://127.0.0.1/api/health', {
    method: 'POST',
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(crossSite.status, 403);
  assert.equal(((await crossSite.json()) as { error: { code: string } }).error.code, 'FORBIDDEN_CROSS_SITE');
  const read = await http.request('http://127.0.0.1/api/health', {
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(read.status, 200);
  const sameOrigin = await http.request('http://127.0.0.1/api/nothing-here', {
    method: 'POST',
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  assert.equal(sameOrigin.status, 404);
  await close();
});
