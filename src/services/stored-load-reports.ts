/**
 * The status part of the load report (domain/load/status-report.ts) kept in the database between processes
 * (migration 0006-load-report-cache.ts), so a command started afresh reads a few kilobytes instead of
 * rebuilding the load engine over the whole history (about two thirds of `kneewise status` on ten years of
 * runs). A stored report is used only when it was computed under the current data version, for the same as-of
 * day and settings, by the same build of the code; anything else is computed and stored in its place. Only a
 * report that JSON carries exactly is stored (no -0, no non-finite number, no undefined field, nothing but
 * plain objects and arrays), so one read back is the very report a fresh computation gives.
 */
import type { Kysely } from 'kysely';
import {
  readStoredReport,
  type StoredReportKey,
  storeReport,
} from '../db/repositories/load-report-cache.repository.ts';
import type { Database } from '../db/schema.ts';
import type { StatusReport } from '../domain/load/status-report.ts';

/** A data version read from the database (load-snapshot.service.ts marks a missing one otherwise). */
const READ_VERSION = /^\d+$/;

export class StoredLoadReports {
  /** How often a stored report was used, and how often one was computed and stored. */
  readonly stats = { hits: 0, stored: 0 };

  /** `codeId`: the build of the code (code-build.ts); reports of other builds are never used. */
  constructor(private readonly codeId: string) {}

  /**
   * The report for `key`: the stored one when it is current, else `compute()`'s, stored under the data version
   * its history was read at (read before that history), unless that version has moved on since.
   */
  async report(
    db: Kysely<Database>,
    key: Omit<StoredReportKey, 'codeId'>,
    compute: () => Promise<{ report: StatusReport; version: string }>,
  ): Promise<StatusReport> {
    const fullKey = { ...key, codeId: this.codeId };
    let stored: string | null;
    try {
      stored = await readStoredReport(db, fullKey);
    } catch (error) {
      if (!cannotKeep(error)) throw error;
      // A role that may not read the table may not write it either (and on PostgreSQL the failed read has
      // already ended the transaction): compute without keeping.
      return (await compute()).report;
    }
    if (stored !== null) {
      this.stats.hits += 1;
      return fromStoredText(stored);
    }
    const { report, version } = await compute();
    const text = READ_VERSION.test(version) ? toStoredText(report) : null;
    if (text !== null) {
      try {
        await storeReport(db, fullKey, version, text);
        this.stats.stored += 1;
      } catch (error) {
        if (!cannotKeep(error)) throw error;
      }
    }
    return report;
  }
}

/**
 * A database this process may read but not write (a read-only file or connection) or a role without rights on
 * the table: the report is computed as it was before it could be kept, and the command answers as ever.
 */
function cannotKeep(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === '42501' || code === '25006') // no privilege; read-only
  );
}

/** The report as stored: its JSON, or null when it would not come back exactly. */
export function toStoredText(report: StatusReport): string | null {
  return exactJson(report);
}

/** The report of toStoredText, its keys in their order. */
export function fromStoredText(text: string): StatusReport {
  return JSON.parse(text) as StatusReport;
}

/** `value` as JSON, or null when JSON.parse would not give it back exactly. */
export function exactJson(value: unknown): string | null {
  let exact = true;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // `v` is after toJSON (a Date is already a string here); the holder still has the value itself.
    const own = key === '' ? value : this[key];
    if (
      own === undefined ||
      (typeof own === 'number' && (!Number.isFinite(own) || Object.is(own, -0))) ||
      (typeof own === 'object' &&
        own !== null &&
        !Array.isArray(own) &&
        Object.getPrototypeOf(own) !== Object.prototype)
    ) {
      exact = false;
    }
    return v;
  });
  return exact ? json : null;
}
