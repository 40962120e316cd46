/**
 * Recognises a Garmin Connect data export from its file list and classifies its paths
 * (research/strava-garmin-export.md §2.2, §2.5). Paths are entry paths as the ZIP walker gives them;
 * nested entries carry '!' (`…/UploadedFiles_0-_Part1.zip!user_123.fit`).
 */
import { entryBaseName } from '../archive/zip-entry-path.ts';

const FITNESS = /(?:^|\/)DI-Connect-Fitness\//;

/** True when the archive holds Garmin's `DI_CONNECT/` tree (or its `DI-Connect-Fitness/` folder). */
export function isGarminExport(paths: readonly string[]): boolean {
  return paths.some((p) => /(?:^|\/)DI_CONNECT\//.test(p) || FITNESS.test(p));
}

/** `DI-Connect-Fitness/<user>_0_summarizedActivities.json` (several numbered files may exist). */
export function isGarminSummarizedActivitiesPath(path: string): boolean {
  return /(?:^|\/)DI-Connect-Fitness\/[^/!]*summarizedActivities[^/!]*\.json$/i.test(path);
}

/** `DI-Connect-Fitness/<user>_gear.json`. */
export function isGarminGearPath(path: string): boolean {
  return /(?:^|\/)DI-Connect-Fitness\/[^/!]*_gear\.json$/i.test(path);
}

/**
 * A ZIP of uploaded originals, to walk with walkNestedZip:
 *   DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip         (newer exports)
 *   DI-Connect-Fitness-Uploaded-Files/…zip                        (some older exports)
 *   DI-Connect-Fitness/UploadedFiles_0-_Part1.zip                 (older exports)
 */
export function isGarminUploadedFilesZip(path: string): boolean {
  if (path.includes('!')) return false;
  return (
    /(?:^|\/)DI-Connect-(?:Fitness-)?Uploaded-Files\/(?:[^/]+\/)*[^/]+\.zip$/i.test(path) ||
    /(?:^|\/)DI-Connect-Fitness\/UploadedFiles_[^/]*\.zip$/i.test(path)
  );
}

const ACTIVITY_FILE = /\.(?:fit|gpx|tcx)(?:\.gz)?$/i;

/**
 * An uploaded original that may be an activity: a FIT/GPX/TCX inside an uploaded-files ZIP, or extracted
 * under `DI-Connect-Fitness/UploadedFiles_<part>/` or `DI-Connect-(Fitness-)Uploaded-Files/`. The content still
 * decides (Garmin mixes in wellness and settings FIT files).
 */
export function isGarminUploadedActivityFile(path: string): boolean {
  if (!ACTIVITY_FILE.test(path)) return false;
  const bang = path.lastIndexOf('!');
  if (bang >= 0) return isGarminUploadedFilesZip(path.slice(0, bang).split('!').pop() ?? '');
  return (
    /(?:^|\/)DI-Connect-Fitness\/UploadedFiles_[^/]*\//i.test(path) ||
    /(?:^|\/)DI-Connect-(?:Fitness-)?Uploaded-Files\//i.test(path)
  );
}

/**
 * The Garmin activity id in an uploaded file's name, or null:
 *   `123456789.fit`, `123456789_ACTIVITY.fit` (per-activity "Export Original"),
 *   `user@mail.com_123456789.fit`, `user_123456789_tap-sync-18143-abc.fit`.
 * The number may be an upload id rather than the activityId in some exports (research §2.5 found no
 * activityId inside the FIT), so confirm a match by start time before trusting it.
 */
export function garminActivityIdFromFileName(name: string): string | null {
  const stem = entryBaseName(name).replace(/\.(?:fit|gpx|tcx)(?:\.gz)?$/i, '');
  if (/^\d+$/.test(stem)) return stem;
  // A run of 5+ digits standing alone between '_' (or the start) and '_' (or the end); an e-mail's digits
  // touch letters or '@' and do not match.
  const match = /(?:^|_)(\d{5,})(?=_|$)/.exec(stem);
  return match ? match[1]! : null;
}
