/**
 * The listener of a server process that does not own the import jobs (`serve --server --workers N`): import-job
 * requests go to the owner unchanged (method, path and query, headers, the body as it streams), its answer
 * comes back as it gave it; every other request is answered locally; with no owner (restarting) 503.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { forwardingImportJobs, IMPORT_JOB_PATH } from './import-job-forwarding.ts';

async function listening(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('import-job routes are the athlete’s imports and nothing else', () => {
  for (const path of [
    '/api/athletes/a1/imports',
    '/api/athletes/a1/imports?name=x.gpx',
    '/api/athletes/a1/imports/j1',
    '/api/athletes/a1/imports/j1/files?name=y.fit',
    '/api/athletes/a1/imports/j1/start',
  ]) {
    assert.ok(IMPORT_JOB_PATH.test(path), path);
  }
  for (const path of [
    '/api/athletes/a1/today',
    '/api/athletes/a1/importsx',
    '/api/imports',
    '/api/athletes/a1/data',
  ]) {
    assert.ok(!IMPORT_JOB_PATH.test(path), path);
  }
});

test('an import-job request reaches the owner unchanged and its answer comes back; others stay here', async () => {
  const seen: { method: string; url: string; cookie: string; host: string; body: string }[] = [];
  const owner = await listening((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        cookie: String(req.headers.cookie),
        host: String(req.headers.host),
        body,
      });
      res.writeHead(202, { 'content-type': 'application/json', 'x-owner': 'yes' });
      res.end('{"job":{"id":"j1"}}');
    });
  });
  let ownerUrl: string | null = owner.url;
  const local = await listening(
    forwardingImportJobs(
      (_req, res) => {
        res.writeHead(200, { 'x-local': 'yes' });
        res.end('local');
      },
      () => ownerUrl,
    ),
  );
  try {
    const upload = await send(
      local.url,
      'POST',
      '/api/athletes/a1/imports?name=run.gpx',
      { cookie: 'kneewise_session=abc', 'content-type': 'application/octet-stream', host: 'kneewise.test' },
      Buffer.from('<gpx>…</gpx>'),
    );
    assert.equal(upload.status, 202);
    assert.equal(upload.headers['x-owner'], 'yes');
    assert.equal(upload.body, '{"job":{"id":"j1"}}');
    assert.deepEqual(seen, [
      {
        method: 'POST',
        url: '/api/athletes/a1/imports?name=run.gpx',
        cookie: 'kneewise_session=abc',
        host: 'kneewise.test',
        body: '<gpx>…</gpx>',
      },
    ]);

    const today = await send(local.url, 'GET', '/api/athletes/a1/today', {});
    assert.equal(today.body, 'local');
    assert.equal(seen.length, 1);

    ownerUrl = null;
    const restarting = await send(local.url, 'GET', '/api/athletes/a1/imports/j1', {});
    assert.equal(restarting.status, 503);
    assert.equal(restarting.headers['retry-after'], '5');
    assert.match(restarting.body, /IMPORTS_UNAVAILABLE/);

    // An owner that went away without a word yet: 503 too, not a hung request.
    ownerUrl = owner.url;
    await new Promise<void>((resolve) => owner.server.close(() => resolve()));
    const gone = await send(local.url, 'GET', '/api/athletes/a1/imports/j1', {});
    assert.equal(gone.status, 503);
  } finally {
    owner.server.close();
    local.server.close();
  }
});
