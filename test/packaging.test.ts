/**
 * The built command as it ships: bin/kneewise.js runs dist/cli (built here first if older than src/), prints
 * the same help as the sources, answers from a database, and `npm pack` would ship the build and nothing of
 * the sources or tests. (The global install from the packed file is checked by hand, see README.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
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
    'dist/cli/main.js',
    'dist/cli/commands.json',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  const strays = files.filter(
    (f) => (/^(src|test|web|bench|scripts)\//.test(f) && f !== 'scripts/build.mjs') || f.endsWith('.ts'),
  );
  assert.deepEqual(strays, []);
});
