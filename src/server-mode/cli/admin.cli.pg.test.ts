/**
 * `kneewise serve --server` and `kneewise admin …` as an administrator runs them: PostgreSQL required (a
 * SQLite database is refused naming the variable), links printed once, a real server process answering.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { cliWithEnv } from '../../../test/support/cli-in-process.ts';
import { CLI_ARGS } from '../../../test/support/cli-process.ts';
import { Client, PASSWORD, pgTest, serverHarness, tokenOf } from '../server-test.support.ts';

const cli = cliWithEnv;

test('serve --server on SQLite is refused, naming the variable to set', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-server-cli-'));
  try {
    const result = await cli(['--db', join(dir, 'k.sqlite'), 'serve', '--server', '--port', '0']);
    assert.equal(result.code, 2);
    assert.match(result.err, /server mode needs PostgreSQL: set --db \/ KNEEWISE_DB to postgres:\/\//);
    assert.match(result.err, /SERVER_NEEDS_POSTGRES/);
    const admin = await cli(['--db', join(dir, 'k.sqlite'), 'admin', 'reset', 'a@b.test']);
    assert.equal(admin.code, 2);
    assert.match(admin.err, /KNEEWISE_DB/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

pgTest('admin create-org, invite and reset print single-use links that work', async (url) => {
  const base = ['--db', url];
  const created = await cli([
    ...base,
    'admin',
    'create-org',
    'North Clinic',
    '--owner',
    'Boss@North.test',
    '--public-url',
    'http://kneewise.test/',
    '--json',
  ]);
  assert.equal(created.code, 0, created.err);
  const org = JSON.parse(created.out) as { organisation: { id: string }; url: string };
  assert.match(org.url, /^http:\/\/kneewise\.test\/join#token=[A-Za-z0-9_-]{43}$/);
  const again = await cli([...base, 'admin', 'create-org', 'North Clinic', '--owner', 'x@north.test']);
  assert.equal(again.code, 2);
  assert.match(again.err, /already exists/);

  const invited = await cli(
    [...base, 'admin', 'invite', 'North Clinic', 'coach@north.test', '--role', 'coach'],
    {
      KNEEWISE_PUBLIC_URL: 'http://kneewise.test/',
    },
  );
  assert.equal(invited.code, 0, invited.err);
  assert.match(invited.out.trim(), /^http:\/\/kneewise\.test\/join#token=/);
  const neither = await cli([...base, 'admin', 'invite', 'North Clinic', 'x@north.test']);
  assert.equal(neither.code, 2);
  assert.match(neither.err, /--role ROLE .* or --athlete/);
  const badRole = await cli([...base, 'admin', 'invite', 'North Clinic', 'x@north.test', '--role', 'boss']);
  assert.equal(badRole.code, 2);

  const h = await serverHarness(url);
  try {
    const owner = new Client(h.app);
    await owner.json('POST', '/api/join', 201, {
      token: tokenOf(org.url),
      displayName: 'Boss',
      password: PASSWORD,
    });
    const coach = new Client(h.app);
    await coach.json('POST', '/api/join', 201, {
      token: tokenOf(invited.out.trim()),
      displayName: 'Coach',
      password: PASSWORD,
    });
    await coach.json('POST', '/api/auth/login', 200, { email: 'coach@north.test', password: PASSWORD });
    const me = await coach.json<{ memberships: { role: string; orgName: string }[] }>(
      'GET',
      '/api/auth/me',
      200,
    );
    assert.deepEqual(me.memberships, [
      { orgId: org.organisation.id, orgName: 'North Clinic', role: 'coach' },
    ]);

    const reset = await cli([
      ...base,
      'admin',
      'reset',
      'coach@north.test',
      '--public-url',
      'http://kneewise.test/',
    ]);
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.out.trim(), /^http:\/\/kneewise\.test\/reset-password#token=/);
    await new Client(h.app).json('POST', '/api/auth/reset-password', 204, {
      token: tokenOf(reset.out.trim()),
      password: 'another long passphrase',
    });
    await coach.json('GET', '/api/auth/me', 401);
    const unknown = await cli([...base, 'admin', 'reset', 'nobody@north.test']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no account with the e-mail nobody@north\.test/);
  } finally {
    await h.close();
  }
});

pgTest('serve --server starts a real server that answers on its public address only', async (url) => {
  const child = spawn(process.execPath, [...CLI_ARGS, '--db', url, 'serve', '--server', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve --server exited with ${code}: ${stderr}`)));
    });
    assert.match(first, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('api/health', first));
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true, mode: 'server' });
    const anonymous = await fetch(new URL('api/athletes', first));
    assert.equal(anonymous.status, 401);
    const today = await fetch(new URL('api/today', first));
    assert.equal(today.status, 401, 'no single-runner route answers without a session');
  } finally {
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  }
});
