/**
 * `npm run bench:import`: a synthetic 10-year history — 3,000 FIT runs at 1 Hz, 30–90 minutes each — imported
 * by the built command line (dist/cli) as a folder of .fit files and as a Strava-style ZIP of .fit.gz, against
 * the official @garmin/fitsdk's bare decode of the same files; and our GPX/TCX parsers against bare saxes on
 * the same documents. Prints figures; asserts nothing. `--runs N` for a smaller history.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { decodeFit } from '../src/import/fit/fit.decoder.ts';
import { decodeWithOfficialSdk } from '../src/import/fit/fit-sdk-reference.ts';
import { parseGpx } from '../src/import/gpx/gpx.parser.ts';
import { parseTcx } from '../src/import/tcx/tcx.parser.ts';
import { SAXES_OPTIONS } from '../src/import/xml/xml-stream.reader.ts';
import { buildStravaActivitiesCsv } from '../test/factories/export.factory.ts';
import { buildFitRun } from '../test/factories/fit.factory.ts';
import { buildGpx } from '../test/factories/gpx.factory.ts';
import { buildTcx } from '../test/factories/tcx.factory.ts';
import { buildZip } from '../test/factories/zip-writer.ts';

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 3000;
const ROOT = new URL('../.bench/', import.meta.url).pathname;
const FIT_DIR = join(ROOT, `fit-${RUNS}`);
const ZIP_PATH = join(ROOT, `strava-${RUNS}.zip`);
const MEASURE = new URL('./support/measure-import.mjs', import.meta.url).pathname;
const BUILD = new URL('../scripts/build.mjs', import.meta.url).pathname;

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(): void {
  if (existsSync(FIT_DIR) && readdirSync(FIT_DIR).length === RUNS && existsSync(ZIP_PATH)) return;
  rmSync(FIT_DIR, { recursive: true, force: true });
  mkdirSync(FIT_DIR, { recursive: true });
  const rand = seeded(42);
  const start = Date.UTC(2016, 0, 4, 6, 30);
  const spacing = (10 * 365 * 86_400_000) / RUNS;
  const zipEntries: { path: string; data: Uint8Array; store?: boolean }[] = [];
  const csvRows = [];
  for (let i = 0; i < RUNS; i++) {
    const startMs = Math.round(start + i * spacing + rand() * 3_600_000);
    const durationS = Math.round(1800 + rand() * 3600);
    const bytes = buildFitRun({ startMs, durationS, seed: i + 1, withGps: true, withHr: true });
    const name = `${1_000_000 + i}.fit`;
    writeFileSync(join(FIT_DIR, name), bytes);
    zipEntries.push({ path: `export_1/activities/${name}.gz`, data: gzipSync(bytes), store: true });
    csvRows.push({
      id: 5_000_000 + i,
      type: 'Run',
      date: startMs,
      distanceM: 0,
      movingS: durationS,
      elapsedS: durationS,
      name: `Run ${i + 1}`,
      file: { name: `${name}.gz`, bytes },
    });
  }
  zipEntries.unshift({
    path: 'export_1/activities.csv',
    data: Buffer.from(buildStravaActivitiesCsv(csvRows)),
  });
  writeFileSync(ZIP_PATH, buildZip(zipEntries));
}

function measureImport(label: string, path: string) {
  const db = join(ROOT, `bench-${label}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  // Plain node, no tsx: the built command as a runner starts it.
  const result = spawnSync(process.execPath, [MEASURE, db, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as {
    ms: number;
    cpuMs: number;
    maxRssMB: number;
    imported: number;
    skipped: number;
  };
}

/**
 * Each of `fns` run `rounds` times, taking turns, and the fastest round of each, in wall time and in this thread's
 * CPU time: other work on the machine only ever makes a round slower, and taking turns gives every function the
 * same machine (and the same warmed-up code shared between them).
 */
function fastestInTurns(rounds: number, fns: (() => void)[]): { ms: number; cpuMs: number }[] {
  const best = fns.map(() => ({ ms: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY }));
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      fn();
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      best[i]!.ms = Math.min(best[i]!.ms, ms);
      best[i]!.cpuMs = Math.min(best[i]!.cpuMs, (used.user + used.system) / 1000);
    });
  }
  return best;
}

/**
 * saxes alone on the same bytes, with the options our reader gives it: decoded to text, every element seen,
 * nothing kept (not even the text, which our parsers must ask saxes for).
 */
