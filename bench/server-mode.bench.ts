/**
 * `node --import tsx bench/server-mode.bench.ts`: what server mode's security costs, on a throwaway PostgreSQL
 * (KNEEWISE_TEST_POSTGRES, else one started here). Prints medians and p95s:
 * - argon2id (19 MiB, t=2, p=1) hash and verify, and a whole login request;
 * - one athlete's dashboard routes read by a clinician through server mode (session lookup, the bulk access
 *   check, an audit row, a scoped transaction under row-level security) against the same routes of the
 *   single-runner app on the same database (no login, no policies).
 * Sequential requests on one connection each: the cost per request, not throughput.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/connection.ts';
import { addDays } from '../src/domain/load/calendar-day.ts';
import { createHttpApp } from '../src/http/app.ts';
import { athlete, orgWithOwner, PASSWORD, serverHarness } from '../src/server-mode/server-test.support.ts';
import { hashPassword, verifyPassword } from '../src/server-mode/services/secrets.ts';
import { storedActivityRow } from '../test/factories/activity-row.factory.ts';
import { scratchPostgres } from './support/scratch-postgres.ts';

const RUNS = 1_000;
const REQUESTS = 100;

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const scratch = await scratchPostgres('kw_bench');
const url = scratch.url;

try {
  const hashes = await timeEach(10, () => hashPassword(PASSWORD));
  const hash = await hashPassword(PASSWORD);
  const verifies = await timeEach(10, () => verifyPassword(hash, PASSWORD));
  console.log(`argon2id hash: ${stats(hashes)}; verify: ${stats(verifies)}`);

  const h = await serverHarness(url);
  const { org, owner } = await orgWithOwner(h, 'Bench Clinic', 'owner@bench.test');
  const runner = await athlete(h, owner, org.id, 'runner@bench.test');
  await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
  const today = h.clock.now().toISOString().slice(0, 10);
  const rows = Array.from({ length: RUNS }, (_, i) =>
    storedActivityRow(runner.athleteId, i, addDays(today, -RUNS + i), 6000 + (i % 7) * 1000, h.clock.now(), {
      id: `bench-run-${i}`,
    }),
  );
  for (let i = 0; i < rows.length; i += 500)
    await h.store.system
      .insertInto('activities')
      .values(rows.slice(i, i + 500))
      .execute();

  const logins = await timeEach(5, () =>
    owner.json('POST', '/api/auth/login', 200, { email: 'owner@bench.test', password: PASSWORD }),
  );
  console.log(`POST /api/auth/login: ${stats(logins)}`);

  const scratchDir = await mkdtemp(join(tmpdir(), 'kneewise-bench-'));
  const local = await openDatabase(url);
  const localApp = createHttpApp(
    { store: local, now: h.clock.now, pdfRenderer: null, scratchDir },
    { webRoot: null },
  );
  for (const route of ['activities?limit=50', 'today', 'load']) {
    const server = await timeEach(REQUESTS, () =>
      owner.json('GET', `/api/athletes/${runner.athleteId}/${route}`, 200),
    );
    // The local app reads "its" athlete: the first one, which is the same runner here.
    const single = await timeEach(REQUESTS, async () => {
      const r = await localApp.request(`http://127.0.0.1/api/${route}`);
      if (r.status !== 200) throw new Error(`${route}: ${r.status}`);
      await r.text();
    });
    console.log(
      `GET ${route} (${RUNS} runs): server mode ${stats(server)}; single-runner app ${stats(single)}`,
    );
  }
  await local.close();
  await rm(scratchDir, { recursive: true, force: true });
  await h.close();
} finally {
  await scratch.drop();
}
