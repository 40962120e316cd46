/**
 * `kneewise serve --server --workers 2` as a real process: two server processes on one port, each answering
 * requests (each names itself in a header only when KNEEWISE_TEST_ANSWERED_BY=1), with everything a request
 * relies on shared through PostgreSQL: a session made through one is good on the other, failed logins through
 * both count together, an athlete's import job answers whichever process the connection reaches. A process
 * killed is started again; SIGTERM stops them all, after the request under way, and the command exits 0.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { cliWithEnv } from '../../../test/support/cli-in-process.ts';
import { CLI_ARGS } from '../../../test/support/cli-process.ts';
import { ANSWERED_BY_HEADER } from '../http/server.ts';
import { PASSWORD, pgTest, tokenOf } from '../server-test.support.ts';

interface Answer {
  status: number;
  pid: number;
  cookie: string | null;
  body: string;
}

/** One request on a connection of its own, so the cluster hands each to the next process in turn. */
function fresh(
  base: string,
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; bytes?: Uint8Array } = {},
): Promise<Answer> {
  const body =
    options.json !== undefined
      ? Buffer.from(JSON.stringify(options.json))
      : options.bytes
        ? Buffer.from(options.bytes)
        : null;
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.bytes) headers['content-type'] = 'application/octet-stream';
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          pid: Number(res.headers[ANSWERED_BY_HEADER]),
          cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

function startServer(url: string) {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, '--db', url, 'serve', '--server', '--port', '0', '--workers', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KNEEWISE_TEST_ANSWERED_BY: '1' } },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: string[] = [];
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`serve --server exited with ${code}: ${stderr}`)));
  });
  firstLine.catch(() => {});
  return { child, exited, firstLine, stdoutLines: lines, stderr: () => stderr };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

