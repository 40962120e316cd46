/**
 * The dashboard is built on first use, so `kneewise serve` works right after `npm ci` with no separate build
 * step: when dist/web is missing or older than any file under web/ (or vite.config.ts), Vite builds it. The
 * build goes to a scratch folder that is renamed into place, so two processes never serve a half-written one.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_SOURCE = join(PROJECT_ROOT, 'web');
export const WEB_DIST = join(PROJECT_ROOT, 'dist', 'web');
const VITE_CONFIG = join(PROJECT_ROOT, 'vite.config.ts');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The shared domain files the dashboard imports count too: a changed formatter must rebuild. */
function sourcesMtime(): number {
  return Math.max(
    newestMtime(WEB_SOURCE),
    newestMtime(VITE_CONFIG),
    newestMtime(join(PROJECT_ROOT, 'src', 'domain')),
  );
}

export function webBuildIsFresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  // An installed package ships dist/web without web/: the build it carries is the only one there is.
  if (!existsSync(WEB_SOURCE)) return true;
  return statSync(index).mtimeMs >= sourcesMtime();
}

/** Builds the dashboard when needed; returns the folder to serve. `log` hears one line when it builds. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<string> {
  if (webBuildIsFresh()) return WEB_DIST;
  log('Building the dashboard (first run, takes a few seconds)…');
  const scratch = `${WEB_DIST}.build-${process.pid}`;
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir: scratch, emptyOutDir: true } });
  const old = `${WEB_DIST}.old-${process.pid}`;
  if (existsSync(WEB_DIST)) await rename(WEB_DIST, old).catch(() => {});
  await rename(scratch, WEB_DIST).catch(async () => {
    // Another process renamed its build into place first; theirs is as fresh as ours.
    await rm(scratch, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
  return WEB_DIST;
}
