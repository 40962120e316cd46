/**
 * The import use case: PATHs in, activities stored, a report out (the `import` JSON of ../shared/spec/cli.md).
 * Each file is decoded and written in its own transaction; a bad file is listed and the import goes on.
 * Files already imported (same bytes) are recognised by hash before decoding, so a re-run is cheap and adds
 * nothing, and a killed run resumes where it stopped.
 */
import { createHash } from 'node:crypto';
import { ImportedFileRepository } from '../../db/repositories/imported-file.repository.ts';
import type { DecodeResult, ImportIssue, ParsedActivity } from '../../domain/activity/activity.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { newReadBudget } from '../../import/archive/zip-walker.ts';
import { decodeActivityFile } from '../../import/decode-file.ts';
import { type WriteContext, writeActivities } from './activity-writer.ts';
import { type ExportMetadata, loadExportMetadata } from './export-metadata.ts';
import { isIgnoredPath, openInput } from './input-sources.ts';

export interface ImportReport {
  imported: number;
  duplicates: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ImportProgress {
  done: number;
  total: number;
  imported: number;
  skipped: number;
  /** The file just finished, as it is reported. */
  current: string | null;
}

export interface ImportOptions {
  /**
   * The name a path is reported and stored under (default: the path itself). The dashboard's uploads wait in
   * a scratch folder; with this they appear under the name the runner dropped, e.g. `export.zip!a/1.fit`.
   */
  displayAs?: (path: string) => string;
}

/** Export metadata and sidecar files: read for what they say, never decoded as activities. */
const METADATA_FILE = /\.(csv|json)$/i;

export async function importPaths(
  ctx: WriteContext,
  paths: readonly string[],
  onProgress: (p: ImportProgress) => void = () => {},
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, duplicates: 0, skipped: [], warnings: [] };
  const groups = [];
  // One inflation budget for every archive of the import, nested ones included: splitting a bomb over several
  // archives, or nesting it, never buys a fresh allowance.
  const budget = newReadBudget();
  for (const path of paths) {
    const display = options.displayAs?.(path) ?? path;
    try {
      groups.push(await openInput(path, display, budget));
    } catch (error) {
      report.skipped.push(issueFrom(display, error));
    }
  }
  const progress: ImportProgress = {
    done: 0,
    total: groups.reduce((n, g) => n + g.paths.filter(isActivityCandidate).length, 0),
    imported: 0,
    skipped: 0,
    current: null,
  };
  const files = new ImportedFileRepository(ctx.db);

  for (const group of groups) {
    // An export whose metadata cannot be read (a damaged CSV or central directory, an unknown header) still
    // has activity files: they import on their own, and the problem is a warning naming the export.
    let metadata: ExportMetadata | null = null;
    try {
      metadata = await loadExportMetadata(group, ctx);
    } catch (error) {
      report.warnings.push(metadataWarning(group.display, error));
    }
    if (metadata) report.warnings.push(...metadata.issues);
    const onIssue = (issue: ImportIssue) => report.skipped.push(issue);
    try {
      for await (const file of group.files(onIssue)) {
        if (METADATA_FILE.test(file.relPath)) continue;
        await importOneFile(ctx, files, file, metadata, report);
        progress.done++;
        progress.total = Math.max(progress.total, progress.done);
        progress.imported = report.imported;
        progress.skipped = report.skipped.length;
        progress.current = file.display;
        onProgress({ ...progress });
      }
    } catch (error) {
      // One input failing part-way (an archive that breaks mid-walk) never stops the other PATHs.
      report.skipped.push(issueFrom(group.display, error));
    }
    if (metadata) {
      // Activities the export lists without a usable file still count (manual entries, #error# rows).
      for (const { source, activity } of leftoversOf(metadata, group.display, report)) {
        try {
          const outcome = await writeActivities(ctx, source, [activity], null);
          for (const w of outcome.warnings ?? []) report.warnings.push({ file: source, ...w });
          report.imported += outcome.imported;
          report.duplicates += outcome.duplicates;
        } catch (error) {
          report.skipped.push(issueFrom(source, error));
        }
      }
    }
  }
  return report;
}

