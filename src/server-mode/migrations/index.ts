/**
 * Server mode's migrations (PostgreSQL only), in their own list and their own bookkeeping table, so a
 * single-runner database never gets accounts, consent or row-level security. Append only.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-accounts-consent-rls.ts';
import * as m0002 from './0002-athlete-attention.ts';
import * as m0003 from './0003-passkeys-oidc.ts';
import * as m0004 from './0004-grants-from-the-user.ts';
import * as m0005 from './0005-audit-log-newest-first.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-consent-rls': m0001,
  '0002-athlete-attention': m0002,
  '0003-passkeys-oidc': m0003,
  '0004-grants-from-the-user': m0004,
  '0005-audit-log-newest-first': m0005,
};

export const serverMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};

export const SERVER_MIGRATION_TABLE = 'kneewise_server_migration';
export const SERVER_MIGRATION_LOCK_TABLE = 'kneewise_server_migration_lock';
