/**
 * Turns the PATHs given to `import` into files to decode: a file, a folder (recursively), or a ZIP (with ZIPs
 * nested inside it, like Garmin's UploadedFiles parts). Each file carries the path it is reported under:
 * as given on the command line, and inside an archive as `archive.zip!path/inside.fit`.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { walkNestedZip } from '../../import/archive/nested-zip-walker.ts';
import { joinArchivePath } from '../../import/archive/zip-entry-path.ts';
import {
  type ArchiveEntry,
  DEFAULT_ZIP_LIMITS,
  listZipPaths,
  readZipEntry,
  walkZip,
  type ZipIssue,
} from '../../import/archive/zip-walker.ts';

export interface SourceFile {
  /** The path the file is reported under. */
  display: string;
  /** '/'-separated path relative to the input's root (folder or archive), used to match export metadata. */
  relPath: string;
  read(): Promise<Uint8Array>;
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
export async function openInput(path: string, display: string = path): Promise<InputGroup> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ImportError(IMPORT_CODES.READ_FAILED, `${display}: cannot read (${(error as Error).message})`);
  }
  if (info.isDirectory()) return openFolder(path, display);
  if (await looksLikeZip(path)) return openZip(path, display);
  return {
    display,
    kind: 'file',
    paths: [baseName(display)],
    readRel: async () => readFile(path),
    async *files() {
      yield { display, relPath: baseName(display), read: () => readFile(path) };
    },
  };
}

async function openFolder(root: string, display: string): Promise<InputGroup> {
  const paths = (await listFolder(root)).sort();
  const shown = (rel: string) => (display === root ? join(root, ...rel.split('/')) : `${display}/${rel}`);
  return {
    display,
    kind: 'folder',
    paths,
    async readRel(relPath) {
      try {
        return await readFile(join(root, ...relPath.split('/')));
      } catch {
        return null;
      }
    },
    async *files(onIssue) {
      for (const rel of paths) {
        const full = join(root, ...rel.split('/'));
        if (isIgnoredPath(rel)) continue;
        if (/\.zip$/i.test(rel)) {
          // A ZIP inside a folder is walked like one given directly.
          yield* (await openZip(full, shown(rel))).files(onIssue);
          continue;
        }
        yield { display: shown(rel), relPath: rel, read: () => readFile(full) };
      }
    },
  };
}

async function listFolder(root: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const parent =
      (e as unknown as { parentPath?: string; path?: string }).parentPath ??
      (e as { path?: string }).path ??
      root;
    out.push(relative(root, join(parent, e.name)).split(sep).join('/'));
  }
  return out;
}

async function openZip(zipPath: string, display: string = zipPath): Promise<InputGroup> {
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
      yield* zipFiles(walkZip(zipPath, DEFAULT_ZIP_LIMITS, report), display, report);
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
    const bytes = await entry.read().catch((error: unknown) => error as Error);
    const display = joinArchivePath(shownAs, entry.path);
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
