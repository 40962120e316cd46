/**
 * The serve warm-up asks the server for the page and the first data of every screen the boot script may ask
 * for (the same list), then the files the page names, each once, in order, taking gzip as a browser does; a
 * server that is gone by then leaves it quiet.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { FIRST_REQUESTS, SHELL_REQUEST } from '../../web/src/first-requests.ts';
import { assetsOfPage, firstScreenPaths, warmFirstScreens } from './warm-up.ts';

test('the warm-up list is the page, the overview, then each screen’s first requests once', () => {
  const paths = firstScreenPaths();
  assert.deepEqual(paths.slice(0, 2), ['/', `/api${SHELL_REQUEST}`]);
  for (const first of Object.values(FIRST_REQUESTS).flat()) assert.ok(paths.includes(`/api${first}`), first);
  assert.equal(new Set(paths).size, paths.length, 'no path twice');
  assert.ok(paths.includes('/api/today') && paths.includes('/api/load/range?days=84'));
});

const PAGE =
  '<script type="application/json">{"routes":{"training":{"modules":["/assets/training-3f.js"]}}}</script>' +
  '<script type="module" src="/assets/index-1a.js"></script><link rel="stylesheet" href="/assets/index-2b.css">';

test('the files a page names are its scripts, styles and the boot plan’s chunks, each once', () => {
  assert.deepEqual(assetsOfPage(PAGE + PAGE), [
    '/assets/training-3f.js',
    '/assets/index-1a.js',
    '/assets/index-2b.css',
  ]);
  assert.deepEqual(assetsOfPage('{"today":1}'), []);
});

test('warmFirstScreens asks for each path, then the files the page names, one after another', async () => {
  const asked: { path: string; encoding: string | undefined; open: number }[] = [];
  let open = 0;
  const server = createServer((request, response) => {
    open += 1;
    asked.push({ path: request.url ?? '', encoding: request.headers['accept-encoding'], open });
    if (request.url === '/') response.setHeader('content-type', 'text/html; charset=utf-8');
    // Answer late and in two parts: the next request must wait for the whole of this one.
    response.write(request.url === '/' ? PAGE : 'x'.repeat(100_000));
    setTimeout(() => {
      open -= 1;
      response.end('done');
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await warmFirstScreens(url, ['/', '/api/overview', '/api/today']);
    assert.deepEqual(
      asked.map((a) => a.path),
      [
        '/',
        '/api/overview',
        '/api/today',
        '/assets/training-3f.js',
        '/assets/index-1a.js',
        '/assets/index-2b.css',
      ],
    );
    assert.ok(asked.every((a) => a.encoding === 'gzip' && a.open === 1));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a server that is not there leaves the warm-up quiet', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  await warmFirstScreens(`http://127.0.0.1:${port}/`, ['/', '/api/today']);
});
