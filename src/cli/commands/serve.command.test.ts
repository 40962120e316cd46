/**
 * `kneewise serve` as a runner starts it: a real process, the URL on the first line of stdout, the dashboard
 * and the API on 127.0.0.1, and a clean stop on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { CLI_ARGS } from '../../../test/support/cli-process.ts';

function startServe(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-serve-'));
  const child = spawn(process.execPath, [...CLI_ARGS, '--db', join(dir, 'k.sqlite'), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  // A test that expects the process to fail never awaits the first line.
  firstLine.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    firstLine,
    exited,
    stderr: () => stderr,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

test('serve prints its 127.0.0.1 URL first, serves the dashboard and the API, and stops on SIGTERM', async () => {
  const serve = startServe(['--port', '0']);
  try {
    const url = await serve.firstLine;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<div id="app">/);
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, 'the page loads its bundled script from this server');
    assert.equal((await fetch(new URL(script, url))).status, 200);

    const health = (await (await fetch(new URL('api/health', url))).json()) as { ok: boolean };
    assert.equal(health.ok, true);

    serve.child.kill('SIGTERM');
    assert.equal(await serve.exited, 0);
  } finally {
    serve.child.kill('SIGKILL');
    serve.cleanup();
  }
});

test('serve rejects a bad port with exit 2 and says what it expected', async () => {
  const serve = startServe(['--port', 'eighty']);
  try {
    assert.equal(await serve.exited, 2);
    assert.match(serve.stderr(), /expected a port number 0–65535/);
  } finally {
    serve.cleanup();
  }
});
