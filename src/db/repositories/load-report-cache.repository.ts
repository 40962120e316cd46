import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The stored load report of one athlete (migration 0006-load-report-cache.ts). Like data_version it is
 * bookkeeping and stays out of `Database`, so plain SQL reaches it.
 */
export interface StoredReportKey {
  athleteId: string;
  asOf: string;
  /** The settings the engine ran with, as a stable string. */
  settingsKey: string;
  /** The build of the code that computed it: another build may compute differently. */
  codeId: string;
}

/**
 * The stored report's JSON when it was computed under the current data version with the same key, else null.
 * One statement, so the version compared is the one current when the row is read.
 */
export async function readStoredReport(db: Kysely<Database>, key: StoredReportKey): Promise<string | null> {
  const { rows } = await sql<{ report_json: string }>`
    select c.report_json from load_report_cache c
    join data_version v on v.id = 1 and v.version = c.data_version
    where c.athlete_id = ${key.athleteId} and c.as_of = ${key.asOf}
      and c.settings_key = ${key.settingsKey} and c.code_id = ${key.codeId}`.execute(db);
  return rows[0]?.report_json ?? null;
}

/**
 * Stores the athlete's report computed from the history read at `dataVersion`, replacing their previous one.
 * Nothing is stored when the data version has moved on since (the report is already out of date, and a write
 * that moved it may have been the runner deleting their data).
 */
export async function storeReport(
  db: Kysely<Database>,
  key: StoredReportKey,
  dataVersion: string,
  reportJson: string,
): Promise<void> {
  await sql`
    insert into load_report_cache (athlete_id, data_version, as_of, settings_key, code_id, report_json)
    select ${key.athleteId}, v.version, ${key.asOf}, ${key.settingsKey}, ${key.codeId}, ${reportJson}
    from data_version v where v.id = 1 and v.version = ${dataVersion}
    on conflict (athlete_id) do update set data_version = excluded.data_version, as_of = excluded.as_of,
      settings_key = excluded.settings_key, code_id = excluded.code_id, report_json = excluded.report_json`.execute(
    db,
  );
}
