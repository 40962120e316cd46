/**
 * Killing the process mid-import loses nothing already stored, and running it again completes the job with
 * no duplicates: files are written in batches, each one transaction that marks its files done, so a kill loses
 * at most the batch not yet committed, and the re-run imports it again.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { buildFitRun } from '../../test/factories/fit.factory.ts';
import { CLI_ARGS } from '../../test/support/cli-process.ts';

const FILES = 240;

function storedCount(dbPath: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from activities').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

test('an import killed half-way resumes to exactly the full set', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-resume-'));
  try {
    const folder = join(dir, 'runs');
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++) {
      const startMs = Date.UTC(2024, 0, 1, 7) + i * 86_400_000;
      writeFileSync(join(folder, `run-${i}.fit`), buildFitRun({ startMs, durationS: 3600, seed: i }));
    }
    const db = join(dir, 'db.sqlite');
    // Kill the first run as soon as it has stored something, watching the database itself (a read-only
    // connection is cheap and WAL lets it read while the import writes).
    const child = spawn(process.execPath, [...CLI_ARGS, '--db', db, 'import', folder, '--json'], {
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killed = false;
    while (child.exitCode === null && child.signalCode === null) {
      const count = storedCount(db);
      if (count > 0 && count < FILES) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await exited;
    const resumed = spawnSync(process.execPath, [...CLI_ARGS, '--db', db, 'import', folder, '--json'], {
      encoding: 'utf8',
    });
    assert.equal(resumed.status, 0, resumed.stderr);
    const report = JSON.parse(resumed.stdout);
    assert.deepEqual(report.skipped, []);
    const list = spawnSync(process.execPath, [...CLI_ARGS, '--db', db, 'activities', '--json'], {
      encoding: 'utf8',
    });
    const activities = JSON.parse(list.stdout).activities as { start: string }[];
    assert.equal(activities.length, FILES, 'every run once, none lost, none twice');
    assert.equal(new Set(activities.map((a) => a.start)).size, FILES);
    assert.ok(
      killed,
      'the first import was killed part-way (it finished before the probe saw it: make FILES larger)',
    );
    assert.ok(report.duplicates > 0 && report.imported < FILES, 'the second run only did what was left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
