/**
 * Walks a ZIP archive one entry at a time with bounded memory, refusing what looks hostile.
 *
 * This is the one place (with nested-zip-walker.ts) that touches the file system: exports are multi-GB, so
 * we read the central directory from disk through yauzl instead of loading the archive. Everything
 * downstream receives bytes.
 *
 * Refusals go to `onIssue` and the walk goes on (a bad entry) or stops (a bad archive). Issue paths are
 * entry paths ('' for the archive walked by walkZip itself). Without `onIssue`, the first refusal throws
 * an ImportError instead, so problems are never dropped silently.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { IMPORT_CODES, type ImportCode, ImportError } from '../../domain/errors.ts';
import { openWindowedZip } from './windowed-zip-reader.ts';
import { isDirectoryEntry, joinArchivePath, unsafeEntryPathReason } from './zip-entry-path.ts';
import { DEFAULT_ZIP_LIMITS, declaredSizeProblem, ratioProblem, type ZipLimits } from './zip-limits.ts';
import { OverlapDetector } from './zip-overlap.ts';

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.ts';

export interface ArchiveEntry {
  /** Path inside the archive, '/'-separated; entries of nested archives are joined with '!' (see zip-entry-path.ts). */
  path: string;
  /** Declared inflated size in bytes (checked against the limits; the actual bytes are counted while reading). */
  size: number;
  /** Declared compressed size in bytes. */
  compressedSize: number;
  /** The inflated bytes, size-capped and CRC-checked. Call it before the walk finishes (the archive is closed then). */
  read(): Promise<Buffer>;
  /** The inflated bytes as chunks, with the same checks as read(); for streaming a large entry to disk. */
  chunks(): AsyncGenerator<Buffer>;
  /** The inflation budget of the whole walk: an archive nested in this entry spends from the same one. */
  budget: ReadBudget;
}

export interface ZipIssue {
  path: string;
  code: ImportCode;
  message: string;
}

export type ZipIssueHandler = (issue: ZipIssue) => void;

/** Where an archive's bytes come from: a file on disk, or memory for small nested archives. */
export type ZipSource = { kind: 'file'; path: string } | { kind: 'buffer'; bytes: Buffer };

/** Walks the archive at `zipPath`, yielding file entries (folders are skipped). */
export function walkZip(
  zipPath: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  onIssue?: ZipIssueHandler,
  /** Pass one budget to several walks (every archive of one import) to cap what they inflate together. */
  budget: ReadBudget = newReadBudget(),
): AsyncGenerator<ArchiveEntry> {
  return walkZipSource({ kind: 'file', path: zipPath }, '', limits, onIssue, budget);
}

/** All safe file paths of an archive, without reading any data: for export detection (isStravaExport…). */
export async function listZipPaths(
  zipPath: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  onIssue?: ZipIssueHandler,
): Promise<string[]> {
  const paths: string[] = [];
  for await (const entry of walkZip(zipPath, limits, onIssue)) paths.push(entry.path);
  return paths;
}

/**
 * Reads one entry by its path (e.g. `export_1/activities.csv` before walking the activity files), or null
 * when the archive has no such entry. Scans the central directory only; no other entry is inflated.
 * Problems with other entries are ignored here (the full walk reports them); archive-level ones throw.
 */
