/**
 * Entry names inside ZIP archives, and how nested archives are addressed.
 *
 * A ZIP stores names as free text; a hostile archive can name an entry `../../.bashrc` or `C:\x` so that a
 * naive extractor writes outside its folder ("zip slip"). We never extract to names, but we refuse such
 * entries anyway: no genuine Strava or Garmin export contains them, so they signal a crafted file.
 */

/**
 * Joins an archive entry path with a path inside that entry (a nested ZIP): `Part1.zip` + `123.fit` →
 * `Part1.zip!123.fit`. The display path of a file is the outer archive's file name joined the same way:
 * `export.zip!DI_CONNECT/…/Part1.zip!123.fit`. `!` is the conventional separator (Java jar URLs, 7-Zip);
 * it is not escaped, so a path is split at the LAST `!` to find the innermost archive.
 */
export const NESTED_PATH_SEPARATOR = '!';

export function joinArchivePath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(NESTED_PATH_SEPARATOR);
}

/** The last segment of an entry path (after the last `/` and the last `!`): `a/b.zip!c/123.fit` → `123.fit`. */
export function entryBaseName(path: string): string {
  const inner = path.slice(path.lastIndexOf(NESTED_PATH_SEPARATOR) + 1);
  return inner.slice(inner.lastIndexOf('/') + 1);
}

/** How many archives deep an entry path is: `a.fit` → 0, `p.zip!a.fit` → 1. */
export function nestingDepth(path: string): number {
  let depth = 0;
  for (const ch of path) if (ch === NESTED_PATH_SEPARATOR) depth += 1;
  return depth;
}

/**
 * Why an entry name is unsafe, or null when it is a plain relative '/'-separated path.
 * Checked on the raw decoded name, before any normalisation, so `a/../../b` is caught even though it
 * "resolves" inside a deep enough folder.
 */
export function unsafeEntryPathReason(name: string): string | null {
  if (name === '') return 'the entry has an empty name';
  if (name.includes('\0')) return 'the entry name contains a NUL character';
  if (name.includes('\\'))
    return 'the entry name contains a backslash (a Windows path that could escape the folder)';
  if (name.startsWith('/')) return 'the entry name is an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'the entry name starts with a drive letter';
  if (name.split('/').includes('..')) return 'the entry name climbs out of the archive with ".."';
  return null;
}

/** True for directory entries (`folder/`), which hold no data. */
export function isDirectoryEntry(name: string): boolean {
  return name.endsWith('/');
}
