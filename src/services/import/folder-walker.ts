/**
 * Lists the files of a folder for import, one directory at a time so one problem stays local:
 * - a subfolder that cannot be read is reported and skipped; its siblings are still walked;
 * - symbolic links are followed (a linked file imports, a linked folder is walked), each real folder once,
 *   so a link back up the tree is reported as a loop instead of being walked forever;
 * - FIFOs, sockets and devices are reported (NOT_A_FILE), never opened;
 * - names are read as bytes, so a file whose name is not valid UTF-8 can still be opened.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { IMPORT_CODES } from '../../domain/errors.ts';
import { describeNonFile, type FsPath } from './bounded-file.ts';

export interface FolderFile {
  /** '/'-separated path relative to the root, decoded as UTF-8 (invalid bytes shown as U+FFFD). */
  rel: string;
  /** The path to open, exactly as the file system named it. */
  full: FsPath;
}

export interface FolderIssue {
  /** Relative path of the entry the issue is about. */
  rel: string;
  code: string;
  message: string;
}

export async function walkFolder(root: string): Promise<{ files: FolderFile[]; issues: FolderIssue[] }> {
  const files: FolderFile[] = [];
  const issues: FolderIssue[] = [];
  const visited = new Set<string>();
  visited.add((await realpath(root, { encoding: 'buffer' })).toString('latin1'));

  const walk = async (dir: Buffer, rel: string): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      if (rel === '') throw error;
      issues.push({
        rel,
        code: IMPORT_CODES.READ_FAILED,
        message: `the folder cannot be read (${codeOf(error)}); it was skipped, the rest of the import goes on`,
      });
      return;
    }
    for (const entry of entries) {
      const full = Buffer.concat([dir, Buffer.from('/'), entry.name]);
      const childRel = rel === '' ? entry.name.toString('utf8') : `${rel}/${entry.name.toString('utf8')}`;
      if (entry.isFile()) {
        files.push({ rel: childRel, full: asPath(full) });
      } else if (entry.isDirectory()) {
        await walkChildFolder(full, childRel);
      } else if (entry.isSymbolicLink()) {
        let target: Awaited<ReturnType<typeof stat>>;
        try {
          target = await stat(full);
        } catch (error) {
          issues.push({
            rel: childRel,
            code: IMPORT_CODES.READ_FAILED,
            message: `a link to something that cannot be read (${codeOf(error)}); skipped`,
          });
          continue;
        }
        if (target.isFile()) files.push({ rel: childRel, full: asPath(full) });
        else if (target.isDirectory()) await walkChildFolder(full, childRel);
        else
          issues.push({
            rel: childRel,
            code: IMPORT_CODES.NOT_A_FILE,
            message: `${describeNonFile(target)}, skipped`,
          });
      } else {
        const info = await stat(full).catch(() => null);
        issues.push({
          rel: childRel,
          code: IMPORT_CODES.NOT_A_FILE,
          message: `${info ? describeNonFile(info) : 'not a regular file'}, skipped; only regular files are imported`,
        });
      }
    }
  };

  const walkChildFolder = async (full: Buffer, rel: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(full, { encoding: 'buffer' }).then((b) => b.toString('latin1'));
    } catch (error) {
      issues.push({
        rel,
        code: IMPORT_CODES.READ_FAILED,
        message: `the folder cannot be read (${codeOf(error)}); skipped`,
      });
      return;
    }
    if (visited.has(real)) {
      issues.push({
        rel,
        code: 'SYMLINK_LOOP',
        message: 'a link to a folder already imported (a loop or a second way in); skipped',
      });
      return;
    }
    visited.add(real);
    await walk(full, rel);
  };

  await walk(Buffer.from(root), '');
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, issues };
}

/** A byte path whose name is valid UTF-8 is handed on as a string (readable in messages), else as bytes. */
function asPath(full: Buffer): FsPath {
  const text = full.toString('utf8');
  return Buffer.from(text, 'utf8').equals(full) ? text : full;
}

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message;
}
