/**
 * A throwaway PostgreSQL database for a bench: the server in KNEEWISE_TEST_POSTGRES, else an ephemeral one
 * started for the run; `drop()` removes the database (and stops the ephemeral server).
 */
import pg from 'pg';

// A plain .mjs helper (shared with scripts/run-tests.mjs), loaded by a path TypeScript does not resolve.
const helper: string = '../../test/support/ephemeral-postgres.mjs';

export async function scratchPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { startEphemeralPostgres } = (await import(helper)) as {
    startEphemeralPostgres(): Promise<{ url: string; stop(): Promise<void> } | null>;
  };
  const ephemeral = process.env.KNEEWISE_TEST_POSTGRES ? null : await startEphemeralPostgres();
  const baseUrl = process.env.KNEEWISE_TEST_POSTGRES ?? ephemeral?.url;
  if (!baseUrl) throw new Error('needs PostgreSQL: set KNEEWISE_TEST_POSTGRES or install postgresql');
  const dbName = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      await ephemeral?.stop();
    },
  };
}