function bareSaxes(bytes: Uint8Array): number {
  const parser = new SaxesParser(SAXES_OPTIONS);
  let elements = 0;
  parser.on('opentag', () => {
    elements++;
  });
  parser.write(new TextDecoder().decode(bytes)).close();
  return elements;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const built = spawnSync(process.execPath, [BUILD, '--cli', '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('could not build the command line (npm run build)');
console.log(`Generating ${RUNS} synthetic FIT runs (cached in .bench/)…`);
generate();
const files = readdirSync(FIT_DIR).map((f) => join(FIT_DIR, f));
const fitBytes = files.map((f) => readFileSync(f));
const totalMB = fitBytes.reduce((n, b) => n + b.length, 0) / 1e6;
const zipMB = statSync(ZIP_PATH).size / 1e6;
console.log(`${RUNS} files, ${fmt(totalMB, 1)} MB of FIT; Strava-style ZIP ${fmt(zipMB, 1)} MB\n`);

let t = performance.now();
let ourRecords = 0;
for (const b of fitBytes) ourRecords += decodeFit(b).activities[0]?.streams?.timeS.length ?? 0;
const oursMs = performance.now() - t;

t = performance.now();
const sdkCpuBefore = process.cpuUsage();
let sdkRecords = 0;
for (const b of fitBytes) sdkRecords += decodeWithOfficialSdk(b).records;
const sdkMs = performance.now() - t;
const sdkCpu = process.cpuUsage(sdkCpuBefore);
const sdkCpuMs = (sdkCpu.user + sdkCpu.system) / 1000;

const loadBefore = loadavg()[0]!;
const folder = measureImport('folder', FIT_DIR);
const zip = measureImport('zip', ZIP_PATH);
const loadAfter = loadavg()[0]!;

// GPX and TCX: one-hour runs at 1 Hz with heart rate and cadence, a tenth as many as the FIT runs.
const xmlRuns = Math.max(10, Math.round(RUNS / 10));
const XML_ROUNDS = 5;
const gpxFiles = Array.from({ length: xmlRuns }, (_, i) =>
  buildGpx({ startMs: Date.UTC(2020, 0, 1 + i, 7), durationS: 3600, heartRate: true, cadence: true }),
);
const tcxFiles = Array.from({ length: xmlRuns }, (_, i) =>
  buildTcx({ startMs: Date.UTC(2020, 0, 1 + i, 7), durationS: 3600, heartRate: true, cadence: true }),
);
const xml = (files: Uint8Array[], parse: (b: Uint8Array) => unknown) => {
  const [ours, bare] = fastestInTurns(XML_ROUNDS, [
    () => files.forEach(parse),
    () => files.forEach(bareSaxes),
  ]);
  return { mb: files.reduce((n, b) => n + b.length, 0) / 1e6, ours: ours!, bare: bare! };
};
const gpx = xml(gpxFiles, parseGpx);
const tcx = xml(tcxFiles, parseTcx);

console.log('FIT decode only (same bytes, in memory):');
console.log(
  `  @garmin/fitsdk ${fmt(sdkMs)} ms  ${fmt(totalMB / (sdkMs / 1000), 1)} MB/s  ${fmt(RUNS / (sdkMs / 1000))} files/s  (${fmt(sdkRecords)} records)`,
);
console.log(
  `  kneewise       ${fmt(oursMs)} ms  ${fmt(totalMB / (oursMs / 1000), 1)} MB/s  ${fmt(RUNS / (oursMs / 1000))} files/s  (${fmt(ourRecords)} records)  ${fmt(sdkMs / oursMs, 1)}× the SDK`,
);
console.log(
  `\nWhole import by the built command (start-up, read, decode, derive, store in SQLite; ${availableParallelism()} cores, load average ${fmt(loadBefore, 1)} → ${fmt(loadAfter, 1)}), fresh database, separate process:`,
);
for (const [label, r, mb] of [
  ['folder of .fit', folder, totalMB],
  ['Strava ZIP of .fit.gz', zip, zipMB],
] as const) {
  console.log(
    `  ${label.padEnd(22)} ${fmt(r.ms)} ms  ${fmt(r.imported / (r.ms / 1000))} activities/s  ${fmt(mb / (r.ms / 1000), 1)} MB/s  peak RSS ${fmt(r.maxRssMB)} MB  imported ${r.imported}, skipped ${r.skipped}  → ${fmt(sdkMs / r.ms, 2)}× faster than the SDK's bare decode`,
  );
  // CPU time of every thread: what the import costs whatever else runs on the machine (wall time does not).
  console.log(
    `  ${''.padEnd(22)} CPU ${fmt(r.cpuMs)} ms, all threads (the SDK's decode: ${fmt(sdkCpuMs)} ms) → ${fmt(sdkCpuMs / r.cpuMs, 2)}× less work`,
  );
}
console.log(
  `\nGPX/TCX parse against bare saxes (same ${xmlRuns} one-hour documents, same saxes options ${JSON.stringify(SAXES_OPTIONS)}, fastest of ${XML_ROUNDS} rounds taken in turns; load average ${fmt(loadavg()[0]!, 1)}):`,
);
for (const [label, r] of [
  ['GPX', gpx],
  ['TCX', tcx],
] as const) {
  console.log(
    `  ${label}  ours ${fmt(r.ours.ms)} ms  bare saxes ${fmt(r.bare.ms)} ms  (${fmt(r.mb, 1)} MB)  → ${fmt(r.ours.ms / r.bare.ms, 2)}× the time of bare saxes; CPU ${fmt(r.ours.cpuMs)} ms against ${fmt(r.bare.cpuMs)} ms → ${fmt(r.ours.cpuMs / r.bare.cpuMs, 2)}×`,
  );
}
