import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Hono } from 'hono';
import { markServerMode, SERVER_MODE_META, serveServerWeb } from './server-page.ts';

const PAGE =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n  </head>\n  <body></body>\n</html>\n';

test('the page is marked once, as the head’s first element', () => {
  const marked = markServerMode(PAGE);
  assert.equal(marked.split(SERVER_MODE_META).length, 2);
  assert.ok(marked.indexOf(SERVER_MODE_META) < marked.indexOf('<meta charset'));
  assert.equal(markServerMode('<p>no head</p>'), '<p>no head</p>');
});

test('server mode marks every app page (/, /join, /athletes/…/) and leaves assets and the API alone', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kneewise-server-page-'));
  try {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), PAGE);
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("<head>")');
    const app = new Hono();
    app.use('*', serveServerWeb(root));
    app.get('/api/x', (c) => c.json({ ok: true }));
    for (const path of ['/', '/join', '/athletes/01J/', '/reset-password']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.ok((await response.text()).includes(SERVER_MODE_META), path);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
    }
    const head = await app.request('/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(await (await app.request('/assets/app.js')).text(), 'console.log("<head>")');
    assert.deepEqual(await (await app.request('/api/x')).json(), { ok: true });
    assert.equal((await app.request('/missing.png')).status, 404);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
