/**
 * `npm run bench:web`: how fast the dashboard shows a 10-year history, and how fast the API answers under load.
 *
 * 1. Seeds a fresh SQLite file with ten years of training ending today (~3,000 runs plus cross-training), a pain
 *    episode in the journal and two pairs of shoes, then starts the real `kneewise serve` in its own process.
 * 2. Time to data: in headless Chromium, from navigation start until the Today screen shows the next-run ceiling
 *    and until the Training screen has drawn its charts. Cold (new browser context, empty cache) and warm
 *    (reload), median of several runs.
 * 3. API latency: the endpoints the screens call, hit by concurrent keep-alive clients on loopback; prints
 *    p50/p95/p99 per endpoint and overall.
 * Targets (issue #7): ≤ 1 s to data, API p95 ≤ 50 ms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/db/connection.ts';
import { ActivityRepository, type ActivityRow } from '../src/db/repositories/activity.repository.ts';
import { AthleteRepository } from '../src/db/repositories/athlete.repository.ts';
import { addDays } from '../src/domain/load/calendar-day.ts';
import type { LoadActivity } from '../src/domain/load/load-activity.ts';
import { ensureWebBuild } from '../src/http/web-build.ts';
import { JournalService } from '../src/services/journal.service.ts';
import { ShoeService } from '../src/services/shoe.service.ts';
import { buildHistory } from '../test/factories/history.factory.ts';
import { browserSkipReason, launchBrowser } from '../test/support/browser.ts';

const COLD_RUNS = 5;
const CONCURRENCY = 4;
const REQUESTS_PER_ENDPOINT = 300;
const ENDPOINTS = [
  '/api/overview',
  '/api/today',
  '/api/load',
  '/api/activities?sport=run',
  '/api/journal/calendar',
  '/api/shoes?includeRetired=true',
  '/api/why',
  '/api/settings',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

function toRow(a: LoadActivity, athleteId: string, importedAt: string): ActivityRow {
  return {
    id: a.id,
    athlete_id: athleteId,
    source: `bench/${a.id}.fit`,
    format: 'fit',
    external_id: a.id,
    sport: a.sport,
    raw_sport: a.sport,
    start_at: new Date(a.startMs).toISOString(),
    start_ms: a.startMs,
    local_date: a.localDate,
    utc_offset_s: 3600,
    local_date_basis: 'file',
    distance_m: a.distanceM,
    moving_time_s: a.movingTimeS,
    elapsed_time_s: a.elapsedTimeS,
    timer_time_s: a.movingTimeS,
    ascent_m: a.ascentM,
    descent_m: a.descentM,
    downhill_distance_m: a.downhillDistanceM,
    avg_heart_rate: a.avgHeartRate,
    max_heart_rate: a.avgHeartRate === null ? null : a.avgHeartRate + 20,
    avg_cadence_spm: a.avgCadenceSpm,
    avg_stride_m: a.avgStrideM,
    calories: null,
    device: 'bench',
    name: null,
    description: null,
    gear_name: null,
    shoe_id: null,
    sample_count: 0,
    richness: 1,
    summary_version: 'bench',
    imported_at: importedAt,
    is_demo: 0,
  };
}

async function seed(dbPath: string): Promise<{ runs: number; activities: number }> {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  // Start ten years back on a Monday-ish day; the history factory plants weeks from there.
  const history = buildHistory({
    years: 10,
    runsPerWeek: 6,
    seed: 7,
    startDate: addDays(today, -3650),
  }).filter((a) => a.localDate <= today);
  const store = await openDatabase(dbPath);
  try {
    const athlete = await new AthleteRepository(store.db).getOrCreateLocal(now.toISOString());
    const repo = new ActivityRepository(store.db);
    for (const a of history) await repo.insert(toRow(a, athlete.id, now.toISOString()), null);
    const shoes = new ShoeService(store.db, athlete, () => now);
    await shoes.add({
      name: 'Daily trainer',
      brand: 'Bench',
      model: 'One',
      startDistanceM: 0,
      defaultFor: ['run'],
    });
    await shoes.add({ name: 'Racer', brand: null, model: null, startDistanceM: 120_000, defaultFor: [] });
    const journal = new JournalService(store.db, athlete, () => now);
    for (const [back, after] of [
      [20, 5],
      [17, 4],
      [12, 3],
      [6, 2],
    ] as const) {
      await journal.log({
        date: addDays(today, -back),
        side: 'left',
        regions: ['anterior'],
        after,
        during: after - 1,
      });
    }
    return { runs: history.filter((a) => a.sport.endsWith('run')).length, activities: history.length };
  } finally {
    await store.close();
  }
}

async function startServe(dbPath: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/kneewise.js', '--db', dbPath, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`kneewise serve exited with ${code}`)));
  });
  return { url: firstLine.trim(), stop: () => child.kill('SIGTERM') };
}

async function timeToData(url: string): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`Time to data: skipped (${skip})`);
    return;
  }
  const browser = await launchBrowser();
  const screens = [
    { name: 'Today', hash: '#/today', ready: '[data-testid="today-ceiling"]' },
    { name: 'Training', hash: '#/training', ready: '[data-testid="training-charts"] .chart-canvas svg' },
  ];
  try {
    for (const screen of screens) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < COLD_RUNS; i += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let t0 = performance.now();
        await page.goto(`${url}${screen.hash}`);
        await page.waitForSelector(screen.ready, { timeout: 30_000 });
        cold.push(performance.now() - t0);
        t0 = performance.now();
        await page.reload();
        await page.waitForSelector(screen.ready, { timeout: 30_000 });
        warm.push(performance.now() - t0);
        await context.close();
      }
      cold.sort((a, b) => a - b);
      warm.sort((a, b) => a - b);
      console.log(
        `Time to data, ${screen.name.padEnd(8)}: cold median ${ms(percentile(cold, 50))} (max ${ms(cold.at(-1)!)}), ` +
          `warm median ${ms(percentile(warm, 50))} (max ${ms(warm.at(-1)!)})  [target ≤ 1000 ms]`,
      );
    }
  } finally {
    await browser.close();
  }
}

async function apiLatency(url: string): Promise<void> {
  const base = url.replace(/\/$/, '');
  const all: number[] = [];
  console.log(
    `\nAPI latency, ${CONCURRENCY} concurrent clients on loopback, ${REQUESTS_PER_ENDPOINT} requests each:`,
  );
  for (const endpoint of ENDPOINTS) {
    // Warm-up: the first request of a route pays for JIT and caches, as it does once per server start.
    for (let i = 0; i < 5; i += 1) await (await fetch(base + endpoint)).arrayBuffer();
    const times: number[] = [];
    let next = 0;
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS_PER_ENDPOINT) {
          next += 1;
          const start = performance.now();
          const response = await fetch(base + endpoint);
          await response.arrayBuffer();
          times.push(performance.now() - start);
          if (!response.ok) failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(
      `  ${endpoint.padEnd(32)} p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}` +
        `  p99 ${ms(percentile(times, 99)).padStart(9)}  ${(times.length / seconds).toFixed(0).padStart(5)} req/s` +
        (failures > 0 ? `  ${failures} FAILED` : ''),
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `  ${'all endpoints'.padEnd(32)} p50 ${ms(percentile(all, 50)).padStart(9)}  p95 ${ms(percentile(all, 95)).padStart(9)}` +
      `  p99 ${ms(percentile(all, 99)).padStart(9)}  [target p95 ≤ 50 ms]`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'kneewise-bench-web-'));
const dbPath = join(dir, 'kneewise.sqlite');
try {
  await ensureWebBuild((line) => console.log(line));
  const t0 = performance.now();
  const seeded = await seed(dbPath);
  console.log(
    `Seeded ${seeded.activities} activities (${seeded.runs} runs) over ten years in ${ms(performance.now() - t0)}`,
  );
  const server = await startServe(dbPath);
  try {
    await timeToData(server.url);
    await apiLatency(server.url);
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
