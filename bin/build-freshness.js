// Is dist/cli (the bundle `npm run build` makes) at least as new as the sources it was built from? Only a
// checkout has src/; an installed package ships the build alone and is always current.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIST = join(ROOT, 'dist', 'cli');
/** Written last by the build, so its time is the build's. */
export const CLI_STAMP = join(CLI_DIST, 'commands.json');

/** Newest modification time under `dir`, test files aside (they never reach the bundle). */
function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(join(dir, entry.name)));
    else if (!entry.name.includes('.test.'))
      newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
  }
  return newest;
}

export function isCheckout() {
  return existsSync(join(ROOT, 'src'));
}

export function cliBuildIsFresh() {
  if (!existsSync(CLI_STAMP)) return false;
  if (!isCheckout()) return true;
  const built = statSync(CLI_STAMP).mtimeMs;
  return built >= newestMtime(join(ROOT, 'src')) && built >= statSync(join(ROOT, 'package.json')).mtimeMs;
}
