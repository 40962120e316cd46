/**
 * The built command as it ships: bin/kneewise.js runs dist/cli (built here first if older than src/), prints
 * the same help as the sources, answers from a database, and `npm pack` would ship the build and nothing of
 * the sources or tests. (The global install from the packed file is checked by hand, see README.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import packageJson from '../package.json' with { type: 'json' };
import { buildFitRun } from './factories/fit.factory.ts';
import { CLI_ARGS } from './support/cli-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'kneewise.js');

function run(args: readonly string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * The built bin, rebuilt first when src/ is newer. Other work may touch src/ between the build and the run
 * (bin/ then refuses the older build, as it must): rebuild and try again.
 */
function runBuilt(args: readonly string[], cwd = ROOT) {
  for (let attempt = 1; ; attempt++) {
    const built = run([join(ROOT, 'scripts', 'build.mjs'), '--cli', '--if-stale']);
    assert.equal(built.code, 0, built.err);
    const result = run([BIN, ...args], cwd);
    if (attempt === 5 || !/older than the sources/.test(result.err)) return result;
  }
}

test('the built command prints the same help and version as the sources, without loading any command', () => {
  const fromBuild = runBuilt(['--help']);
  assert.equal(fromBuild.code, 0, fromBuild.err);
  assert.equal(fromBuild.out, run([...CLI_ARGS, '--help']).out);
  for (const name of ['import', 'status', 'assess', 'report', 'serve'])
    assert.match(fromBuild.out, new RegExp(`\n  ${name} `));
  assert.equal(runBuilt(['--version']).out.trim(), packageJson.version);
  assert.equal(runBuilt(['help', 'status']).out, run([...CLI_ARGS, 'help', 'status']).out);
});

test('the built command works from any folder: a typo is answered with a suggestion, a database is created', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-pack-'));
  try {
    const typo = runBuilt(['stauts'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.err, /status/);
    const settings = runBuilt(['--db', join(dir, 'k.sqlite'), 'settings', '--json'], dir);
    assert.equal(settings.code, 0, settings.err);
    assert.equal(typeof JSON.parse(settings.out), 'object');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reports built as single files (dist/cli/run-*.js) answer as the sources do, in text and JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-pack-'));
  try {
    const db = join(dir, 'k.sqlite');
    const demo = runBuilt(['--db', db, 'demo'], dir);
    assert.equal(demo.code, 0, demo.err);
    for (const name of ['status', 'load', 'activities', 'why']) {
      assert.ok(existsSync(join(ROOT, 'dist', 'cli', `run-${name}.js`)), `${name} is built as one file`);
      for (const args of [[name], [name, '--json']]) {
        // Twice: status computes its load report on the first run and reads it back on the second.
        for (const _ of [1, 2]) {
          const built = runBuilt(['--db', db, ...args], dir);
          assert.equal(built.code, 0, built.err);
          const source = run([...CLI_ARGS, '--db', db, ...args], dir);
          assert.equal(built.out, source.out, `kneewise ${args.join(' ')}`);
          assert.equal(built.err, source.err);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built import prepares files on worker threads: the bundled worker answers, a folder imports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-pack-'));
  try {
    const runs = join(dir, 'runs');
    mkdirSync(runs);
    for (let i = 0; i < 10; i++) {
      const startMs = Date.UTC(2024, 0, 1 + i, 7);
      writeFileSync(join(runs, `run-${i}.fit`), buildFitRun({ startMs, durationS: 900, seed: i }));
    }
    const imported = runBuilt(['--db', join(dir, 'k.sqlite'), 'import', runs, '--json'], dir);
    assert.equal(imported.code, 0, imported.err);
    assert.equal(JSON.parse(imported.out).imported, 10);
    // The same entry the import starts (preparation-pool.ts), loaded from the build alone.
    const worker = new Worker(join(ROOT, 'dist', 'cli', 'preparation-worker.cjs'));
    try {
      const answer = new Promise<{ file?: { kind: string; prepared: { ok: boolean }[] } }>(
        (resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        },
      );
      // The import's settings come first (the pool may start its workers before it knows them), then files.
      worker.postMessage({
        settings: { nowIso: '2025-01-01T00:00:00.000Z', homeZone: 'UTC', knownHashes: [] },
      });
      worker.postMessage({
        id: 1,
        job: { display: 'run-0.fit', path: join(runs, 'run-0.fit'), keepStreams: false },
      });
      const { file } = await answer;
      assert.equal(file?.kind, 'decoded');
      assert.equal(file?.prepared[0]?.ok, true);
    } finally {
      await worker.terminate();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm pack ships the bin and the build, and none of the sources, tests or corpus', () => {
  const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(npm.status, 0, npm.stderr);
  const files = (JSON.parse(npm.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  for (const needed of [
    'bin/kneewise.js',
    'bin/build-freshness.js',
    'bin/dispatch.js',
    'dist/cli/main.js',
    'dist/cli/help.json',
    'dist/cli/preparation-worker.cjs',
    // A new database's schema as statements (src/db/fresh-sqlite-schema.ts); without it, the migrator runs.
    'dist/cli/fresh-sqlite-schema.json',
    'dist/cli/commands.json',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  const strays = files.filter(
    (f) => (/^(src|test|web|bench|scripts)\//.test(f) && f !== 'scripts/build.mjs') || f.endsWith('.ts'),
  );
  assert.deepEqual(strays, []);
});
