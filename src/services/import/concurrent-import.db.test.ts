/**
 * Two `kneewise import` processes of the same folder at the same time, on a database neither has opened yet:
 * both finish cleanly (exit 0, nothing skipped), the schema is migrated once, and every run is stored exactly
 * once (issue 14 #8: on PostgreSQL the check-then-insert used to store about half of them twice; on SQLite the
 * second process failed files with "database is locked").
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { CLI_ARGS } from '../../../test/support/cli-process.ts';
import { dbTest } from '../../../test/support/test-databases.ts';

const FILES = 120;

function runImport(
  db: string,
  folder: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_ARGS, '--db', db, 'import', folder, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

dbTest(
  'two concurrent imports of one folder store each run exactly once',
  async (tdb) => {
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-concurrent-'));
    try {
      const folder = join(dir, 'runs');
      mkdirSync(folder);
      for (let i = 0; i < FILES; i++) {
        const startMs = Date.UTC(2024, 0, 1, 7) + i * 86_400_000;
        writeFileSync(join(folder, `run-${i}.fit`), buildFitRun({ startMs, durationS: 1800, seed: i }));
      }
      const [a, b] = await Promise.all([runImport(tdb.url, folder), runImport(tdb.url, folder)]);
      for (const r of [a, b]) {
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout).skipped, [], 'no file failed in either process');
      }
      const ra = JSON.parse(a.stdout);
      const rb = JSON.parse(b.stdout);
      assert.equal(ra.imported + rb.imported, FILES, 'between them, each run imported once');
      assert.equal(ra.imported + ra.duplicates, FILES);
      assert.equal(rb.imported + rb.duplicates, FILES);
      const handle = await tdb.open();
      try {
        const count = async (q: ReturnType<typeof sql<{ n: number }>>) =>
          Number((await q.execute(handle.db)).rows[0]?.n);
        assert.equal(await count(sql`select count(*) as n from activities`), FILES);
        assert.equal(await count(sql`select count(distinct start_ms) as n from activities`), FILES);
        assert.equal(await count(sql`select count(*) as n from imported_files`), FILES);
        assert.equal(await count(sql`select count(*) as n from athletes`), 1, 'one athlete, not one each');
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { timeout: 180_000 },
);