async function importOneFile(
  ctx: WriteContext,
  files: ImportedFileRepository,
  file: { display: string; relPath: string; read(): Promise<Uint8Array> },
  metadata: ExportMetadata | null,
  report: ImportReport,
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (error) {
    report.skipped.push(issueFrom(file.display, error));
    return;
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const known = await files.activityCountOf(ctx.athleteId, hash);
  if (known !== null) {
    metadata?.markSeen(file.relPath);
    report.duplicates += known;
    return;
  }
  let decoded: DecodeResult;
  try {
    decoded = decodeActivityFile(bytes);
    for (const w of decoded.warnings) report.warnings.push({ file: file.display, ...w });
  } catch (error) {
    report.skipped.push(issueFrom(file.display, error));
    return;
  }
  let activities = decoded.activities;
  const dated = activities.filter(hasCalendarStart);
  if (dated.length < activities.length) {
    const deviceRelative = decoded.warnings.some((w) => w.code === 'FIT_DEVICE_RELATIVE_TIME');
    const issue = {
      file: file.display,
      code: deviceRelative ? 'FIT_DEVICE_RELATIVE_TIME' : 'NO_TIMESTAMPS',
      message: deviceRelative
        ? 'The watch recorded times since it was switched on, not a date, so the run cannot be placed on a calendar day. Import the copy from Garmin Connect or Strava instead: it carries the date.'
        : 'An activity in this file has no usable start date and was left out.',
    };
    if (dated.length === 0) {
      report.skipped.push(issue);
      return;
    }
    report.warnings.push(issue);
    activities = dated;
  }
  if (metadata) activities = metadata.claim(file.relPath, activities);
  try {
    const outcome = await writeActivities(ctx, file.display, activities, hash);
    for (const w of outcome.warnings ?? []) report.warnings.push({ file: file.display, ...w });
    report.imported += outcome.imported;
    report.duplicates += outcome.duplicates;
  } catch (error) {
    // The file's transaction rolled back: nothing of it is stored, and the import goes on.
    report.skipped.push(issueFrom(file.display, error));
  }
}

/** FIT counts time from 1989-12-31; a start before that is device-relative or missing, not a date. */
function hasCalendarStart(activity: ParsedActivity): boolean {
  return Number.isFinite(activity.startMs) && activity.startMs >= Date.UTC(1989, 11, 31);
}

function isActivityCandidate(relPath: string): boolean {
  return !isIgnoredPath(relPath) && !METADATA_FILE.test(relPath);
}

function leftoversOf(
  metadata: ExportMetadata,
  display: string,
  report: ImportReport,
): ReturnType<ExportMetadata['leftovers']> {
  try {
    return metadata.leftovers();
  } catch (error) {
    report.warnings.push(metadataWarning(display, error));
    return [];
  }
}

function metadataWarning(display: string, error: unknown): ImportIssue {
  const issue = issueFrom(display, error);
  return {
    file: display,
    code: issue.code === 'DECODE_FAILED' ? 'EXPORT_METADATA_UNREADABLE' : issue.code,
    message: `The export's list of activities could not be read (${issue.message}); its activity files were imported without it.`,
  };
}

function issueFrom(file: string, error: unknown): ImportIssue {
  if (error instanceof KneewiseError) return { file, code: error.code, message: error.message };
  // The file system failed (permissions, I/O): nothing was decoded, so it is a read failure.
  const fsCode = (error as { code?: unknown } | null)?.code;
  if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) {
    return { file, code: 'READ_FAILED', message: `cannot read the file (${fsCode})` };
  }
  return { file, code: 'DECODE_FAILED', message: error instanceof Error ? error.message : String(error) };
}
