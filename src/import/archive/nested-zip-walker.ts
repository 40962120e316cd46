/**
 * Walks a ZIP stored inside another ZIP (Garmin's `DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip`).
 *
 * A ZIP is read from its end (the central directory), which a deflated entry cannot give us without
 * inflating it all. Small inner archives are therefore inflated into memory; big ones are streamed to a
 * private temporary file, walked from disk and deleted afterwards, so memory stays bounded either way.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { nestingDepth } from './zip-entry-path.ts';
import { DEFAULT_ZIP_LIMITS, MAX_ZIP_NESTING, type ZipLimits } from './zip-limits.ts';
import { type ArchiveEntry, walkZipSource, type ZipIssueHandler } from './zip-walker.ts';

export interface NestedZipOptions {
  /** Inner archives up to this size are walked from memory; bigger ones from a temporary file. */
  inMemoryMaxBytes: number;
  /** Folder for the temporary files (default: the OS temp folder). */
  tempDir?: string;
}

export const DEFAULT_NESTED_ZIP_OPTIONS: NestedZipOptions = { inMemoryMaxBytes: 64 * 1024 * 1024 };

/**
 * Walks the ZIP held by `entry` (an entry of an archive being walked: call this before moving on).
 * Yielded paths are `entry.path!inner/path`. Problems are reported like walkZip's, with the nested path;
 * a damaged inner archive is reported under `entry.path` and yields nothing.
 */
export async function* walkNestedZip(
  entry: ArchiveEntry,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  onIssue?: ZipIssueHandler,
  options: NestedZipOptions = DEFAULT_NESTED_ZIP_OPTIONS,
): AsyncGenerator<ArchiveEntry> {
  const report: ZipIssueHandler =
    onIssue ??
    ((issue) => {
      throw new ImportError(issue.code, `${issue.path}: ${issue.message}`);
    });
  // Archive levels so far: the outer archive plus one per '!' in the entry's path; this entry adds one.
  if (nestingDepth(entry.path) + 2 > MAX_ZIP_NESTING) {
    report({
      path: entry.path,
      code: IMPORT_CODES.ZIP_BOMB,
      message: `refused: archives nested more than ${MAX_ZIP_NESTING} levels deep`,
    });
    return;
  }
  if (entry.size <= options.inMemoryMaxBytes) {
    let bytes: Buffer;
    try {
      bytes = await entry.read();
    } catch (err) {
      reportReadFailure(entry.path, err, report);
      return;
    }
    yield* walkZipSource({ kind: 'buffer', bytes }, entry.path, limits, onIssue ?? report, entry.budget);
    return;
  }
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'kneewise-zip-'));
  try {
    const file = join(dir, 'nested.zip');
    try {
      await pipeline(Readable.from(entry.chunks()), createWriteStream(file, { mode: 0o600 }));
    } catch (err) {
      reportReadFailure(entry.path, err, report);
      return;
    }
    yield* walkZipSource({ kind: 'file', path: file }, entry.path, limits, onIssue ?? report, entry.budget);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function reportReadFailure(path: string, err: unknown, report: ZipIssueHandler): void {
  if (err instanceof ImportError) {
    // The entry's own message already starts with its path; keep only the reason.
    const reason = err.message.startsWith(`${path}: `) ? err.message.slice(path.length + 2) : err.message;
    report({ path, code: err.code as ArchiveIssueCode, message: reason });
    return;
  }
  throw err;
}

type ArchiveIssueCode = Parameters<ZipIssueHandler>[0]['code'];
