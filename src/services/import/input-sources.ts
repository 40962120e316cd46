/**
 * Turns the PATHs given to `import` into files to decode: a file, a folder (recursively), or a ZIP (with ZIPs
 * nested inside it, like Garmin's UploadedFiles parts). Each file carries the path it is reported under:
 * as given on the command line, and inside an archive as `archive.zip!path/inside.fit`.
 */
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { walkNestedZip } from '../../import/archive/nested-zip-walker.ts';
import { joinArchivePath } from '../../import/archive/zip-entry-path.ts';
import {
  type ArchiveEntry,
  DEFAULT_ZIP_LIMITS,
  listZipPaths,
  newReadBudget,
  type ReadBudget,
  readZipEntry,
  walkZip,
  type ZipIssue,
} from '../../import/archive/zip-walker.ts';
import { type FsPath, MAX_INPUT_FILE_BYTES, notAFile, readFailed, readRegularFile } from './bounded-file.ts';
import { walkFolder } from './folder-walker.ts';

export interface SourceFile {
  /** The path the file is reported under. */
  display: string;
  /** '/'-separated path relative to the input's root (folder or archive), used to match export metadata. */
  relPath: string;
  read(): Promise<Uint8Array>;
  /** Where a plain file lies, so it can be read where it is prepared (a worker); absent inside an archive. */
  path?: FsPath;
}

export interface InputIssue {
  file: string;
  code: string;
  message: string;
}

export interface InputGroup {
  display: string;
  kind: 'file' | 'folder' | 'zip';
  /** Every file path relative to the root, for export detection; nested archives are not opened for this. */
  paths: string[];
  readRel(relPath: string): Promise<Uint8Array | null>;
  files(onIssue: (issue: InputIssue) => void): AsyncGenerator<SourceFile>;
}

/** Files that cannot hold activities and are not export metadata: skipped without a word. */
const IGNORED =
  /(^|\/)(\.DS_Store|__MACOSX\/.*|Thumbs\.db|\._.*)$|\.(jpe?g|png|gif|heic|mp4|mov|pdf|txt|md|html?|tsv|log|ya?ml|ini)$/i;

export function isIgnoredPath(relPath: string): boolean {
  return IGNORED.test(relPath);
}

/** `display` is the name the input is reported under (default: its path); see ImportOptions.displayAs. */
export async function openInput(
  path: string,
  display: string = path,
  /** What every archive of this import may inflate in total, nested ones included (import.service.ts). */
  budget: ReadBudget = newReadBudget(),
): Promise<InputGroup> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw readFailed(display, error);
  }
  if (info.isDirectory()) return openFolder(path, display, budget);
  // Checked before anything opens it: a FIFO would block the import, a device would never end.
  if (!info.isFile()) throw notAFile(display, info);
  if (await looksLikeZip(path)) return openZip(path, display, budget);
  return {
    display,
    kind: 'file',
    paths: [baseName(display)],
    readRel: async () => readRegularFile(path, display),
    async *files() {
      yield { display, relPath: baseName(display), path, read: () => readRegularFile(path, display) };
    },
  };
}

async function openFolder(root: string, display: string, budget: ReadBudget): Promise<InputGroup> {
  let listing: Awaited<ReturnType<typeof walkFolder>>;
  try {
    listing = await walkFolder(root);
  } catch (error) {
    throw readFailed(display, error);
  }
  const byRel = new Map(listing.files.map((f) => [f.rel, f.full]));
  const paths = listing.files.map((f) => f.rel);
  const shown = (rel: string) => (display === root ? join(root, ...rel.split('/')) : `${display}/${rel}`);
  return {
    display,
    kind: 'folder',
    paths,
    async readRel(relPath) {
      const full = byRel.get(relPath);
      if (full === undefined) return null;
      try {
        return await readRegularFile(full, shown(relPath));
      } catch {
        return null;
      }
    },
    async *files(onIssue) {
      for (const issue of listing.issues) {
        onIssue({ file: shown(issue.rel), code: issue.code, message: issue.message });
      }
      for (const { rel, full } of listing.files) {
        if (isIgnoredPath(rel)) continue;
        if (/\.zip$/i.test(rel)) {
          // A ZIP inside a folder is walked like one given directly. yauzl hands the path to fs.open, which
          // takes the raw bytes of a name that is not UTF-8 as well.
          yield* (await openZip(full as string, shown(rel), budget)).files(onIssue);
          continue;
        }
        yield {
          display: shown(rel),
          relPath: rel,
          path: full,
          read: () => readRegularFile(full, shown(rel)),
        };
      }
    },
  };
}

async function openZip(zipPath: string, display: string, budget: ReadBudget): Promise<InputGroup> {
  const issues: ZipIssue[] = [];
  const paths = await listZipPaths(zipPath, DEFAULT_ZIP_LIMITS, (issue) => issues.push(issue));
  return {
    display,
    kind: 'zip',
    paths,
    readRel: (relPath) => readZipEntry(zipPath, relPath),
    async *files(onIssue) {
      const report = (issue: ZipIssue) =>
        onIssue({ file: joinArchivePath(display, issue.path), code: issue.code, message: issue.message });
      yield* zipFiles(walkZip(zipPath, DEFAULT_ZIP_LIMITS, report, budget), display, report);
    },
  };
}

async function* zipFiles(
  entries: AsyncGenerator<ArchiveEntry>,
  /** The archive as it is reported (its display name). */
  shownAs: string,
  report: (issue: ZipIssue) => void,
): AsyncGenerator<SourceFile> {
  for await (const entry of entries) {
    const innermost = entry.path.slice(entry.path.lastIndexOf('!') + 1);
    if (isIgnoredPath(innermost)) continue;
    if (/\.zip$/i.test(innermost)) {
      yield* zipFiles(walkNestedZip(entry, DEFAULT_ZIP_LIMITS, report), shownAs, report);
      continue;
    }
    // The bytes are read now: an entry can only be read while the walk stands on it.
    const display = joinArchivePath(shownAs, entry.path);
    // An activity file is never this big: refused from its declared size (reading counts the real bytes too).
    const bytes =
      entry.size > MAX_INPUT_FILE_BYTES
        ? new ImportError(
            IMPORT_CODES.FILE_TOO_LARGE,
            `${display}: ${entry.size} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte limit for one activity file`,
          )
        : await entry.read().catch((error: unknown) => error as Error);
    yield {
      display,
      relPath: innermost,
      read: async () => {
        if (bytes instanceof Error) throw bytes;
        return bytes;
      },
    };
  }
}

async function looksLikeZip(path: string): Promise<boolean> {
  if (/\.zip$/i.test(path)) return true;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await handle.close();
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
