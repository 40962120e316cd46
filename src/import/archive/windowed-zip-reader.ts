/**
 * An archive on disk as yauzl reads it, through a few windows of WINDOW_BYTES each, refilled by one synchronous
 * read when a request falls outside them. yauzl asks for every central-directory record and every local header
 * on its own (a few dozen bytes each) and streams each entry's data in small pieces; one asynchronous read per
 * request cost more than the bytes themselves (1.4 s of CPU for a 3,000-file export, a sixth of the import's
 * importing thread). The walk reads forward in two places at once, the central directory at the end of the
 * archive and the entries from its start, so each keeps its own window. Memory stays bounded: a few windows,
 * plus an exact buffer for a request larger than a window.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';

const WINDOW_BYTES = 1024 * 1024;
/** The central directory, the entries, and a nested archive's reads in between. */
const WINDOWS = 3;

interface Window {
  start: number;
  bytes: Buffer;
}

class WindowedReader extends yauzl.RandomAccessReader {
  private windows: Window[] = [];
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {
    super();
  }

  /** The bytes from `start` to `end` (fewer at the end of the file); a view, valid as long as it is held. */
  private bytes(start: number, end: number): Buffer {
    const stop = Math.min(end, this.size);
    if (stop <= start) return Buffer.alloc(0);
    if (stop - start > WINDOW_BYTES) return this.readAt(start, stop - start);
    const index = this.windows.findIndex((w) => w.start <= start && stop <= w.start + w.bytes.length);
    let window: Window;
    if (index >= 0) {
      window = this.windows[index]!;
      this.windows.splice(index, 1);
    } else {
      // A fresh buffer each time: views handed out earlier stay valid.
      window = { start, bytes: this.readAt(start, Math.min(WINDOW_BYTES, this.size - start)) };
      if (this.windows.length >= WINDOWS) this.windows.pop();
    }
    // Most recently used first.
    this.windows.unshift(window);
    return window.bytes.subarray(start - window.start, stop - window.start);
  }

  private readAt(position: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? out : out.subarray(0, done);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    let bytesRead = 0;
    let failure: Error | null = null;
    try {
      const bytes = this.bytes(position, position + length);
      bytes.copy(buffer, offset);
      bytesRead = bytes.length;
    } catch (error) {
      failure = error as Error;
    }
    // Asynchronous, as yauzl expects of a reader.
    setImmediate(() => callback(failure, bytesRead));
  }

  override _readStreamForRange(start: number, end: number): PassThrough {
    const stream = new PassThrough();
    try {
      // A short read (a truncated archive) is caught by yauzl, which counts the bytes.
      stream.end(this.bytes(start, end));
    } catch (error) {
      setImmediate(() => stream.destroy(error as Error));
    }
    return stream;
  }

  override close(callback: (err: Error | null) => void): void {
    let failure: Error | null = null;
    if (!this.closed) {
      this.closed = true;
      this.windows = [];
      try {
        closeSync(this.fd);
      } catch (error) {
        failure = error as Error;
      }
    }
    setImmediate(() => callback(failure));
  }
}

/** Opens the archive at `path` as yauzl.open would, reading it through windows (see above). */
export function openWindowedZip(path: string, options: yauzl.Options): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    let fd: number;
    let size: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      reject(error);
      return;
    }
    try {
      size = fstatSync(fd).size;
    } catch (error) {
      closeSync(fd);
      reject(error);
      return;
    }
    const reader = new WindowedReader(fd, size);
    yauzl.fromRandomAccessReader(reader, size, options, (err, zip) => {
      if (err || !zip) {
        // yauzl let go of the reader without closing it.
        reader.close(() => {});
        reject(err);
        return;
      }
      resolve(zip);
    });
  });
}
