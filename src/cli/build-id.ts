import { readFileSync } from 'node:fs';

/**
 * The id of the built command line: a digest of its code, written by the build beside the bundle
 * (scripts/build.mjs, dist/cli/build-id.txt). Null when the sources run directly (through tsx), which have no
 * fixed build: whatever such a run computes must not be kept for another (stored-load-reports.ts).
 */
export function builtCodeId(): string | null {
  try {
    return readFileSync(new URL('./build-id.txt', import.meta.url), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