export async function readZipEntry(
  zipPath: string,
  entryPath: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Buffer | null> {
  const onIssue: ZipIssueHandler = (issue) => {
    if (issue.path === '' || issue.path === entryPath) {
      throw new ImportError(issue.code, describeIssue(zipPath, issue));
    }
  };
  for await (const entry of walkZip(zipPath, limits, onIssue)) {
    if (entry.path === entryPath) return entry.read();
  }
  return null;
}

/** "archive.zip!inner/path: message", the form used in every refusal. */
export function describeIssue(archiveName: string, issue: ZipIssue): string {
  return `${joinArchivePath(archiveName, issue.path)}: ${issue.message}`;
}

/**
 * The walk over any source. `prefix` is the path of the archive being walked inside its parent ('' at the
 * top); yielded paths are `prefix!name`. Exported for nested-zip-walker.ts.
 */
export async function* walkZipSource(
  source: ZipSource,
  prefix: string,
  limits: ZipLimits,
  onIssue: ZipIssueHandler | undefined,
  /** Shared by an archive and every archive nested in it: nesting never buys a fresh allowance. */
  budget: ReadBudget,
): AsyncGenerator<ArchiveEntry> {
  const report: ZipIssueHandler =
    onIssue ??
    ((issue) => {
      throw new ImportError(issue.code, describeIssue(source.kind === 'file' ? source.path : '', issue));
    });
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (err) {
    if (isFileSystemError(err)) {
      throw new ImportError(
        IMPORT_CODES.READ_FAILED,
        `${source.kind === 'file' ? source.path : prefix}: ${errorText(err)}`,
      );
    }
    report({
      path: prefix,
      code: IMPORT_CODES.ZIP_CORRUPT,
      message: `not a readable ZIP archive (${errorText(err)})`,
    });
    return;
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      report({
        path: prefix,
        code: IMPORT_CODES.ZIP_TOO_MANY_ENTRIES,
        message: `holds ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`,
      });
      return;
    }
    // The whole central directory is checked before any entry is inflated: an overlapping bomb's first entry
    // alone can be hundreds of MB.
    const overlapping = await findOverlappingEntry(source);
    if (overlapping !== null) {
      report({
        path: prefix,
        code: IMPORT_CODES.ZIP_BOMB,
        message: `refused: entry "${overlapping}" overlaps another entry's data, the mark of a decompression bomb; nothing in this archive was read`,
      });
      return;
    }
    const nextEntry = entryIterator(zip);
    while (!budget.exceeded) {
      let raw: RawEntry | null;
      try {
        raw = await nextEntry();
      } catch (err) {
        report({
          path: prefix,
          code: IMPORT_CODES.ZIP_CORRUPT,
          message: `damaged central directory (${errorText(err)})`,
        });
        return;
      }
      if (raw === null) return;
      const name = decodeEntryName(raw);
      const unsafe = unsafeEntryPathReason(name);
      const path = joinArchivePath(prefix, name);
      if (unsafe !== null) {
        report({ path, code: IMPORT_CODES.ZIP_UNSAFE_PATH, message: `refused: ${unsafe}` });
        continue;
      }
      if (isDirectoryEntry(name)) continue;
      const unreadable = unreadableReason(raw);
      if (unreadable !== null) {
        report({ path, code: IMPORT_CODES.UNSUPPORTED_FORMAT, message: unreadable });
        continue;
      }
      const sizeProblem = declaredSizeProblem(raw.uncompressedSize, raw.compressedSize, limits);
      if (sizeProblem !== null) {
        report({ path, code: sizeProblem.code, message: `refused: ${sizeProblem.message}` });
        continue;
      }
      yield makeEntry(zip, raw, path, limits, budget);
    }
    report({
      path: prefix,
      code: IMPORT_CODES.ZIP_BOMB,
      message: `stopped after inflating more than ${limits.maxTotalBytes} bytes in total; the remaining entries were not read`,
    });
  } finally {
    zip.close();
  }
}

/**
 * The name of the first entry whose bytes overlap an earlier entry's, or null. Reads the central directory
 * only (a second, separate pass); a directory too damaged to list is left for the walk itself to report.
 */
async function findOverlappingEntry(source: ZipSource): Promise<string | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch {
    return null;
  }
  try {
    const detector = new OverlapDetector();
    const next = entryIterator(zip);
    for (;;) {
      const raw = await next();
      if (raw === null) return null;
      if (detector.overlaps(raw.relativeOffsetOfLocalHeader, raw.compressedSize)) {
        return raw.fileNameRaw.toString('utf8');
      }
    }
  } catch {
    return null;
  } finally {
    zip.close();
  }
}

/** Inflated bytes counted against `maxTotalBytes`, across an archive and the archives inside it. */
export interface ReadBudget {
  totalBytes: number;
  exceeded: boolean;
}

export function newReadBudget(): ReadBudget {
  return { totalBytes: 0, exceeded: false };
}

/** yauzl's entry with the raw fields present at run time (its type definitions predate them). */
type RawEntry = yauzl.Entry & { fileNameRaw: Buffer };

const yauzlLowLevel = yauzl as unknown as {
  getFileNameLowLevel(
    flags: number,
    raw: Buffer,
    extraFields: yauzl.Entry['extraFields'],
    strict: boolean,
  ): string;
};

/**
 * We decode names ourselves (decodeStrings: false) because yauzl's own check turns one bad name into an
 * error for the whole archive; we want to refuse that entry and keep walking. Strict mode keeps
 * backslashes so our check sees them.
 */
function decodeEntryName(raw: RawEntry): string {
  return yauzlLowLevel.getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, raw.extraFields, true);
}

