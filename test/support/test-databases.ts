/**
 * Runs a database test on SQLite and on PostgreSQL. PostgreSQL comes from KNEEWISE_TEST_POSTGRES (npm test starts
 * a throwaway server when the binaries exist); each test gets its own fresh database so tests never share rows.
 * When KNEEWISE_REQUIRE_POSTGRES=1 (CI), a missing server fails the test instead of skipping it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';

export type Engine = 'sqlite' | 'postgres';

export interface TestDatabase {
  engine: Engine;
  url: string;
  open(): Promise<DatabaseHandle>;
}

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kw_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Declares `name` twice: `[sqlite] name` and `[postgres] name`. */
export function dbTest(
  name: string,
  fn: (tdb: TestDatabase) => Promise<void>,
  options: { timeout?: number } = {},
): void {
  test(`[sqlite] ${name}`, { timeout: options.timeout ?? 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-test-'));
    const url = join(dir, 'test.sqlite');
    try {
      await fn({ engine: 'sqlite', url, open: () => openDatabase(url) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const baseUrl = process.env.KNEEWISE_TEST_POSTGRES;
  const required = process.env.KNEEWISE_REQUIRE_POSTGRES === '1';
  const skip =
    !baseUrl && !required ? 'no PostgreSQL (set KNEEWISE_TEST_POSTGRES or install postgresql)' : false;
  test(`[postgres] ${name}`, { timeout: options.timeout ?? 60_000, skip }, async () => {
    if (!baseUrl)
      throw new Error('PostgreSQL is required for this test run but KNEEWISE_TEST_POSTGRES is not set');
    const database = await createPostgresDatabase(baseUrl);
    try {
      await fn({ engine: 'postgres', url: database.url, open: () => openDatabase(database.url) });
    } finally {
      await database.drop();
    }
  });
}
