/**
 * Killing the process mid-import loses nothing already stored, and running it again completes the job with
 * no duplicates: every file is written in its own transaction and marked done in it.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildFitRun } from '../../test/factories/fit.factory.ts';

const BIN = new URL('../../bin/kneewise.js', import.meta.url).pathname;
const FILES = 120;

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
    // Kill the first run as soon as it has stored something.
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', folder, '--json'], { stdio: 'ignore' });
    const killed = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        const probe = spawnSync(process.execPath, [BIN, '--db', db, 'activities', '--json'], {
          encoding: 'utf8',
        });
        const count = probe.status === 0 ? JSON.parse(probe.stdout).activities.length : 0;
        if (count > 0 && count < FILES) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(true);
        } else if (count >= FILES) {
          clearInterval(timer);
          resolve(false);
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        resolve(false);
      });
    });
    const resumed = spawnSync(process.execPath, [BIN, '--db', db, 'import', folder, '--json'], {
      encoding: 'utf8',
    });
    assert.equal(resumed.status, 0, resumed.stderr);
    const report = JSON.parse(resumed.stdout);
    assert.deepEqual(report.skipped, []);
    const list = spawnSync(process.execPath, [BIN, '--db', db, 'activities', '--json'], { encoding: 'utf8' });
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
