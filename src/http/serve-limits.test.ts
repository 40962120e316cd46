/**
 * A real `kneewise serve` process under the two attacks that used to kill it, with its memory measured:
 * - a 280 MB body to POST /api/pain, with and without a Content-Length (it died with "invalid size error");
 * - 10,000 unique 4 KB paths (the static file cache kept every one until the heap ran out).
 * The server must answer 413 and then keep serving. What it keeps is its heap after a full garbage
 * collection (test/support/memory-probe.mjs, preloaded, reports it on a signal): that must not grow. Its
 * resident size is reported and bounded too, more loosely: V8 keeps pages it has collected for later use.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI_ARGS } from '../../test/support/cli-process.ts';
import { ensureWebBuild } from './web-build.ts';

const MEMORY_PROBE = fileURLToPath(new URL('../../test/support/memory-probe.mjs', import.meta.url));
const MB = 1024 ** 2;

interface Memory {
  /** Resident set size, MB. */
  rss: number;
  /** Heap in use after a full collection, MB. */
  heap: number;
}

async function startServe() {
  // Built here first, so the server does not build it itself (Vite would sit in the memory measured).
  await ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-serve-limits-'));
  const args = ['--db', join(dir, 'k.sqlite'), 'serve', '--port', '0'];
  const child = spawn(process.execPath, ['--expose-gc', '--import', MEMORY_PROBE, ...CLI_ARGS, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let onMemory: ((memory: Memory) => void) | null = null;
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('KNEEWISE_MEMORY ')) {
      stderr += `${line}\n`;
      return;
    }
    const m = JSON.parse(line.slice('KNEEWISE_MEMORY '.length)) as {
      rss: number;
      heapUsed: number;
      gc: boolean;
    };
    assert.ok(m.gc, 'the server collects garbage on request');
    onMemory?.({ rss: m.rss / MB, heap: m.heapUsed / MB });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    child,
    url: new URL(url),
    exited,
    /** Collects garbage in the server and reads its memory. */
    memory: () =>
      new Promise<Memory>((resolve) => {
        onMemory = resolve;
        child.kill('SIGUSR2');
      }),
    stderr: () => stderr,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body written before the server closed the connection (or all of them). */
  sent: number;
}

/**
 * POSTs `totalBytes` of JSON-looking bytes over a plain socket, from one reused 1 MB buffer (the test stays
 * small), with or without a Content-Length (chunked). Like an attacker, it goes on sending after the answer,
 * until every byte is sent or the server closes the connection.
 */
function postHuge(url: URL, path: string, totalBytes: number, withLength: boolean): Promise<Answer> {
  const chunk = Buffer.alloc(MB, 0x20);
  chunk.write('{"note":"');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let sent = 0;
    let received = '';
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: ${url.host}`,
      'Content-Type: application/json',
      withLength ? `Content-Length: ${totalBytes}` : 'Transfer-Encoding: chunked',
    ];
    const finish = () => {
      const [top = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no answer after ${sent} bytes: ${received.slice(0, 200)}`));
      else resolve({ status, body, sent });
    };
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      received += d;
    });
    // Once answered, the server may stop reading and close: what counts is the answer.
    socket.on('error', () => {});
    socket.on('close', finish);
    const write = () => {
      while (sent < totalBytes && !socket.destroyed) {
        const piece = totalBytes - sent >= MB ? chunk : chunk.subarray(0, totalBytes - sent);
        sent += piece.length;
        const ok = withLength
          ? socket.write(piece)
          : socket.write(`${piece.length.toString(16)}\r\n`) && socket.write(piece) && socket.write('\r\n');
        if (!ok) {
          socket.once('drain', write);
          return;
        }
      }
      if (socket.destroyed) return;
      if (!withLength) socket.write('0\r\n\r\n');
      socket.end();
    };
    socket.once('connect', () => {
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      write();
    });
  });
}

/** GETs every path over a few keep-alive connections; returns the count per status. */
async function getAll(url: URL, paths: readonly string[], parallel = 8): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get(new URL(path, url), { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', reject);
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  agent.destroy();
  return statuses;
}

/** Unique paths of about 4 KB: app routes (→ the page), missing files (→ 404) and unknown API paths (→ 404). */
function uniquePaths(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const noise = randomBytes(2000).toString('hex');
    if (i % 3 === 0) return `/${noise}`;
    if (i % 3 === 1) return `/assets/${noise}.js`;
    return `/api/${noise}?q=${i}`;
  });
}

async function healthy(url: URL): Promise<void> {
  const response = await fetch(new URL('/api/health', url));
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { ok: boolean }).ok, true);
}

test('kneewise serve refuses a 280 MB JSON body with 413, serves 10,000 unique paths, and keeps nothing of them', {
  timeout: 900_000,
}, async (t) => {
  const serve = await startServe();
  try {
    const { url } = serve;
    // Warm up: the page, its script, the API and a few hundred unknown paths, so what follows measures growth.
    const page = await (await fetch(url)).text();
    const script = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script);
    assert.equal((await fetch(new URL(script, url))).status, 200);
    await healthy(url);
    await getAll(url, uniquePaths(300));
    const start = await serve.memory();

    for (const withLength of [true, false]) {
      const answer = await postHuge(url, '/api/pain', 280 * MB, withLength);
      assert.equal(answer.status, 413, answer.body);
      const error = (JSON.parse(answer.body) as { error: { code: string } }).error;
      assert.equal(error.code, 'BODY_TOO_LARGE');
      const how = withLength ? 'with' : 'without';
      t.diagnostic(
        `280 MB body ${how} Content-Length: 413; ${(answer.sent / MB).toFixed(0)} MB sent before the server closed`,
      );
      await healthy(url);
    }
    const afterBodies = await serve.memory();
    const pain = (await (await fetch(new URL('/api/pain', url))).json()) as { entries: unknown[] };
    assert.deepEqual(pain.entries, [], 'nothing was stored');

    const began = Date.now();
    const statuses = await getAll(url, uniquePaths(10_000));
    assert.equal(statuses.get(200), 3334, 'app paths get the page');
    assert.equal(statuses.get(404), 6666, 'missing files and unknown API paths are 404s');
    await healthy(url);
    const afterPaths = await serve.memory();

    const show = (m: Memory) => `heap ${m.heap.toFixed(1)} MB, RSS ${m.rss.toFixed(1)} MB`;
    t.diagnostic(`serve at start: ${show(start)}`);
    t.diagnostic(`after two 280 MB bodies: ${show(afterBodies)}`);
    t.diagnostic(`after 10,000 unique 4 KB paths (${Date.now() - began} ms): ${show(afterPaths)}`);
    // Keeping the bodies would be 560 MB; keeping the paths, 40 MB.
    assert.ok(afterBodies.heap - start.heap < 10, 'the bodies left nothing on the heap');
    assert.ok(afterPaths.heap - afterBodies.heap < 10, 'the paths left nothing on the heap');
    assert.ok(afterBodies.rss - start.rss < 30, 'the bodies were never held in memory');
    // Retaining the paths would show on the heap after GC (above). The process's RSS after 10,000 requests
    // also holds memory the allocator freed but kept (sockets, buffers): 6 MB on a quiet machine, up to 49 MB
    // seen with two other test suites running; the bound only catches a process that kept growing.
    assert.ok(afterPaths.rss - afterBodies.rss < 80, 'the paths did not grow the process');

    serve.child.kill('SIGTERM');
    assert.equal(await serve.exited, 0, serve.stderr());
  } finally {
    serve.child.kill('SIGKILL');
    serve.cleanup();
  }
});
