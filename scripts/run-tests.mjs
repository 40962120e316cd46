#!/usr/bin/env node
// The one test command (`npm test`). Finds every *.test.ts (Node 20's test runner does not expand globs),
// starts a throwaway PostgreSQL when none is given and the server binaries exist, and runs everything.
// With KNEEWISE_REQUIRE_POSTGRES=1 / KNEEWISE_REQUIRE_BROWSER=1 (set by .ci/run) a missing PostgreSQL or
// Chromium fails the run instead of skipping those tests.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startEphemeralPostgres } from '../test/support/ephemeral-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(full));
    else if (entry.name.endsWith('.test.ts')) out.push(relative(root, full));
  }
  return out;
}

const files = (
  only.length > 0
    ? only
    : ['src', 'test', 'bench', 'web'].flatMap((d) => {
        try {
          return findTests(join(root, d));
        } catch {
          return [];
        }
      })
).sort();

// The end-to-end tests serve the built dashboard. Build it once here, so parallel test files never race to.
if (files.some((f) => f.includes('.e2e.test.'))) {
  const build = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "const m = await import('./src/http/web-build.ts'); await m.ensureWebBuild((l) => console.error(l));",
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const built = await new Promise((resolve) => build.on('exit', (c) => resolve(c === 0)));
  if (!built) {
    console.error('Building the dashboard (web/) failed; see the errors above.');
    process.exit(1);
  }
}

let postgres = null;
if (!process.env.KNEEWISE_TEST_POSTGRES) {
  postgres = await startEphemeralPostgres();
  if (postgres) process.env.KNEEWISE_TEST_POSTGRES = postgres.url;
}
if (process.env.KNEEWISE_REQUIRE_POSTGRES === '1' && !process.env.KNEEWISE_TEST_POSTGRES) {
  console.error(
    'PostgreSQL is required (KNEEWISE_REQUIRE_POSTGRES=1) but none is available: install postgresql.',
  );
  process.exit(1);
}
console.error(
  `Running ${files.length} test files; PostgreSQL: ${process.env.KNEEWISE_TEST_POSTGRES ? 'yes' : 'no (database tests run on SQLite only)'}`,
);

// A file that hangs (a wait that never ends) fails after 15 minutes instead of holding the run until CI's limit.
const FILE_TIMEOUT_MS = 15 * 60 * 1000;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${FILE_TIMEOUT_MS}`, ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await postgres?.stop();
process.exit(code);
