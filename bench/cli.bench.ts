/**
 * `npm run bench:cli`: how long the installed command takes to start, in fresh processes as a runner types it.
 *
 * - `kneewise --help`, and `kneewise status` on a ten-year history (~3,000 runs, the same history bench:web
 *   serves): wall time of the whole process, median and best of several runs.
 * - `kneewise serve`: from spawn until the URL line is printed (the server listens before it prints).
 * Each figure is printed for the built command (bin/kneewise.js → dist/cli, what `npm ci` or `npm run build`
 * makes and `npm pack` ships) and, for comparison, for the sources run through tsx (how bin/ started before).
 * The machine's load average is printed too: on a shared 2-core machine it moves every figure.
 * Targets (issue 15): --help ≤ 150 ms, status ≤ 300 ms, serve ready ≤ 500 ms, for the built command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/http/web-build.ts';
import { seedTenYears } from './support/ten-year-history.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SOURCE_RUNS = 3;

/**
 * Loaded first into every measured process: at exit it reports the CPU time the process used. On a busy machine
 * wall time includes waiting for a core; CPU time mostly does not, so both are printed.
 */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); " +
    "writeSync(2, '\\nKNEEWISE_BENCH_CPU ' + (u.user + u.system) / 1000 + '\\n'); });",
)}`;
const BUILT = ['--import', CPU_PROBE, join(ROOT, 'bin', 'kneewise.js')];
const SOURCE = ['--import', CPU_PROBE, '--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function cpuOf(stderr: string): number {
  const match = /KNEEWISE_BENCH_CPU ([\d.]+)/.exec(stderr);
  // A server stopped by a signal may end before the probe writes: its CPU figure is then unknown.
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Runs one process. Without `untilLine`, the time is spawn to exit (which must be 0); with it, spawn to the
 * first stdout line, after which the process is stopped with SIGTERM.
 */
function timeProcess(args: string[], untilLine?: RegExp): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let wallMs: number | null = null;
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.resume();
    if (untilLine) {
      createInterface({ input: child.stdout }).once('line', (line) => {
        wallMs = performance.now() - t0;
        if (!untilLine.test(line)) reject(new Error(`unexpected first line: ${line}`));
        child.kill('SIGTERM');
      });
    }
    child.once('close', (code) => {
      const wall = wallMs ?? performance.now() - t0;
      if (untilLine ? wallMs === null : code !== 0) {
        reject(new Error(`kneewise ${args.slice(-3).join(' ')} exited with ${code}: ${err}`));
      } else resolve({ wallMs: wall, cpuMs: cpuOf(err) });
    });
  });
}

/**
 * One timed run of the built command. Other work may edit src/ meanwhile, and bin/ refuses a build older than
 * src/: rebuild (untimed) before each run, and again if it was refused.
 */
async function timeBuilt(time: (base: string[]) => Promise<Sample>): Promise<Sample> {
  for (let attempt = 1; ; attempt++) {
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--cli', '--if-stale'], {
      stdio: 'inherit',
    });
    try {
      return await time(BUILT);
    } catch (error) {
      if (attempt === 5 || !/older than the sources/.test(String(error))) throw error;
    }
  }
}

function cpuMedian(samples: Sample[]): string {
  const known = samples.map((s) => s.cpuMs).filter((v) => !Number.isNaN(v));
  return known.length === 0 ? 'unknown' : `${median(known).toFixed(0)} ms`;
}

const fmt = (samples: Sample[]) =>
  `wall median ${median(samples.map((s) => s.wallMs)).toFixed(0)} ms (best ${Math.min(
    ...samples.map((s) => s.wallMs),
  ).toFixed(0)}), CPU median ${cpuMedian(samples)}`;

async function measure(label: string, target: number, time: (base: string[]) => Promise<Sample>) {
  const built: Sample[] = [];
  for (let i = 0; i < RUNS; i++) built.push(await timeBuilt(time));
  const source: Sample[] = [];
  for (let i = 0; i < SOURCE_RUNS; i++) source.push(await time(SOURCE));
  const met = median(built.map((s) => s.wallMs)) <= target ? 'met' : 'NOT met';
  console.log(`${label}, target ≤ ${target} ms (${met})`);
  console.log(`  built (bin/kneewise.js):    ${fmt(built)}`);
  console.log(`  sources through tsx:        ${fmt(source)}`);
}

const benchDir = join(ROOT, '.bench');
mkdirSync(benchDir, { recursive: true });
const db = join(benchDir, 'cli-ten-years.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
const seeded = await seedTenYears(db);
await ensureWebBuild((line) => console.error(line));
if (!existsSync(join(ROOT, 'dist', 'cli', 'commands.json'))) throw new Error('Build first: npm run build');

const bare: Sample[] = [];
for (let i = 0; i < 5; i++) bare.push(await timeProcess(['--import', CPU_PROBE, '-e', '0']));
console.log(
  `kneewise start-up, ${RUNS} runs each (built) and ${SOURCE_RUNS} (sources). Load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores; a bare \`node -e 0\` here: ${fmt(bare)}`,
);
await measure('--help', 150, (base) => timeProcess([...base, '--help']));
await measure(`status on a ten-year history (${seeded.runs} runs)`, 300, (base) =>
  timeProcess([...base, '--db', db, 'status']),
);
await measure('serve, until its URL is printed', 500, (base) =>
  timeProcess([...base, '--db', db, 'serve', '--port', '0'], /^http:\/\/127\.0\.0\.1:\d+\/?$/),
);
for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
