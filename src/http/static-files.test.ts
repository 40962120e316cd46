/**
 * The dashboard's file server: only the files of the build, read once at the start, are ever served or kept
 * in memory; app paths get index.html, missing files a 404; and 10,000 unique random paths leave the heap
 * where it was (a cache keyed by every path asked for grew to gigabytes).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { securityHeaders } from './security-headers.ts';
import { inlineScriptHashes, serveWeb, WebFiles } from './static-files.ts';

function buildFolder() {
  const root = mkdtempSync(join(tmpdir(), 'kneewise-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'assets', 'index-3f2a.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-3f2a.css'), 'body{}');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  return root;
}

function appFor(root: string, files: WebFiles) {
  return new Hono().use('*', serveWeb(root, files));
}

/** The heap after a full collection (the flag can be set at run time; `gc` then exists in a new context). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('serves the files of the build, index.html for app paths, and a 404 for a missing file', async () => {
  const root = buildFolder();
  try {
    const files = new WebFiles(root);
    const app = appFor(root, files);
    const page = await app.request('http://127.0.0.1/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(await page.text(), /<div id="app">/);
    for (const appPath of ['/journal', '/index.html', '/a/b/c']) {
      const response = await app.request(`http://127.0.0.1${appPath}`);
      assert.equal(response.status, 200, appPath);
      assert.match(await response.text(), /<div id="app">/);
    }
    const script = await app.request('http://127.0.0.1/assets/index-3f2a.js');
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await script.text(), 'console.log(1)');
    const icon = await app.request('http://127.0.0.1/favicon.svg');
    assert.equal(icon.headers.get('cache-control'), 'no-cache');

    // A file that is not in the build is never HTML in disguise: an old page asking for an old script gets a 404.
    for (const missing of ['/assets/index-old.js', '/robots.txt', '/%2e%2e/%2e%2e/etc/passwd.txt']) {
      const response = await app.request(`http://127.0.0.1${missing}`);
      assert.equal(response.status, 404, missing);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    }
    // Outside the build folder nothing is read, whatever the path says.
    const outside = await app.request('http://127.0.0.1/%2e%2e/%2e%2e/etc/passwd');
    assert.match(await outside.text(), /<div id="app">/, 'an unknown app path: the page, not the file');

    // The list is read once: a file written later is not served.
    writeFileSync(join(root, 'late.js'), 'late');
    assert.equal((await app.request('http://127.0.0.1/late.js')).status, 404);
    assert.deepEqual(
      { listed: files.stats().listed, cachedFiles: files.stats().cachedFiles },
      { listed: 4, cachedFiles: 3 },
      'the files asked for (not the stylesheet)',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files are kept in memory only within the byte budget; larger ones are read each time', async () => {
  const root = buildFolder();
  try {
    writeFileSync(join(root, 'assets', 'big.js'), 'x'.repeat(5000));
    const files = new WebFiles(root, { maxCachedBytes: 1000, maxFileBytes: 2000 });
    const app = appFor(root, files);
    assert.equal((await (await app.request('http://127.0.0.1/assets/big.js')).text()).length, 5000);
    assert.equal((await app.request('http://127.0.0.1/')).status, 200);
    const { cachedFiles, cachedBytes } = files.stats();
    assert.equal(cachedFiles, 1, 'index.html only');
    assert.ok(cachedBytes <= 1000);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('10,000 unique random paths of 2 KB keep nothing: the heap stays where it was', async (t) => {
  const root = buildFolder();
  try {
    const files = new WebFiles(root);
    const app = appFor(root, files);
    const ask = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const path = `/${randomBytes(1024).toString('hex')}${i % 3 === 0 ? '.js' : ''}`;
        const response = await app.request(`http://127.0.0.1${path}`);
        assert.equal(response.status, i % 3 === 0 ? 404 : 200);
        await response.arrayBuffer();
      }
    };
    await ask(500);
    const before = heapAfterGc();
    await ask(10_000);
    const after = heapAfterGc();
    const growthMb = (after - before) / 1024 ** 2;
    t.diagnostic(`heap after 10,000 unique 2 KB paths: ${growthMb.toFixed(1)} MB growth`);
    // Keeping the paths alone would be 20 MB.
    assert.ok(growthMb < 5, `heap grew ${growthMb.toFixed(1)} MB`);
    assert.deepEqual(
      { listed: files.stats().listed, cachedFiles: files.stats().cachedFiles },
      { listed: 4, cachedFiles: 1 },
      'only index.html was read',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the page’s inline scripts are hashed as the browser hashes them; data blocks and files are not', () => {
  const boot = 'fetch("/api/overview");';
  const html =
    '<head><script type="application/json" id="plan">{"routes":{}}</script>\n' +
    `<script>${boot}</script><script type="module" src="/assets/index.js"></script></head>`;
  const expected = `sha256-${createHash('sha256').update(boot).digest('base64')}`;
  assert.deepEqual(inlineScriptHashes(html), [expected]);
  assert.deepEqual(inlineScriptHashes('<div id="app"></div>'), []);
});

test('the page answer allows its own inline script by hash in the CSP, and nothing else does', async () => {
  const root = buildFolder();
  const boot = 'window.booted = 1;';
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><head><script>${boot}</script></head><div id="app"></div>`,
  );
  try {
    const app = new Hono().use('*', securityHeaders()).use('*', serveWeb(root, new WebFiles(root)));
    const hash = createHash('sha256').update(boot).digest('base64');
    const page = await app.request('http://127.0.0.1/');
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.match(policy, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    assert.match(policy, /default-src 'self'.*frame-ancestors 'none'/);
    const script = await app.request('http://127.0.0.1/assets/index-3f2a.js');
    assert.doesNotMatch(script.headers.get('content-security-policy') ?? '', /script-src|sha256/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scripts and styles go gzipped to a client that takes it, compressed once; the page and small files never', async () => {
  const root = buildFolder();
  const script = `export const weeks = [${Array.from({ length: 2000 }, (_, i) => i % 7).join(',')}];`;
  writeFileSync(join(root, 'assets', 'training-9c1d.js'), script);
  try {
    const files = new WebFiles(root);
    const app = appFor(root, files);
    const gzipHeaders = { 'accept-encoding': 'gzip, deflate, br' };
    const zipped = await app.request('http://127.0.0.1/assets/training-9c1d.js', { headers: gzipHeaders });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'accept-encoding');
    assert.equal(zipped.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    assert.ok(bytes.length * 3 < script.length, `${bytes.length} gzipped bytes of ${script.length}`);
    assert.equal(gunzipSync(bytes).toString('utf8'), script);
    const again = await app.request('http://127.0.0.1/assets/training-9c1d.js', { headers: gzipHeaders });
    assert.deepEqual(Buffer.from(await again.arrayBuffer()), bytes);
    assert.equal(files.stats().cachedBytes, script.length + bytes.length, 'the file and its gzip, kept once');

    const refused = await app.request('http://127.0.0.1/assets/training-9c1d.js', {
      headers: { 'accept-encoding': 'gzip;q=0' },
    });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.equal(await refused.text(), script);
    const small = await app.request('http://127.0.0.1/assets/index-3f2a.js', { headers: gzipHeaders });
    assert.equal(small.headers.get('content-encoding'), null);
    assert.equal(await small.text(), 'console.log(1)');
    writeFileSync(join(root, 'index.html'), `<!doctype html><div id="app"></div>${' '.repeat(4000)}`);
    const page = await appFor(root, new WebFiles(root)).request('http://127.0.0.1/', {
      headers: gzipHeaders,
    });
    assert.equal(page.headers.get('content-encoding'), null);
    assert.match(await page.text(), /<div id="app">/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