pgTest(
  'serve --server --workers 2: two processes answer, sessions, login throttling and import jobs hold across them',
  async (url) => {
    const created = await cliWithEnv([
      '--db',
      url,
      'admin',
      'create-org',
      'North Clinic',
      '--owner',
      'boss@north.test',
    ]);
    assert.equal(created.code, 0, created.err);
    const invited = await cliWithEnv([
      '--db',
      url,
      'admin',
      'invite',
      'North Clinic',
      'runner@north.test',
      '--athlete',
    ]);
    assert.equal(invited.code, 0, invited.err);

    const server = startServer(url);
    try {
      const base = await server.firstLine;
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      await until('the start-up line', () => /with 2 server processes/.test(server.stderr()));

      // Joining and signing in, each on its own connection; then the session on many more.
      const joined = await fresh(base, 'POST', '/api/join', {
        json: { token: tokenOf(created.out.trim()), displayName: 'Boss', password: PASSWORD },
      });
      assert.equal(joined.status, 201, joined.body);
      const runnerJoined = await fresh(base, 'POST', '/api/join', {
        json: { token: tokenOf(invited.out.trim()), displayName: 'Runner', password: PASSWORD },
      });
      assert.equal(runnerJoined.status, 201, runnerJoined.body);
      const login = await fresh(base, 'POST', '/api/auth/login', {
        json: { email: 'boss@north.test', password: PASSWORD },
      });
      assert.equal(login.status, 200, login.body);
      assert.ok(login.cookie);
      // The runner signs in before their account is throttled below.
      const runnerLogin = await fresh(base, 'POST', '/api/auth/login', {
        json: { email: 'runner@north.test', password: PASSWORD },
      });
      assert.equal(runnerLogin.status, 200, runnerLogin.body);
      const answeredBy = new Set<number>();
      for (let i = 0; i < 12; i++) {
        const me = await fresh(base, 'GET', '/api/auth/me', { cookie: login.cookie });
        assert.equal(me.status, 200, me.body);
        assert.match(me.body, /boss@north\.test/);
        answeredBy.add(me.pid);
      }
      assert.equal(answeredBy.size, 2, 'both processes answered, each accepting the one session');
      assert.ok(answeredBy.has(login.pid), 'including the one that made it');
      const workers = [...answeredBy];

      // Five wrong passwords through both processes: neither saw five, yet the account is throttled.
      const failedOn = new Set<number>();
      for (let i = 0; i < 5; i++) {
        const wrong = await fresh(base, 'POST', '/api/auth/login', {
          json: { email: 'runner@north.test', password: 'not the password at all' },
        });
        assert.equal(wrong.status, 401, wrong.body);
        failedOn.add(wrong.pid);
      }
      assert.equal(failedOn.size, 2, 'the failures went through both processes');
      for (let i = 0; i < 2; i++) {
        const refused = await fresh(base, 'POST', '/api/auth/login', {
          json: { email: 'runner@north.test', password: PASSWORD },
        });
        assert.equal(refused.status, 429, refused.body);
        assert.match(refused.body, /LOGIN_THROTTLED/);
      }

      // The runner's session imports a run: the job is answered whichever process the
      // connection reaches (the other passes it to the one that holds it).
      const runner = runnerLogin.cookie;
      assert.ok(runner);
      const me = JSON.parse((await fresh(base, 'GET', '/api/auth/me', { cookie: runner })).body) as {
        athleteId: string;
      };
      const athlete = `/api/athletes/${me.athleteId}`;
      const job = await fresh(base, 'POST', `${athlete}/imports?name=morning.gpx`, {
        cookie: runner,
        bytes: buildGpx({ durationS: 900 }),
      });
      assert.equal(job.status, 202, job.body);
      const jobId = (JSON.parse(job.body) as { job: { id: string } }).job.id;
      const started = await fresh(base, 'POST', `${athlete}/imports/${jobId}/start`, { cookie: runner });
      assert.equal(started.status, 202, started.body);
      let state = '';
      const polledOn = new Set<number>();
      for (let i = 0; i < 200 && state !== 'done' && state !== 'failed'; i++) {
        const polled = await fresh(base, 'GET', `${athlete}/imports/${jobId}`, { cookie: runner });
        assert.equal(polled.status, 200, polled.body);
        polledOn.add(polled.pid);
        state = (JSON.parse(polled.body) as { job: { state: string } }).job.state;
        if (state !== 'done') await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(state, 'done');
      assert.deepEqual([...polledOn], [job.pid], 'one process holds the job and gives every answer about it');
      const runs = await fresh(base, 'GET', `${athlete}/activities`, { cookie: runner });
      assert.equal((JSON.parse(runs.body) as { activities: unknown[] }).activities.length, 1);

      // A process killed is started again, and both answer once more.
      const victim = workers.find((pid) => pid !== job.pid)!;
      process.kill(victim, 'SIGKILL');
      await until('the killed process to be replaced', () => /stopped unexpectedly/.test(server.stderr()));
      const after = new Set<number>();
      await until('two processes answering again', async () => {
        const answer = await fresh(base, 'GET', '/api/health');
        if (answer.status === 200) after.add(answer.pid);
        return after.size === 2 && [...after].some((pid) => !workers.includes(pid));
      });
      assert.equal(server.stdoutLines.length, 1, 'the URL is printed once, not again on a restart');

      // SIGTERM with an upload under way (its body still arriving): it finishes, then everything stops.
      const gpx = Buffer.from(buildGpx({ durationS: 600 }));
      const upload = request(new URL(`${athlete}/imports?name=evening.gpx`, base), {
        method: 'POST',
        agent: false,
        headers: { cookie: runner, 'content-type': 'application/octet-stream' },
      });
      const uploaded = new Promise<{ status: number; body: string }>((resolve, reject) => {
        upload.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        upload.on('error', reject);
      });
      upload.write(gpx.subarray(0, 200));
      await new Promise((r) => setTimeout(r, 500));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      upload.end(gpx.subarray(200));
      const answer = await uploaded;
      assert.equal(answer.status, 202, answer.body);
      assert.equal(await server.exited, 0, server.stderr());
      for (const pid of after) assert.equal(alive(pid), false, `server process ${pid} stopped`);
    } finally {
      server.child.kill('SIGKILL');
    }
  },
  180_000,
);

pgTest(
  'serve --server on a port already taken says so and exits 2, with one process or several',
  async (url) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as AddressInfo).port);
    try {
      for (const workers of ['1', '2']) {
        const child = spawn(
          process.execPath,
          [...CLI_ARGS, '--db', url, 'serve', '--server', '--port', port, '--workers', workers],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
        assert.equal(code, 2, `--workers ${workers}: ${stderr}`);
        assert.match(stderr, new RegExp(`port ${port} is already in use`));
      }
    } finally {
      taken.close();
    }
  },
);
