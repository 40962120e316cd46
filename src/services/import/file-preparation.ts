/**
 * Everything an import does to one file before the database: read it, hash it, decode it, check, summarise
 * and encode its activities. Pure of the database, so it runs on a worker thread (preparation-pool.ts) or, when
 * workers cannot start, in the importing thread itself, with the same result.
 */
import { createHash } from 'node:crypto';
import type { ParsedActivity } from '../../domain/activity/activity.ts';
import { decodeActivityFile } from '../../import/decode-file.ts';
import { type PreparedActivity, prepareActivity, type ResolveOffset } from './activity-preparation.ts';
import { type FsPath, readRegularFile } from './bounded-file.ts';
import { applyFileClaim, type FileClaim } from './file-claim.ts';
import { type Problem, problemFrom } from './import-problem.ts';
import { makeOffsetResolver } from './time-zone.ts';

/** What a worker needs to prepare files as the importing thread would: plain data, sent once. */
export interface PreparationSettings {
  /** The import's clock (a start after tomorrow is refused). */
  nowIso: string;
  /**
   * The runner's time zone, for activities whose file states no offset and has no position; null for this
   * computer's zone, looked up where a file needs it (time-zone.ts).
   */
  homeZone: string | null;
  /** Hashes of the files already imported when the import began: these are not decoded again. */
  knownHashes: readonly string[];
}

/** One file to prepare: its path (read where it is prepared) or its bytes (read from an archive). */
export interface PreparationJob {
  display: string;
  path?: FsPath;
  bytes?: Uint8Array;
  /**
   * Keep the decoded samples in the answer: an export's metadata may change the activity afterwards (its name,
   * sport, offset), and it is then checked and summarised again from them.
   */
  keepStreams: boolean;
  /** The export's metadata for this file, known before decoding it: laid over its activities before they are checked. */
  claim?: FileClaim | null | undefined;
}

export type PreparedFile =
  | { kind: 'unreadable'; problem: Problem }
  /** Its bytes were imported before the import began: not decoded. */
  | { kind: 'known'; hash: string }
  | { kind: 'undecodable'; hash: string; problem: Problem }
  | {
      kind: 'decoded';
      hash: string;
      /** The decoder's warnings, in its order (less the one an undated problem restates). */
      warnings: Problem[];
      /** Activities without a calendar start, left out: the issue, and whether nothing else was left. */
      undated: { problem: Problem; nothingLeft: boolean } | null;
      /** The dated activities as decoded, when the job keeps them for an export's metadata (else none)… */
      activities: ParsedActivity[];
      /** …and the same activities checked, summarised and encoded, one for one… */
      prepared: PreparedActivity[];
      /** …unless that failed for the whole file (an error that is not a refusal): the file is skipped. */
      failure: Problem | null;
    };

export type FilePreparer = (job: PreparationJob) => Promise<PreparedFile>;

/**
 * Prepares files with one set of settings; the resolver and the known hashes are built once. `read` reads a
 * plain file (a worker reads synchronously: it has nothing else to do meanwhile, and into the same memory
 * every time: the bytes are used only until the file's answer is built, which nothing of them reaches).
 */
export function filePreparer(
  settings: PreparationSettings,
  resolveOffset: ResolveOffset = makeOffsetResolver(settings.homeZone),
  read: (path: FsPath, display: string) => Uint8Array | Promise<Uint8Array> = readRegularFile,
): FilePreparer {
  const known = new Set(settings.knownHashes);
  const nowMs = Date.parse(settings.nowIso);
  return async (job) => {
    let bytes: Uint8Array;
    try {
      if (job.bytes) bytes = job.bytes;
      else {
        // A synchronous read is used at once, with no await between it and the decoding: nothing else runs on
        // this thread meanwhile, so a reader that reuses its memory cannot have it overwritten under us.
        const reading = read(job.path!, job.display);
        bytes = reading instanceof Uint8Array ? reading : await reading;
      }
    } catch (error) {
      return { kind: 'unreadable', problem: problemFrom(error) };
    }
    const hash = contentHash(bytes);
    if (known.has(hash)) return { kind: 'known', hash };
    let decoded: ReturnType<typeof decodeActivityFile>;
    try {
      decoded = decodeActivityFile(bytes);
    } catch (error) {
      return { kind: 'undecodable', hash, problem: problemFrom(error) };
    }
    let activities = decoded.activities;
    let warnings = decoded.warnings;
    let undated: { problem: Problem; nothingLeft: boolean } | null = null;
    const dated = activities.filter(hasCalendarStart);
    if (dated.length < activities.length) {
      const deviceRelative = decoded.warnings.some((w) => w.code === 'FIT_DEVICE_RELATIVE_TIME');
      undated = {
        problem: {
          code: deviceRelative ? 'FIT_DEVICE_RELATIVE_TIME' : 'NO_TIMESTAMPS',
          message: deviceRelative
            ? 'The watch recorded times since it was switched on, not a date, so the run cannot be placed on a calendar day. Import the copy from Garmin Connect or Strava instead: it carries the date.'
            : 'An activity in this file has no usable start date and was left out.',
        },
        nothingLeft: dated.length === 0,
      };
      // The problem above says it for the runner; the decoder's own note ("streams and totals are kept") would
      // contradict a file that is then skipped.
      if (deviceRelative) warnings = warnings.filter((w) => w.code !== 'FIT_DEVICE_RELATIVE_TIME');
      activities = dated;
    }
    if (job.claim) activities = applyFileClaim(activities, job.claim);
    let prepared: PreparedActivity[] = [];
    let failure: Problem | null = null;
    try {
      prepared = activities.map((parsed) => prepareActivity(parsed, nowMs, resolveOffset));
    } catch (error) {
      failure = problemFrom(error);
    }
    if (!job.keepStreams) {
      // The stored row needs the summary and the blob, not the samples: they are not sent back.
      activities = [];
      for (const p of prepared) if (p.ok) p.checked.parsed = withoutStreams(p.checked.parsed);
    }
    return { kind: 'decoded', hash, warnings, undated, activities, prepared, failure };
  };
}

function withoutStreams(activity: ParsedActivity): ParsedActivity {
  return activity.streams ? { ...activity, streams: null } : activity;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** FIT counts time from 1989-12-31; a start before that is device-relative or missing, not a date. */
function hasCalendarStart(activity: ParsedActivity): boolean {
  return Number.isFinite(activity.startMs) && activity.startMs >= Date.UTC(1989, 11, 31);
}
