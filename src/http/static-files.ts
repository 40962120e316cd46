/**
 * Serves the built dashboard. The build's file list is read once, when the server starts: only those files
 * are ever read from disk or kept in memory, so no request path, however many unique ones a page or a script
 * sends, can grow the server (a cache keyed by whatever was asked for grew to gigabytes). Hashed files under
 * /assets/ are cached by the browser for a year; index.html is never, so a rebuilt dashboard shows up on
 * reload. A path without a file extension gets index.html (the app routes on the hash); a missing file
 * (/assets/old.js, /favicon.png) is a 404, so a stale page never runs HTML as a script.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptsGzip } from './accept-encoding.ts';
import { allowInlineScripts } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

export interface WebFilesLimits {
  /** Bytes kept in memory over all files (the whole dashboard is well under 2 MB). */
  maxCachedBytes: number;
  /** A file larger than this is read from disk on every request instead. */
  maxFileBytes: number;
}

type Bytes = Uint8Array<ArrayBuffer>;

const gzipAsync = promisify(gzip);

/**
 * Scripts and styles of the build travel gzipped to a browser that takes it (a third of the bytes: the Training
 * screen's 283 kB chunk is 88 kB), compressed once, off the event loop, and kept. Never the page: server mode
 * rewrites its text (server-page.ts), and it is small.
 */
const COMPRESSED_TYPES = new Set(['.js', '.css', '.svg', '.json']);
const MIN_COMPRESSED_BYTES = 1024;

const DEFAULT_LIMITS: WebFilesLimits = { maxCachedBytes: 32 * 1024 ** 2, maxFileBytes: 4 * 1024 ** 2 };

/** Every regular file under `root`, as `/`-separated paths relative to it (symlinks are not followed). */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  try {
    walk(root);
  } catch {
    // No build (yet): every path is a 404, as before a build existed.
  }
  return out;
}

/** The build's files, and the bytes of those read so far (bounded by `limits`). */
export class WebFiles {
  private readonly files: ReadonlySet<string>;
  private readonly cache = new Map<string, Bytes>();
  private readonly compressed = new Map<string, Bytes>();
  private readonly compressing = new Map<string, Promise<Bytes>>();
  private cachedBytes = 0;

  constructor(
    private readonly root: string,
    private readonly limits: WebFilesLimits = DEFAULT_LIMITS,
  ) {
    this.files = new Set(listFiles(root));
  }

  has(relativePath: string): boolean {
    return this.files.has(relativePath);
  }

  /** The bytes of a file of the build; null for anything else, or when it has gone since the start. */
  async read(relativePath: string): Promise<Bytes | null> {
    if (!this.files.has(relativePath)) return null;
    const cached = this.cache.get(relativePath);
    if (cached) return cached;
    const full = join(this.root, ...relativePath.split('/'));
    const size = await stat(full).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return null;
    const read = await readFile(full).catch(() => null);
    if (!read) return null;
    // readFile gives the file its own buffer: a view of it, not a copy.
    const bytes: Bytes = new Uint8Array(read.buffer as ArrayBuffer, read.byteOffset, read.length);
    if (size <= this.limits.maxFileBytes && this.cachedBytes + bytes.length <= this.limits.maxCachedBytes) {
      this.cache.set(relativePath, bytes);
      this.cachedBytes += bytes.length;
    }
    return bytes;
  }

  /**
   * A file of the build gzipped, when it is a script, style or other text asset worth compressing and it is
   * kept in memory (a file read from disk on every request goes as it is); null otherwise. Compressed once.
   */
  async gzipped(relativePath: string): Promise<Bytes | null> {
    const kept = this.compressed.get(relativePath);
    if (kept) return kept;
    const plain = this.cache.get(relativePath);
    if (!plain || plain.length < MIN_COMPRESSED_BYTES || !COMPRESSED_TYPES.has(extname(relativePath)))
      return null;
    let pending = this.compressing.get(relativePath);
    if (pending === undefined) {
      pending = gzipAsync(plain, { level: 9 }).then(
        (b) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.length),
      );
      this.compressing.set(relativePath, pending);
    }
    const zipped = await pending;
    this.compressing.delete(relativePath);
    if (
      !this.compressed.has(relativePath) &&
      this.cachedBytes + zipped.length <= this.limits.maxCachedBytes
    ) {
      this.compressed.set(relativePath, zipped);
      this.cachedBytes += zipped.length;
    }
    return zipped;
  }

  /** What is held in memory (tests assert it stays bounded). */
  stats(): { listed: number; cachedFiles: number; cachedBytes: number } {
    return { listed: this.files.size, cachedFiles: this.cache.size, cachedBytes: this.cachedBytes };
  }
}

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi;

/**
 * The Content-Security-Policy hashes (`sha256-…`) of a page's inline scripts: every `<script>` without a
 * `src` that is not a data block (`type="application/json"`), hashed over its exact text as the browser does.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes) || /\stype\s*=\s*["']?application\/json/i.test(attributes)) continue;
    hashes.push(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** The page's inline-script hashes, computed once per page read (the same bytes are served until a restart). */
const pageHashes = new WeakMap<Bytes, string[]>();
function hashesOfPage(page: Bytes): string[] {
  let hashes = pageHashes.get(page);
  if (hashes === undefined) {
    hashes = inlineScriptHashes(Buffer.from(page.buffer, page.byteOffset, page.length).toString('utf8'));
    pageHashes.set(page, hashes);
  }
  return hashes;
}

/** The path as the file it names, or null when it has malformed percent-encoding. */
function decodedPath(rawPath: string): string | null {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return null;
  }
}

export function serveWeb(root: string, files: WebFiles = new WebFiles(root)): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = decodedPath(new URL(c.req.url).pathname);
    // Malformed addresses are refused by request-guard.ts before they get here.
    if (path === null || path.startsWith('/api/')) return next();
    const wanted = path.replace(/^\/+/, '');
    const asset = wanted !== '' && wanted !== 'index.html' ? await files.read(wanted) : null;
    if (asset) {
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(wanted)] ?? 'application/octet-stream',
        'cache-control': wanted.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (COMPRESSED_TYPES.has(extname(wanted))) headers.vary = 'accept-encoding';
      const zipped = acceptsGzip(c.req.header('accept-encoding')) ? await files.gzipped(wanted) : null;
      if (zipped) return c.body(zipped, 200, { ...headers, 'content-encoding': 'gzip' });
      return c.body(asset, 200, headers);
    }
    // A missing file stays a 404; only app-like paths (no extension) get the page.
    const page = extname(wanted) === '' || wanted === 'index.html' ? await files.read('index.html') : null;
    if (!page) {
      return c.json(
        { error: { code: 'NOT_FOUND', message: `No file ${path.slice(0, 200)} in the dashboard` } },
        404,
      );
    }
    // The page's boot script is inline (web/build/boot-plugin.ts): it may run, and no other inline script.
    allowInlineScripts(c, hashesOfPage(page));
    return c.body(page, 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  };
}
