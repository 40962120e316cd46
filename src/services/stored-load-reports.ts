/**
 * The load report kept in the database between processes (migration 0006-load-report-cache.ts), so a command
 * started afresh reads the report instead of rebuilding the load engine over the whole history (about two
 * thirds of `kneewise status` on ten years of runs). A stored report is used only when it was computed under
 * the current data version, for the same as-of day and settings, by the same build of the code; anything else
 * is computed and stored in its place. Only a report that JSON carries exactly is stored (no -0, no
 * non-finite number, no undefined field, nothing but plain objects and arrays), so one read back is the very
 * report a fresh computation gives.
 */
import type { Kysely } from 'kysely';
import {
  readStoredReport,
  type StoredReportKey,
  storeReport,
} from '../db/repositories/load-report-cache.repository.ts';
import type { Database } from '../db/schema.ts';
import type { LoadReport } from '../domain/load/load-report.ts';

/** A data version read from the database (load-snapshot.service.ts marks a missing one otherwise). */
const READ_VERSION = /^\d+$/;

export class StoredLoadReports {
  /** How often a stored report was used, and how often one was computed and stored. */
  readonly stats = { hits: 0, stored: 0 };

  /** `codeId`: the build of the code (code-build.ts); reports of other builds are never used. */
  constructor(private readonly codeId: string) {}

  /**
   * The report for `key` under `dataVersion` (the version the history behind `compute` was read at, read
   * before that history): the stored one when it matches, else `compute()`'s, which is then stored.
   */
  async report(
    db: Kysely<Database>,
    key: Omit<StoredReportKey, 'codeId'>,
    dataVersion: string,
    compute: () => LoadReport,
  ): Promise<LoadReport> {
    if (!READ_VERSION.test(dataVersion)) return compute();
    const found = await this.read(db, key);
    // A role that may not read the table may not write it either (and on PostgreSQL the failed read has
    // already ended the transaction): compute without keeping.
    if (found === UNREADABLE) return compute();
    if (found !== null) return found;
    const report = compute();
    const text = toStoredText(report);
    if (text !== null) {
      try {
        await storeReport(db, { ...key, codeId: this.codeId }, dataVersion, text);
        this.stats.stored += 1;
      } catch (error) {
        if (!cannotKeep(error)) throw error;
      }
    }
    return report;
  }

  /**
   * The stored report for `key` when it was computed under the current data version (checked in the same
   * statement that reads it) by this build; null otherwise, or when this role may not read the table.
   */
  async find(db: Kysely<Database>, key: Omit<StoredReportKey, 'codeId'>): Promise<LoadReport | null> {
    const found = await this.read(db, key);
    return found === UNREADABLE ? null : found;
  }

  private async read(
    db: Kysely<Database>,
    key: Omit<StoredReportKey, 'codeId'>,
  ): Promise<LoadReport | null | typeof UNREADABLE> {
    let stored: string | null;
    try {
      stored = await readStoredReport(db, { ...key, codeId: this.codeId });
    } catch (error) {
      if (!cannotKeep(error)) throw error;
      return UNREADABLE;
    }
    if (stored === null) return null;
    this.stats.hits += 1;
    return fromStoredText(stored);
  }
}

/** The table could not be read (cannotKeep): neither use nor keep a report. */
const UNREADABLE = Symbol('unreadable');

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

/**
 * The report as stored: its JSON with `runDetails` left null, a newline, then `runDetails`' own JSON (JSON
 * text never holds a raw newline). The per-run details are two thirds of the text and `status` never reads
 * them, so they are parsed only when first read. Null when the report would not come back exactly.
 */
export function toStoredText(report: LoadReport): string | null {
  const head = exactJson({ ...report, runDetails: null });
  const details = exactJson(report.runDetails);
  return head === null || details === null ? null : `${head}\n${details}`;
}

/** The report of toStoredText, its keys in their order, `runDetails` parsed on first read. */
export function fromStoredText(text: string): LoadReport {
  const split = text.indexOf('\n');
  const report = JSON.parse(text.slice(0, split)) as LoadReport;
  let details: LoadReport['runDetails'] | null = null;
  // Redefining the key keeps its place, so the report prints exactly as the computed one.
  Object.defineProperty(report, 'runDetails', {
    enumerable: true,
    configurable: true,
    get: () => {
      details ??= JSON.parse(text.slice(split + 1)) as LoadReport['runDetails'];
      return details;
    },
  });
  return report;
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
