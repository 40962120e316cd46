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
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/http/web-build.ts';
import { seedTenYears } from './support/ten-year-history.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SOURCE_RUNS = 3;

const BUILT = [join(ROOT, 'bin', 'kneewise.js')];
const SOURCE = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time of one process from spawn to exit; fails loudly on a non-zero exit. */
function timeProcess(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`kneewise ${args.slice(-3).join(' ')} exited with ${code}: ${err}`));
    });
  });
}

/** Spawn to the URL line of `serve`, then a clean stop. */
function timeServeReady(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    child.once('exit', (code) =>
      reject(new Error(`kneewise serve exited with ${code} before printing its URL`)),
    );
    createInterface({ input: child.stdout }).once('line', (line) => {
      const elapsed = performance.now() - t0;
      child.removeAllListeners('exit');
      if (!line.startsWith('http://127.0.0.1:')) reject(new Error(`unexpected first line: ${line}`));
      child.once('exit', () => resolve(elapsed));
      child.kill('SIGTERM');
    });
  });
}

async function measure(label: string, target: number, time: (base: string[]) => Promise<number>) {
  const built: number[] = [];
  for (let i = 0; i < RUNS; i++) built.push(await time(BUILT));
  const source: number[] = [];
  for (let i = 0; i < SOURCE_RUNS; i++) source.push(await time(SOURCE));
  const m = median(built);
  console.log(
    `${label.padEnd(28)} built: median ${m.toFixed(0)} ms, best ${Math.min(...built).toFixed(0)} ms ` +
      `(target ≤ ${target} ms: ${m <= target ? 'met' : 'NOT met'}) | from source through tsx: median ` +
      `${median(source).toFixed(0)} ms`,
  );
}

const benchDir = join(ROOT, '.bench');
mkdirSync(benchDir, { recursive: true });
const db = join(benchDir, 'cli-ten-years.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
const seeded = await seedTenYears(db);
await ensureWebBuild((line) => console.error(line));
if (!existsSync(join(ROOT, 'dist', 'cli', 'commands.json'))) throw new Error('Build first: npm run build');

const node = await timeProcess(['-e', '0']);
console.log(
  `kneewise start-up, ${RUNS} runs each (load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; a bare \`node -e 0\` takes ${node.toFixed(0)} ms here)`,
);
await measure('--help', 150, (base) => timeProcess([...base, '--help']));
await measure(`status (${seeded.runs} runs, 10 years)`, 300, (base) =>
  timeProcess([...base, '--db', db, 'status']),
);
await measure('serve until ready', 500, (base) =>
  timeServeReady([...base, '--db', db, 'serve', '--port', '0']),
);
for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
