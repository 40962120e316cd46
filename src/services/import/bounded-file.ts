/**
 * Reads one input file with its size known and bounded before any byte is read: only regular files (a FIFO
 * would hang the import, /dev/zero would fill memory), and never more than MAX_INPUT_FILE_BYTES (no activity
 * file comes near it; exports are ZIPs, which are walked from disk instead of being read whole).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { MAX_ACTIVITY_FILE_BYTES } from '../../import/activity-file-limits.ts';

/** A path as the file system gave it: bytes when the name is not valid UTF-8. */
export type FsPath = string | Buffer;

export const MAX_INPUT_FILE_BYTES = MAX_ACTIVITY_FILE_BYTES;

const CHUNK_BYTES = 1024 * 1024;

/** What a non-regular file is, in plain words. */
export function describeNonFile(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

export function notAFile(display: string, info: Stats): ImportError {
  return new ImportError(
    IMPORT_CODES.NOT_A_FILE,
    `${display}: ${describeNonFile(info)}, not a file; only regular files are imported`,
  );
}

export function readFailed(display: string, error: unknown): ImportError {
  const reason = (error as { code?: string }).code ?? (error as Error).message;
  return new ImportError(IMPORT_CODES.READ_FAILED, `${display}: cannot read the file (${reason})`);
}

function tooLarge(display: string, bytes: number, maxBytes: number): ImportError {
  return new ImportError(
    IMPORT_CODES.FILE_TOO_LARGE,
    `${display}: ${bytes > maxBytes ? `more than ${maxBytes}` : bytes} bytes, over the ${maxBytes}-byte limit for one activity file`,
  );
}

/** The file's status, or READ_FAILED / NOT_A_FILE before anything is opened. */
export async function statRegularFile(path: FsPath, display: string): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw readFailed(display, error);
  }
  if (!info.isFile()) throw notAFile(display, info);
  return info;
}

/**
 * The whole file, or an ImportError: NOT_A_FILE, FILE_TOO_LARGE (from its size, before reading; or when it
 * grows past the limit while being read), READ_FAILED (permissions, I/O errors).
 */
export async function readRegularFile(
  path: FsPath,
  display: string,
  maxBytes: number = MAX_INPUT_FILE_BYTES,
): Promise<Buffer> {
  const before = await statRegularFile(path, display);
  if (before.size > maxBytes) throw tooLarge(display, before.size, maxBytes);
  // O_NONBLOCK: if the path was swapped for a FIFO since the check, opening it cannot hang; fstat then refuses it.
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readFailed(display, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notAFile(display, info);
    if (info.size > maxBytes) throw tooLarge(display, info.size, maxBytes);
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(display, total, maxBytes);
      parts.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw readFailed(display, error);
  } finally {
    await handle.close();
  }
}

/** Files up to this size are read into a ReadBuffer; a larger one gets memory of its own, freed after it. */
const REUSED_READ_BYTES = 8 * 1024 * 1024;

/**
 * Memory that one thread reads file after file into. Fresh memory for every file costs a page fault per 4 kB
 * page the kernel copies into (and the collector hands those pages back soon after): on the virtual machines
 * we measure on, that was the largest single cost of a worker's file, more than decoding it. The bytes of a
 * read are valid until the next read into the same buffer.
 */
export class ReadBuffer {
  private bytes = Buffer.allocUnsafeSlow(0);

  /** Room for `size` bytes, or null when a file that large should not be kept around after it is read. */
  room(size: number): Buffer | null {
    if (size > REUSED_READ_BYTES) return null;
    if (this.bytes.length < size)
      this.bytes = Buffer.allocUnsafeSlow(Math.min(REUSED_READ_BYTES, Math.max(size, 2 * this.bytes.length)));
    return this.bytes;
  }
}

/**
 * readRegularFile without the event loop, for a worker thread that has nothing else to do meanwhile (the
 * import's preparation workers): the same checks and errors, a handful of system calls instead of as many
 * round trips through the thread pool. With `into`, the answer is a view of that buffer (see ReadBuffer).
 */
export function readRegularFileSync(
  path: FsPath,
  display: string,
  maxBytes: number = MAX_INPUT_FILE_BYTES,
  into?: ReadBuffer,
): Buffer {
  let before: Stats;
  try {
    before = statSync(path);
  } catch (error) {
    throw readFailed(display, error);
  }
  if (!before.isFile()) throw notAFile(display, before);
  if (before.size > maxBytes) throw tooLarge(display, before.size, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readFailed(display, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notAFile(display, info);
    if (info.size > maxBytes) throw tooLarge(display, info.size, maxBytes);
    // Sized from fstat, one byte more to notice a file that grew; read until the end all the same.
    const parts: Buffer[] = [];
    let total = 0;
    let chunkSize = Math.min(info.size + 1, maxBytes + 1);
    for (;;) {
      const size = Math.max(1, Math.min(chunkSize, maxBytes + 1 - total));
      // Only the first chunk goes into the reused memory: later ones (a file that grew) are kept side by side.
      const chunk = (parts.length === 0 ? into?.room(size) : null) ?? Buffer.allocUnsafeSlow(size);
      const bytesRead = readSync(fd, chunk, 0, size, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(display, total, maxBytes);
      parts.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      chunkSize = CHUNK_BYTES;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw readFailed(display, error);
  } finally {
    closeSync(fd);
  }
}
