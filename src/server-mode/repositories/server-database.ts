/**
 * Opens the clinic/team server's PostgreSQL: the shared schema (same migrations as a single runner), then
 * server mode's own migrations, and two pools:
 * - `system`: the migrating role, for signing in, organisations and invitations (no athlete data is read
 *   through it: row-level security is forced on every athlete table, so even it sees none unless it is a
 *   superuser — keep it for the account tables);
 * - `scoped`: each request's statements run in one transaction as the application role with the request's
 *   user set (request-scope.ts), and row-level security decides which athletes' rows exist for it.
 */
import { type Kysely, Kysely as KyselyClass, Migrator } from 'kysely';
import { type DatabaseHandle, dialectOf, openDatabase } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { KneewiseError } from '../../domain/errors.ts';
import {
  SERVER_MIGRATION_LOCK_TABLE,
  SERVER_MIGRATION_TABLE,
  serverMigrationProvider,
} from '../migrations/index.ts';
import { ScopedPostgresDialect } from './scoped-dialect.ts';
import type { ServerDatabase } from './server-schema.ts';

/** Connections of the scoped pool: requests that can be inside their transaction at once. */
export const SCOPED_POOL_SIZE = 20;

export interface ServerStore {
  system: Kysely<ServerDatabase>;
  /** The same database seen as the signed-in user (row-level security applies). */
  scoped: Kysely<ServerDatabase>;
  /** What the dashboard's routes expect, reading through `scoped`. */
  scopedHandle: DatabaseHandle;
  location: string;
  close(): Promise<void>;
}

export function requirePostgres(url: string, variable: string): void {
  if (dialectOf(url) !== 'postgres') {
    throw new KneewiseError(
      'SERVER_NEEDS_POSTGRES',
      `server mode needs PostgreSQL: set ${variable} to postgres://USER:PASSWORD@HOST/DATABASE ` +
        `(got "${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}", which is SQLite)`,
      'input',
    );
  }
}

export interface ServerDatabaseOptions {
  /**
   * False in the processes `serve --server --workers N` forks: their first process ran server mode's
   * migrations once before starting them.
   */
  migrate?: boolean;
  /** Connections of the scoped pool (default SCOPED_POOL_SIZE; several processes share them out). */
  scopedPoolSize?: number;
}

export async function openServerDatabase(
  url: string,
  variable = '--db / KNEEWISE_DB',
  options: ServerDatabaseOptions = {},
): Promise<ServerStore> {
  requirePostgres(url, variable);
  const handle = await openDatabase(url);
  const system = handle.db as unknown as Kysely<ServerDatabase>;
  if (options.migrate ?? true) {
    try {
      await migrateServer(system);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  const { default: pg } = await import('pg');
  // A request holds one connection from its first scoped statement to its end (request-scope.ts), through
  // the work between its statements: the pool is sized for requests in flight, not for statements.
  const pool = new pg.Pool({ connectionString: url, max: options.scopedPoolSize ?? SCOPED_POOL_SIZE });
  pool.on('error', () => {});
  const scoped = new KyselyClass<ServerDatabase>({
    dialect: new ScopedPostgresDialect({ pool }),
  });
  const scopedHandle: DatabaseHandle = {
    db: scoped as unknown as Kysely<Database>,
    dialect: 'postgres',
    location: handle.location,
    close: async () => {},
  };
  return {
    system,
    scoped,
    scopedHandle,
    location: handle.location,
    async close() {
      await scoped.destroy();
      await handle.close();
    },
  };
}

async function migrateServer(db: Kysely<ServerDatabase>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: serverMigrationProvider,
    migrationTableName: SERVER_MIGRATION_TABLE,
    migrationLockTableName: SERVER_MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new KneewiseError(
      'DB_MIGRATION_FAILED',
      `Server migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      'internal',
    );
  }
}
