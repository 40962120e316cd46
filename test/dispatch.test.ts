/**
 * bin/dispatch.js. bin/ answers a command line that only asks for help or the version from the screens the
 * build recorded (dist/cli/help.json), without loading the CLI: every recorded screen is printed here by the
 * bin of a scratch installation that holds the recorded screens but no CLI code at all, and must be byte for
 * byte what commander prints for the same command line from the current sources (src/cli/main.ts, run in this
 * process). It finds the command a command line runs as the CLI does. (That the single-file commands answer
 * as the sources do: test/packaging.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript, without type declarations
import { commandWord as binCommandWord, standaloneCommand } from '../bin/dispatch.js';
import { commandWord } from '../src/cli/command-line.ts';
import { type HelpScreen, helpScreens } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** bin/ and the recorded screens, without src/ (an installed package: nothing is compared) and without main.js. */
function scratchInstallation(): string {
  const root = mkdtempSync(join(tmpdir(), 'kneewise-help-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  for (const file of ['kneewise.js', 'build-freshness.js', 'dispatch.js']) {
    copyFileSync(join(ROOT, 'bin', file), join(root, 'bin', file));
  }
  for (const file of ['help.json', 'commands.json']) {
    copyFileSync(join(ROOT, 'dist', 'cli', file), join(root, 'dist', 'cli', file));
  }
  return root;
}

function runBin(root: string, argv: readonly string[]): Promise<Omit<HelpScreen, 'argv'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'kneewise.js'), ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ stdout, stderr, exitCode: exitCode ?? -1 }));
  });
}

/** Runs `task` on every item, `width` at a time (each is a process: the machine has 2 cores). */
async function eachLimited<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

test('every help screen bin/ prints without the CLI is what commander prints from the sources', async () => {
  // The build being compared is made from the sources as they are now (other work may edit them meanwhile:
  // then both sides are taken again).
  for (let attempt = 1; ; attempt++) {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--cli', '--if-stale'], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    const root = scratchInstallation();
    try {
      const expected = await helpScreens();
      const recorded = Object.keys(JSON.parse(readFileSync(join(root, 'dist', 'cli', 'help.json'), 'utf8')));
      if (attempt < 3 && recorded.length !== expected.length) continue;
      assert.deepEqual(
        recorded,
        expected.map((s) => JSON.stringify(s.argv)),
      );
      // What the screens cover: the bare command, top-level help and version, every command's and subcommand's.
      const covered = new Set(recorded);
      for (const argv of [[], ['--help'], ['help', 'status'], ['status', '--help'], ['shoes', 'add', '-h']]) {
        assert.ok(covered.has(JSON.stringify(argv)), `a screen for ${argv.join(' ')}`);
      }
      const mismatches: string[] = [];
      await eachLimited(expected, 4, async ({ argv, ...commander }) => {
        const printed = await runBin(root, argv);
        try {
          assert.deepEqual(printed, commander);
        } catch (error) {
          mismatches.push(`kneewise ${argv.join(' ')}: ${String(error)}`);
        }
      });
      if (attempt < 3 && mismatches.length > 0) continue;
      assert.deepEqual(mismatches, []);
      const bare = expected.find((s) => s.argv.length === 0)!;
      assert.equal(bare.exitCode, 2, 'no command: the help, on stderr, as a usage error');
      assert.match(bare.stderr, /^Usage: kneewise/);
      for (const { argv, stdout, stderr, exitCode } of expected.filter((s) => s.argv.length > 0)) {
        assert.equal(exitCode, 0, `kneewise ${argv.join(' ')} ends well`);
        assert.equal(stderr, '');
        assert.match(
          stdout,
          argv.includes('-V') || argv.includes('--version') ? /^\d+\.\d+/ : /^Usage: kneewise/,
        );
      }
      return;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test('a command line that is not only a help request is left to the CLI', async () => {
  const root = scratchInstallation();
  try {
    // No CLI code in the scratch installation: reaching it fails, which is how these show they were not answered.
    for (const argv of [['status'], ['--db', 'x.sqlite', '--help'], ['help', 'nosuchcommand']]) {
      const { exitCode, stderr } = await runBin(root, argv);
      assert.equal(exitCode, 1, argv.join(' '));
      assert.match(stderr, /Cannot find module .*main\.js/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('bin/ finds the command a command line runs as the CLI does, and a single-file build only for it', () => {
  const lines = [
    ['status'],
    ['--db', 'status.sqlite', 'load', '--json'],
    ['--db=x.sqlite', 'why'],
    ['-V'],
    ['--help'],
    ['--', 'serve'],
    ['--db', 'x'],
    [],
    ['help', 'status'],
  ];
  for (const argv of lines) assert.equal(binCommandWord(argv), commandWord(argv), argv.join(' '));
  const dist = join(ROOT, 'dist', 'cli');
  assert.equal(standaloneCommand(dist, ['--db', 'x.sqlite', 'nosuchcommand']), undefined);
  assert.equal(standaloneCommand(dist, ['../main']), undefined);
  assert.equal(standaloneCommand(dist, ['help', 'status']), undefined, 'help is the CLI’s');
});
