/**
 * Serves the built dashboard. Hashed files under /assets/ are cached for a year; index.html is never cached,
 * so a rebuilt dashboard shows up on reload. Unknown paths get index.html (the app routes on the hash).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

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

export function serveWeb(root: string): MiddlewareHandler {
  const cache = new Map<string, Buffer | null>();
  const load = async (relative: string): Promise<Buffer | null> => {
    if (cache.has(relative)) return cache.get(relative) ?? null;
    const full = normalize(join(root, relative));
    if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    const bytes = await readFile(full).catch(() => null);
    cache.set(relative, bytes);
    return bytes;
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const asset = path !== '/' ? await load(path.slice(1)) : null;
    const bytes = asset ?? (await load('index.html'));
    if (!bytes) return next();
    const type = asset ? (TYPES[extname(path)] ?? 'application/octet-stream') : TYPES['.html']!;
    const cacheControl =
      asset && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(new Uint8Array(bytes), 200, { 'content-type': type, 'cache-control': cacheControl });
  };
}