function unreadableReason(raw: yauzl.Entry): string | null {
  if (raw.isEncrypted()) return 'the entry is encrypted; export archives are never encrypted';
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    return `unsupported compression method ${raw.compressionMethod} (only stored and deflate are read)`;
  }
  return null;
}

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    // We count inflated bytes ourselves, so a lying size becomes an entry refusal, not an archive error.
    validateEntrySizes: false,
  };
  if (source.kind === 'file') return openWindowedZip(source.path, options);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(source.bytes, options, (err, zip) => (err || !zip ? reject(err) : resolve(zip)));
  });
}

/** One-at-a-time access to yauzl's lazy entry events, as a promise per entry (null at the end). */
function entryIterator(zip: yauzl.ZipFile): () => Promise<RawEntry | null> {
  let pending: { resolve: (e: RawEntry | null) => void; reject: (err: Error) => void } | null = null;
  let failure: Error | null = null;
  let ended = false;
  const settle = (fn: (p: NonNullable<typeof pending>) => void) => {
    const p = pending;
    pending = null;
    if (p) fn(p);
  };
  zip.on('entry', (entry: RawEntry) => settle((p) => p.resolve(entry)));
  zip.on('end', () => {
    ended = true;
    settle((p) => p.resolve(null));
  });
  // Always listening: an 'error' event without a listener would crash the process.
  zip.on('error', (err: Error) => {
    failure = err;
    settle((p) => p.reject(err));
  });
  return () =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (ended) return resolve(null);
      pending = { resolve, reject };
      zip.readEntry();
    });
}

function makeEntry(
  zip: yauzl.ZipFile,
  raw: yauzl.Entry,
  path: string,
  limits: ZipLimits,
  budget: ReadBudget,
): ArchiveEntry {
  const chunks = () => inflateChunks(zip, raw, path, limits, budget);
  return {
    path,
    size: raw.uncompressedSize,
    compressedSize: raw.compressedSize,
    budget,
    chunks,
    async read() {
      const parts: Buffer[] = [];
      for await (const chunk of chunks()) parts.push(chunk);
      return Buffer.concat(parts);
    },
  };
}

/**
 * Inflates one entry, counting bytes as they come: declared sizes can lie, so the per-entry, ratio and
 * total limits are enforced on the real output, and the CRC is verified at the end (yauzl does not).
 */
async function* inflateChunks(
  zip: yauzl.ZipFile,
  raw: yauzl.Entry,
  path: string,
  limits: ZipLimits,
  budget: ReadBudget,
): AsyncGenerator<Buffer> {
  if (!zip.isOpen)
    throw new Error(`${path}: read after the archive walk finished; read entries while walking`);
  const fail = (code: ImportCode, message: string) => new ImportError(code, `${path}: ${message}`);
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = await new Promise((resolve, reject) =>
      zip.openReadStream(raw, (err, s) => (err ? reject(err) : resolve(s))),
    );
  } catch (err) {
    throw fail(IMPORT_CODES.ZIP_CORRUPT, `cannot open the entry's data (${errorText(err)})`);
  }
  let count = 0;
  let crc = 0;
  try {
    for await (const data of stream) {
      const chunk = data as Buffer;
      count += chunk.length;
      budget.totalBytes += chunk.length;
      if (count > raw.uncompressedSize) {
        throw fail(IMPORT_CODES.ZIP_BOMB, `inflates beyond its declared ${raw.uncompressedSize} bytes`);
      }
      if (count > limits.maxEntryBytes) {
        throw fail(IMPORT_CODES.FILE_TOO_LARGE, `more than the ${limits.maxEntryBytes}-byte limit per file`);
      }
      const ratio = ratioProblem(count, raw.compressedSize, limits);
      if (ratio !== null) throw fail(ratio.code, ratio.message);
      if (budget.totalBytes > limits.maxTotalBytes) {
        budget.exceeded = true;
        throw fail(
          IMPORT_CODES.ZIP_BOMB,
          `the archive inflates to more than ${limits.maxTotalBytes} bytes in total`,
        );
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw fail(IMPORT_CODES.ZIP_CORRUPT, `damaged data (${errorText(err)})`);
  } finally {
    stream.destroy();
  }
  if (count !== raw.uncompressedSize) {
    throw fail(IMPORT_CODES.ZIP_CORRUPT, `truncated: ${count} of ${raw.uncompressedSize} declared bytes`);
  }
  if (crc >>> 0 !== raw.crc32 >>> 0)
    throw fail(IMPORT_CODES.ZIP_CORRUPT, 'CRC-32 mismatch: the data is damaged');
}

function isFileSystemError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
