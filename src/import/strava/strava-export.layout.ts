/**
 * Recognises a Strava bulk export from its file list and resolves the paths its CSV mentions.
 * The archive may hold the files at its root or inside one folder (`export_12345/`), depending on how the
 * user re-zipped it.
 */

/**
 * The folder holding activities.csv ('' for the root, else e.g. 'export_12345/'), or null when the paths do
 * not look like a Strava export: activities.csv at the root or one folder down, with at least one path
 * under `activities/` beside it (file paths as listZipPaths gives them; a folder entry `activities/` counts too).
 * An export of an account with only manual activities has no such folder and is not recognised: the lead can
 * still call parseStravaActivitiesCsv on an activities.csv it finds.
 */
export function stravaExportRoot(paths: readonly string[]): string | null {
  const roots = paths
    .filter((p) => /^(?:[^/]+\/)?activities\.csv$/.test(p))
    .map((p) => p.slice(0, p.length - 'activities.csv'.length))
    .sort((a, b) => a.length - b.length);
  for (const root of roots) {
    if (paths.some((p) => p.startsWith(`${root}activities/`))) return root;
  }
  return null;
}

/** True when the paths look like a Strava bulk export (activities.csv plus activities/, see stravaExportRoot). */
export function isStravaExport(paths: readonly string[]): boolean {
  return stravaExportRoot(paths) !== null;
}

/** The archive path of a "Filename" cell: the root joined with `activities/123.fit.gz`. */
export function stravaFilePath(root: string, filename: string): string {
  return `${root}${filename}`;
}

/** The path of another export CSV (shoes.csv, general_preferences.csv) under the root. */
export function stravaCsvPath(root: string, name: 'activities.csv' | 'shoes.csv' | 'bikes.csv'): string {
  return `${root}${name}`;
}
