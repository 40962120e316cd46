/**
 * `npm run bench:server-scale [-- athletes years users seconds] [--workers 1,2] [--rounds R]` (default 1000 5
 * 50 30, one process, one round): the clinic server at
 * scale (issue 16 #8). On a throwaway PostgreSQL (KNEEWISE_TEST_POSTGRES, else one started here) it seeds
 * `athletes` runners × `years` of runs (bench/support/scale-seed.ts: four runs a week, summary columns, samples
 * for each runner's latest 8 runs only) and one organisation (25 clinicians sharing the runners, a coach
 * with 200), runs the nightly refresh's work for everyone (the roster's stored items), starts the real
 * server-mode HTTP app in its own process (`--workers 1,2`: the real `kneewise serve --server --workers N`
 * for each count in turn, `--rounds` times, interleaved, so each count meets the same machine load), signs
 * `users` people in (real logins, real cookies: every
 * clinician, the coach, the rest runners) and has them all use it at once for `seconds`, twice: each pausing
 * 1–3 s after an answer (people reading the page), then without pause (saturation: the most it answers);
 * first one clinician alone, one request after another (the cost of a request without queueing).
 * Members alternate their roster and one of their athletes' Today, runners open their own Today.
 * Prints p50/p95/p99 per route and overall, throughput, the server's CPU per request, seed time, database
 * size and the machine's load average; and per phase where the server's main thread spent it (on a CPU,
 * waiting for one, idle; summed over the server processes) and the database's backends (running a statement, idle in a transaction): a server
 * waiting on its pools or the database is idle, one short of CPU is not (bench/support/server-observer.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { encodeStreams, STREAM_ENCODING } from '../src/db/stream-codec.ts';
import { parseAnswers } from '../src/domain/assessment/answers.schema.ts';
import { assessKnee } from '../src/domain/assessment/assess.engine.ts';
import { openServerDatabase } from '../src/server-mode/repositories/server-database.ts';
import { hashPassword } from '../src/server-mode/services/secrets.ts';
import { createServerDeps } from '../src/server-mode/services/server-services.ts';
import { todayIn } from '../src/services/activity-history.service.ts';
import { systemTimeZone } from '../src/services/import/zone-offset.ts';
import { SEED_KNEE_ANSWERS } from '../test/factories/report-seed.fixture.ts';
import { CLI_ARGS } from '../test/support/cli-process.ts';
import { athleteEmail, athleteId, COACH_EMAIL, clinicianEmail, seedScale } from './support/scale-seed.ts';
import { scratchPostgres } from './support/scratch-postgres.ts';
import { describeMainThread, mainThreadTime, sampleBackends } from './support/server-observer.ts';

/** `--name value` out of the arguments; the rest stay positional. */
function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = process.argv.splice(at, 2);
  return value;
}
/** Server processes for each measured server (`--workers 1,2`); absent: the bench's own one-process server. */
const WORKER_COUNTS = flag('--workers')?.split(',').map(Number) ?? null;
const ROUNDS = Number(flag('--rounds') ?? 1);
if (WORKER_COUNTS?.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(ROUNDS) || ROUNDS < 1) {
  throw new Error('usage: --workers N[,N…] (whole numbers ≥ 1) --rounds R (≥ 1)');
}
const ATHLETES = Number(process.argv[2] ?? 1000);
const YEARS = Number(process.argv[3] ?? 5);
const USERS = Number(process.argv[4] ?? 50);
const SECONDS = Number(process.argv[5] ?? 30);
const CLINICIANS = 25;
const COACH_ATHLETES = 200;
const PASSWORD = 'scale bench password 1';
const WARM_UP_S = 5;

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms (${values.length} requests)`;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function syntheticHour(): Uint8Array {
  const n = 3600;
  const column = (f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
  return encodeStreams({
    timeS: Float64Array.from({ length: n }, (_, i) => i),
    latDeg: null,
    lonDeg: null,
    distanceM: Float64Array.from({ length: n }, (_, i) => i * 2.9),
    altitudeM: column((i) => 100 + 20 * Math.sin(i / 300)),
    speedMps: column((i) => 2.9 + 0.2 * Math.sin(i / 45)),
    heartRateBpm: column((i) => 140 + 10 * Math.sin(i / 600)),
    cadenceSpm: column((i) => 170 + (i % 7) / 2),
    powerW: null,
  });
}

/**
 * With KNEEWISE_BENCH_EXPLAIN=1: the plans of what every request pays under row-level security, as the
 * application role with a user set (what the scoped pool does per transaction).
 */
async function explain(client: pg.Client): Promise<void> {
  const as = async (userId: string, label: string, query: string) => {
    await client.query('begin');
    await client.query(`set local role kneewise_app`);
    await client.query(`select set_config('kneewise.user_id', $1, true)`, [userId]);
    const plan = await client.query(`explain (analyze, buffers, costs off) ${query}`);
    await client.query('rollback');
    console.log(`EXPLAIN as ${userId}: ${label}`);
    for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`  ${row['QUERY PLAN']}`);
  };
  await as('u-clin-1', "kw_athletes('training', 'read')", `select kw_athletes('training', 'read')`);
  await as('u-ath-1', "kw_athletes('training', 'read')", `select kw_athletes('training', 'read')`);
  await as(
    'u-ath-1',
    'Today’s history read (the load engine’s columns)',
    `select id, start_ms, distance_m from activities where athlete_id = '${athleteId(1)}' and excluded = 0 order by start_ms, id`,
  );
}

const scratch = await scratchPostgres('kw_scale_bench');
try {
  const store = await openServerDatabase(scratch.url);
  const today = todayIn(new Date(), systemTimeZone());
  const answers = parseAnswers(SEED_KNEE_ANSWERS);
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  console.log(`seeding ${ATHLETES} athletes × ${YEARS} years (load average ${load()})`);
  const seedStart = performance.now();
  await seedScale(
    client,
    {
      athletes: ATHLETES,
      years: YEARS,
      clinicians: CLINICIANS,
      coachAthletes: COACH_ATHLETES,
      streamsPerAthlete: 8,
      today,
      passwordHash: await hashPassword(PASSWORD),
      streamBlob: syntheticHour(),
      streamEncoding: STREAM_ENCODING,
      assessment: { answersJson: JSON.stringify(answers), resultJson: JSON.stringify(assessKnee(answers)) },
    },
    (line) => console.log(line),
  );
  const seedS = (performance.now() - seedStart) / 1000;
  const counts = await client.query<{ runs: string; streams: string; size: string; activities_size: string }>(
    `select (select count(*) from activities) as runs, (select count(*) from activity_streams) as streams,
       pg_size_pretty(pg_database_size(current_database())) as size,
       pg_size_pretty(pg_total_relation_size('activities')) as activities_size`,
  );
  const c = counts.rows[0]!;
  if (process.env.KNEEWISE_BENCH_EXPLAIN === '1') await explain(client);
  await client.end();
  console.log(
    `seeded in ${seedS.toFixed(1)} s: ${Number(c.runs).toLocaleString('en')} runs, ${Number(c.streams).toLocaleString('en')} with samples; ` +
      `database ${c.size} (activities with indexes ${c.activities_size})`,
  );

  // The nightly job's work for everyone: each athlete's attention items computed as them and stored.
  const deps = createServerDeps({
    store,
    settings: { publicUrl: 'http://127.0.0.1:1/', trustProxy: false },
    now: () => new Date(),
    pdfRenderer: null,
    scratchDir: '/tmp',
  });
  const refreshStart = performance.now();
  let next = 1;
  await Promise.all(
    [0, 1].map(async () => {
      while (next <= ATHLETES) await deps.roster.refresh.refresh(athleteId(next++));
    }),
  );
  const refreshS = (performance.now() - refreshStart) / 1000;
  console.log(
    `nightly refresh of ${ATHLETES} athletes (2 at a time): ${refreshS.toFixed(1)} s (${((refreshS * 1000) / ATHLETES).toFixed(0)} ms each)`,
  );
  await deps.roster.alerts.stop();
  await store.close();

  const measure = async (workers: number | null) => {
    // The bench's own one-process server, or the real command with its server processes.
    const args =
      workers === null
        ? ['--import', 'tsx', 'bench/support/clinic-server.ts', scratch.url]
        : [
            ...CLI_ARGS,
            '--db',
            scratch.url,
            'serve',
            '--server',
            '--port',
            '0',
            '--workers',
            String(workers),
          ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const base = String((await lines.next()).value).trim();
    // The processes answering: the one started, or (several) its children.
    const serverPids = async (): Promise<number[]> => {
      if (workers === null || workers === 1) return [child.pid!];
      const { readFile } = await import('node:fs/promises');
      const children = await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8');
      const pids = children.trim().split(/\s+/).filter(Boolean).map(Number);
      // Only the server processes: not, say, the esbuild service a dashboard build left running.
      const servers: number[] = [];
      for (const pid of pids) {
        const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        if (command.split('\0').includes('--server')) servers.push(pid);
      }
      return servers;
    };
    const label = workers === null ? '' : `[${workers} server process${workers === 1 ? '' : 'es'}] `;
    const observer = new pg.Client({ connectionString: scratch.url });
    try {
      await observer.connect();
      const login = async (email: string) => {
        const response = await fetch(new URL('/api/auth/login', base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
        await response.text();
        return response.headers.getSetCookie()[0]!.split(';')[0]!;
      };
      const staffEmails = [
        ...Array.from({ length: CLINICIANS }, (_, j) => clinicianEmail(j + 1)),
        COACH_EMAIL,
      ];
      const people: { email: string; staff: boolean; cookie: string; athletes: string[] }[] = [];
      for (let i = 0; i < USERS; i++) {
        const staff = i < staffEmails.length;
        const email = staff ? staffEmails[i]! : athleteEmail(1 + ((i * 37) % ATHLETES));
        people.push({
          email,
          staff,
          cookie: await login(email),
          athletes: staff ? [] : [athleteId(1 + ((i * 37) % ATHLETES))],
        });
      }
      const get = async (cookie: string, path: string) => {
        const t0 = performance.now();
        const response = await fetch(new URL(path, base), { headers: { cookie } });
        const text = await response.text();
        if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
        return { ms: performance.now() - t0, body: text };
      };
      for (const p of people.filter((q) => q.staff)) {
        const roster = JSON.parse((await get(p.cookie, '/api/server/roster')).body) as {
          athletes: { athleteId: string; source: string }[];
        };
        p.athletes = roster.athletes.map((a) => a.athleteId);
        const computed = roster.athletes.filter((a) => a.source !== 'stored').length;
        if (computed > 0) console.log(`note: ${p.email}'s roster computed ${computed} athletes on read`);
      }
      const cpuOf = async (pids: number[]) => {
        const { readFile } = await import('node:fs/promises');
        let ms = 0;
        for (const pid of pids) {
          const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
          ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 Hz ticks
        }
        return ms;
      };
      const threadTimeOf = async (pids: number[]) => {
        const each = await Promise.all(pids.map((pid) => mainThreadTime(pid)));
        if (each.some((t) => t === null)) return null;
        return {
          onCpuMs: each.reduce((sum, t) => sum + t!.onCpuMs, 0),
          waitingForCpuMs: each.reduce((sum, t) => sum + t!.waitingForCpuMs, 0),
        };
      };
      const staffCount = people.filter((p) => p.staff).length;
      console.log(
        `${USERS} people signed in (${staffCount} staff, ${USERS - staffCount} runners); load average ${load()}`,
      );
      /** Everyone at once for SECONDS (after a warm-up); `pause` is each person's wait after an answer. */
      const phase = async (title: string, pause: () => number, group = people) => {
        const times = new Map<string, number[]>([
          ['roster', []],
          ['today', []],
        ]);
        let measuring = false;
        let stop = false;
        const user = async (p: (typeof people)[number], seed: number) => {
          let turn = seed;
          while (!stop) {
            turn++;
            const route = p.staff && turn % 2 === 0 ? 'roster' : 'today';
            const athlete = p.athletes[(turn * 7919) % p.athletes.length]!;
            const path = route === 'roster' ? '/api/server/roster' : `/api/athletes/${athlete}/today`;
            const { ms } = await get(p.cookie, path);
            if (measuring) times.get(route)!.push(ms);
            const wait = pause();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          }
        };
        const running = group.map((p, i) => user(p, i));
        await new Promise((resolve) => setTimeout(resolve, WARM_UP_S * 1000));
        const pids = await serverPids();
        const cpu0 = await cpuOf(pids);
        const thread0 = await threadTimeOf(pids);
        const backends = sampleBackends(observer);
        measuring = true;
        const t0 = performance.now();
        await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
        measuring = false;
        const wallS = (performance.now() - t0) / 1000;
        const cpuMs = (await cpuOf(pids)) - cpu0;
        const thread1 = await threadTimeOf(pids);
        const backendStates = await backends.stop();
        const loadDuring = load();
        stop = true;
        await Promise.all(running);
        const all = [...times.values()].flat();
        console.log(
          `${label}${group.length} concurrent users, ${title}, ${SECONDS} s after ${WARM_UP_S} s warm-up:`,
        );
        console.log(`  GET /api/server/roster: ${percentiles(times.get('roster')!)}`);
        console.log(`  GET /api/athletes/:id/today: ${percentiles(times.get('today')!)}`);
        console.log(`  all: ${percentiles(all)}; throughput ${(all.length / wallS).toFixed(1)} requests/s`);
        console.log(
          `  server CPU ${(cpuMs / all.length).toFixed(1)} ms per request (${((cpuMs / (wallS * 1000)) * 100).toFixed(0)} % of one core); load average ${loadDuring} (1/5/15 min)`,
        );
        const thread = describeMainThread(thread0, thread1, wallS, all.length, pids.length);
        if (thread !== null) console.log(`  ${thread}`);
        if (backendStates !== null) console.log(`  PostgreSQL client backends (mean): ${backendStates}`);
      };
      // One clinician alone, one request after another: what a request costs without queueing behind others.
      await phase('one at a time', () => 0, people.slice(0, 1));
      // People reading what they opened (1–3 s) before the next click: the load a clinic's day puts on it.
      await phase('each pausing 1–3 s between requests', () => 1000 + Math.random() * 2000);
      // No pause at all: the most the server answers (latency is then users ÷ throughput).
      await phase('no pause (saturation)', () => 0);
    } finally {
      await observer.end().catch(() => {});
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of WORKER_COUNTS ?? [null]) await measure(workers);
  }
} finally {
  await scratch.drop();
}
