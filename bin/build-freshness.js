// Is dist/cli (the bundle `npm run build` makes) at least as new as the sources it was built from? Only a
// checkout has src/; an installed package ships the build alone and is always current. In a checkout only the
// files the build actually bundled are compared (the build lists them), not the whole of src/: a few hundred
// stat calls rather than a walk of every folder and test, on every start.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIST = join(ROOT, 'dist', 'cli');
/** Written last by the build, so its time is the build's. */
export const CLI_STAMP = join(CLI_DIST, 'commands.json');
/** The sources the build bundled, relative to ROOT (esbuild's list of inputs under src/). */
export const CLI_SOURCES_NAME = 'sources.json';

export function isCheckout() {
  return existsSync(join(ROOT, 'src'));
}

export function cliBuildIsFresh() {
  if (!existsSync(CLI_STAMP)) return false;
  if (!isCheckout()) return true;
  const built = statSync(CLI_STAMP).mtimeMs;
  let sources;
  try {
    sources = JSON.parse(readFileSync(join(CLI_DIST, CLI_SOURCES_NAME), 'utf8'));
  } catch {
    return false; // a build from before the list was written: build again
  }
  // A source removed since is stale too; a source added is only bundled through one that changed.
  // ROOT ends with a separator and the list uses '/', which every platform's file calls accept: plain
  // concatenation, as path.join's normalising costs more than the stat itself here.
  for (const file of [...sources, 'package.json']) {
    const stats = statSync(ROOT + file, { throwIfNoEntry: false });
    if (stats === undefined || stats.mtimeMs > built) return false;
  }
  return true;
}
