/**
 * The static, ordered list of migrations. Append only; never edit a shipped migration.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-journal-assessments-plans.ts';
import * as m0003 from './0003-import-identity.ts';
import * as m0004 from './0004-activity-exclusion.ts';
import * as m0005 from './0005-data-version.ts';
import * as m0006 from './0006-load-report-cache.ts';
import * as m0007 from './0007-activity-local-date-index.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-journal-assessments-plans': m0002,
  '0003-import-identity': m0003,
  '0004-activity-exclusion': m0004,
  '0005-data-version': m0005,
  '0006-load-report-cache': m0006,
  '0007-activity-local-date-index': m0007,
};

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
