/**
 * The request guard through the whole app, on SQLite and PostgreSQL: a page on another 127.0.0.1 port cannot
 * log pain (same-site CSRF with a text/plain no-cors POST, with or without Sec-Fetch-Site), while the
 * dashboard's own requests (web/src/api.ts: JSON with its own Origin; upload-client.ts: octet-stream; bare
 * POSTs without a body) still pass; JSON bodies are capped whether or not they say their length; malformed
 * addresses and impossible dates are 400s; and every answer, refusals included, has the security headers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbTest, type TestDatabase } from '../../test/support/test-databases.ts';
import { createHttpApp } from './app.ts';
import { JSON_BODY_LIMIT_BYTES } from './request-guard.ts';

const ORIGIN = 'http://127.0.0.1:4477';
const OTHER_PORT = 'http://127.0.0.1:5173';
const PAIN = JSON.stringify({ date: '2025-05-20', during: 4, note: 'forged' });

async function setup(tdb: TestDatabase) {
  const store = await tdb.open();
  const scratchDir = mkdtempSync(join(tmpdir(), 'kneewise-guard-'));
  const app = createHttpApp(
    { store, now: () => new Date('2025-06-01T12:00:00Z'), pdfRenderer: null, scratchDir },
    { webRoot: null },
  );
  const send = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    app.request(`${ORIGIN}${path}`, {
      ...init,
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  const painCount = async () => {
    const response = await send('/api/pain');
    assert.equal(response.status, 200);
    return ((await response.json()) as { entries: unknown[] }).entries.length;
  };
  return {
    send,
    painCount,
    async close() {
      await store.close();
      rmSync(scratchDir, { recursive: true, force: true });
      if (store.dialect === 'postgres') await new Promise((resolve) => setTimeout(resolve, 150));
    },
  };
}

async function errorOf(response: Response, status: number): Promise<{ code: string; message: string }> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assertSecurityHeaders(response);
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

function assertSecurityHeaders(response: Response): void {
  const h = response.headers;
  assert.match(h.get('content-security-policy') ?? '', /default-src 'self'.*frame-ancestors 'none'/);
  assert.equal(h.get('x-content-type-options'), 'nosniff');
  assert.equal(h.get('referrer-policy'), 'no-referrer');
  assert.equal(h.get('x-frame-options'), 'DENY');
}

/** A body of `bytes` bytes sent in 64 KB chunks, without a Content-Length. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(65_536, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

dbTest('a page on another 127.0.0.1 port cannot log pain; the dashboard still can', async (tdb) => {
  const s = await setup(tdb);
  try {
    // What a page on http://127.0.0.1:5173 sends with fetch(url, { method: 'POST', mode: 'no-cors', body }).
    const noCors = {
      origin: OTHER_PORT,
      'sec-fetch-site': 'same-site',
      'sec-fetch-mode': 'no-cors',
      'content-type': 'text/plain;charset=UTF-8',
    };
    const sameSite = await errorOf(
      await s.send('/api/pain', { method: 'POST', headers: noCors, body: PAIN }),
      403,
    );
    assert.equal(sameSite.code, 'FORBIDDEN_CROSS_SITE');
    // An older browser that sends no Sec-Fetch-Site: the Origin alone refuses it, whatever the body's type.
    for (const type of ['text/plain;charset=UTF-8', 'application/json']) {
      const foreign = await errorOf(
        await s.send('/api/pain', {
          method: 'POST',
          headers: { origin: OTHER_PORT, 'content-type': type },
          body: PAIN,
        }),
        403,
      );
      assert.equal(foreign.code, 'FORBIDDEN_ORIGIN');
      assert.match(
        foreign.message,
        /only from its own pages \(http:\/\/127\.0\.0\.1:4477\), not from http:\/\/127\.0\.0\.1:5173/,
      );
    }
    for (const origin of ['null', 'http://localhost:4477', 'https://attacker.example']) {
      const refused = await errorOf(
        await s.send('/api/data', {
          method: 'DELETE',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify({ confirm: 'delete all my data' }),
        }),
        403,
      );
      assert.equal(refused.code, 'FORBIDDEN_ORIGIN', origin);
    }
    // The same origin sending text/plain (a form, a no-cors fetch): JSON is parsed only from JSON.
    for (const headers of [{ origin: ORIGIN, 'content-type': 'text/plain' }, {}]) {
      const wrongType = await errorOf(
        await s.send('/api/pain', { method: 'POST', headers, body: PAIN }),
        415,
      );
      assert.equal(wrongType.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.match(wrongType.message, /^content-type: expected application\/json, got "(text\/plain|none)"$/);
    }
    assert.equal(await s.painCount(), 0, 'nothing was logged');

    // A read from another origin is answered (the browser keeps it from the page: no CORS headers).
    const read = await s.send('/api/health', {
      headers: { origin: OTHER_PORT, 'sec-fetch-site': 'same-site' },
    });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), null);

    // The dashboard (web/src/api.ts): JSON, its own Origin, Sec-Fetch-Site same-origin.
    const dashboard = { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
    const logged = await s.send('/api/pain', {
      method: 'POST',
      headers: { ...dashboard, 'content-type': 'application/json' },
      body: PAIN,
    });
    assert.equal(logged.status, 201, await logged.clone().text());
    assertSecurityHeaders(logged);
    assert.equal(logged.headers.get('cache-control'), 'no-store');
    assert.equal(await s.painCount(), 1);
    // A bare POST without a body (api('/assessment/next', { method: 'POST' })) needs no content type.
    const bare = await s.send('/api/assessment/next', { method: 'POST', headers: dashboard });
    assert.equal(bare.status, 200, await bare.clone().text());
    // An upload (upload-client.ts): raw bytes as application/octet-stream, larger than any JSON body.
    const upload = await s.send('/api/imports?name=big.gpx', {
      method: 'POST',
      headers: { ...dashboard, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(JSON_BODY_LIMIT_BYTES + 500_000).fill(0x20),
    });
    assert.equal(upload.status, 202, await upload.clone().text());
    const { job } = (await upload.json()) as { job: { id: string } };
    const cancelled = await s.send(`/api/imports/${job.id}`, { method: 'DELETE', headers: dashboard });
    assert.equal(cancelled.status, 200);
    // Tools without a browser send neither Origin nor Sec-Fetch-Site.
    const curl = await s.send('/api/pain', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ date: '2025-05-21', during: 2 }),
    });
    assert.equal(curl.status, 201);
  } finally {
    await s.close();
  }
});

dbTest('a JSON body over 1 MB is a 413 before it is read, with or without a Content-Length', async (tdb) => {
  const s = await setup(tdb);
  try {
    const json = { 'content-type': 'application/json' };
    // A Content-Length over the limit is refused without reading a byte: the body here is never consumed.
    const claimed = await errorOf(
      await s.send('/api/pain', {
        method: 'POST',
        headers: { ...json, 'content-length': String(280 * 1024 ** 2) },
        body: chunked(10),
      }),
      413,
    );
    assert.equal(claimed.code, 'BODY_TOO_LARGE');
    assert.match(claimed.message, /^body: at most 1024 KB of JSON; send files to POST \/api\/imports$/);
    // No length: counted as it arrives, and refused as soon as it passes the limit.
    const streamed = await errorOf(
      await s.send('/api/settings', { method: 'PUT', headers: json, body: chunked(3 * 1024 ** 2) }),
      413,
    );
    assert.equal(streamed.code, 'BODY_TOO_LARGE');
    const huge = await errorOf(
      await s.send('/api/pain', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ during: 3, note: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }),
      }),
      413,
    );
    assert.equal(huge.code, 'BODY_TOO_LARGE');
    // Under the limit the route's own rules answer (the note is too long for a journal entry).
    const under = await errorOf(
      await s.send('/api/pain', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ during: 3, note: 'x'.repeat(JSON_BODY_LIMIT_BYTES - 100) }),
      }),
      400,
    );
    assert.equal(under.code, 'INVALID_REQUEST');
    assert.equal(await s.painCount(), 0);
  } finally {
    await s.close();
  }
});

dbTest('malformed addresses and impossible dates are 400s that say what was wrong', async (tdb) => {
  const s = await setup(tdb);
  try {
    for (const path of ['/%', '/%E0%A4%A', '/api/%', '/api/pain?from=%E0%A4%A', '/api/routines/%zz']) {
      const bad = await errorOf(await s.send(path), 400);
      assert.equal(bad.code, 'BAD_URL', path);
      assert.match(bad.message, /is not valid percent-encoding \(a % must be followed by two hex digits/);
    }
    const dates: [string, RegExp][] = [
      ['/api/activities?from=2024-13-45', /^query\.from: expected a calendar date as YYYY-MM-DD$/],
      ['/api/activities?to=99999-01-01', /^query\.to: expected a calendar date as YYYY-MM-DD$/],
      ['/api/today?asOf=9999-12-31', /^query\.asOf: expected a date from 1900-01-01 to 2199-12-31$/],
      ['/api/load?asOf=0001-01-01', /^query\.asOf: expected a date from 1900-01-01 to 2199-12-31$/],
      ['/api/plan?start=9999-12-27', /^query\.start: expected a date from 1900-01-01 to 2199-12-31$/],
      ['/api/plan.ics?start=9999-12-27', /^query\.start: expected a date from/],
      ['/api/journal/calendar?from=9999-01-01&to=9999-12-31', /^query\.from: expected a date from/],
      ['/api/why?onset=2025-02-30', /^query\.onset: expected a calendar date/],
    ];
    for (const [path, message] of dates) {
      const bad = await errorOf(await s.send(path), 400);
      assert.equal(bad.code, 'INVALID_REQUEST', path);
      assert.match(bad.message, message, path);
    }
    // The edges of the range still work end to end.
    for (const path of [
      '/api/today?asOf=2199-12-31',
      '/api/plan?start=2199-12-31',
      '/api/load?asOf=1900-01-01',
    ]) {
      assert.equal((await s.send(path)).status, 200, path);
    }
  } finally {
    await s.close();
  }
});

dbTest(
  'every answer carries the security headers; the API is never cached; only the report may be framed',
  async (tdb) => {
    const s = await setup(tdb);
    try {
      const answers: [Response, number][] = [
        [await s.send('/api/health'), 200],
        [await s.send('/api/no-such-route'), 404],
        [await s.send('/api/health', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }), 403],
        [
          await s.send('/api/pain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
          415,
        ],
        [
          await s.send('/api/pain', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{',
          }),
          400,
        ],
      ];
      for (const [response, status] of answers) {
        assert.equal(response.status, status);
        assertSecurityHeaders(response);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(response.headers.get('cross-origin-resource-policy'), 'same-origin');
      }
      const report = await s.send('/api/report.html');
      assert.equal(report.status, 200);
      assert.equal(report.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.match(report.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal(report.headers.get('cache-control'), 'no-store');
    } finally {
      await s.close();
    }
  },
);
