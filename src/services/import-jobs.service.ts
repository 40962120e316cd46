/**
 * Imports started from the dashboard: the browser uploads one or more files (a Strava or Garmin export ZIP,
 * or many .fit/.gpx/.tcx files), each streamed to a scratch folder of its job, then starts the job. The import
 * itself is the CLI's (import.service.ts), run in the background one job at a time, so two imports never write
 * to the database at once; the browser polls the job for progress and the report. Scratch files are deleted
 * when the job ends, whatever the outcome, and a failed import is reported in its job, never thrown at the server.
 * One bad file never sinks the others: an empty file is imported like any other (the import lists it as skipped,
 * as the CLI does), and a later file whose upload fails is listed as skipped with its reason. A job that
 * receives no bytes for a while expires, and a job still receiving can be cancelled, so a forgotten tab never
 * holds one of the few open-job places.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import type { ImportIssue } from '../domain/activity/activity.ts';
import { KneewiseError } from '../domain/errors.ts';
import type { ImportReport, importPaths } from './import/import.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';
import { sanitizeUploadName, uniqueUploadName } from './upload-name.ts';

/** `cancelled` only in the answer to the cancel itself: a cancelled job is forgotten at once. */
export type ImportJobState = 'receiving' | 'importing' | 'done' | 'failed' | 'cancelled';

export interface ImportJobView {
  id: string;
  state: ImportJobState;
  /** The uploaded files, by the names they are reported under. */
  files: string[];
  progress: { done: number; total: number; current: string | null };
  /** The `kneewise import --json` report, once the import ended; uploads that failed are in its `skipped`. */
  report: ImportReport | null;
  /** Files whose upload failed, with the reason; they are listed in the report's `skipped` too. */
  skipped: ImportIssue[];
  error: { code: string; message: string } | null;
  /** Started, but waiting for another job's import to finish. */
  queued: boolean;
  createdAt: string;
  finishedAt: string | null;
}

export const IMPORT_JOB_CODES = {
  IMPORT_JOB_NOT_FOUND: 'IMPORT_JOB_NOT_FOUND',
  IMPORT_JOB_STARTED: 'IMPORT_JOB_STARTED',
  IMPORT_JOB_EMPTY: 'IMPORT_JOB_EMPTY',
  IMPORT_UPLOAD_IN_PROGRESS: 'IMPORT_UPLOAD_IN_PROGRESS',
  IMPORT_FILE_TOO_LARGE: 'IMPORT_FILE_TOO_LARGE',
  IMPORT_TOO_MANY_FILES: 'IMPORT_TOO_MANY_FILES',
  IMPORT_TOO_MANY_JOBS: 'IMPORT_TOO_MANY_JOBS',
  IMPORT_UPLOAD_FAILED: 'IMPORT_UPLOAD_FAILED',
  IMPORT_UPLOAD_EXPIRED: 'IMPORT_UPLOAD_EXPIRED',
} as const;

export interface ImportJobLimits {
  /** Jobs receiving or importing at once (another tab, a forgotten upload…). */
  maxOpenJobs: number;
  /** Files in one job: a dropped folder of a few years of .fit files fits. */
  maxFilesPerJob: number;
  /** Bytes in one uploaded file: a decade's export is a few GB. */
  maxFileBytes: number;
  /** Finished jobs kept for polling; older ones are forgotten. */
  keepFinished: number;
  /** A job still receiving that gets no bytes for this long is dropped with its files (a stalled upload too). */
  abandonedAfterMs: number;
}

export const DEFAULT_IMPORT_JOB_LIMITS: ImportJobLimits = {
  maxOpenJobs: 4,
  maxFilesPerJob: 20_000,
  maxFileBytes: 16 * 1024 ** 3,
  keepFinished: 20,
  abandonedAfterMs: 10 * 60 * 1000,
};

export type ImportRunner = typeof importPaths;

/**
 * The importer (decoders, archive reader, the coordinates-to-zone table: a third of the server's code), loaded
 * with the first import rather than with the server, which starts without it.
 */
const importOnDemand: ImportRunner = async (...args) =>
  (await import('./import/import.service.ts')).importPaths(...args);

export interface ImportJobsDeps {
  db: Kysely<Database>;
  now: () => Date;
  scratchDir: string;
  /** Told after each import that ended without error (server mode queues the roster's alert job). */
  afterImport?: ((athleteId: string) => void) | undefined;
}

export interface ImportJobsOptions {
  limits?: Partial<ImportJobLimits>;
  /** The import to run (tests swap in a fake to watch the queue). */
  runImport?: ImportRunner;
}

interface Job {
  id: string;
  athlete: Athlete;
  dir: string;
  state: ImportJobState;
  files: { name: string; path: string }[];
  /** Names taken, including files still uploading. */
  names: Set<string>;
  uploading: number;
  /** Stops the job's uploads still running when it is cancelled or expires. */
  aborter: AbortController;
  skipped: ImportIssue[];
  progress: ImportJobView['progress'];
  report: ImportReport | null;
  error: ImportJobView['error'];
  queued: boolean;
  createdAt: Date;
  /** The last time a byte arrived (or a file was added). */
  touchedAt: Date;
  finishedAt: Date | null;
}

type Body = ReadableStream<Uint8Array> | null;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly limits: ImportJobLimits;
  private readonly runImport: ImportRunner;
  /** The import queue: each started job runs after the one before it. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ImportJobsDeps,
    options: ImportJobsOptions = {},
  ) {
    this.limits = { ...DEFAULT_IMPORT_JOB_LIMITS, ...options.limits };
    this.runImport = options.runImport ?? importOnDemand;
  }

  /** A new job holding its first file. Nothing is left behind when that upload fails. */
  async create(athlete: Athlete, name: string | undefined, body: Body): Promise<ImportJobView> {
    const fileName = sanitizeUploadName(name);
    await this.forgetStale();
    const open = [...this.jobs.values()].filter((j) => j.state === 'receiving' || j.state === 'importing');
    if (open.length >= this.limits.maxOpenJobs) {
      const idleMinutes = Math.round(this.limits.abandonedAfterMs / 60_000);
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_TOO_MANY_JOBS,
        `imports: ${open.length} imports are already open; wait for one to finish, cancel one, or try again in ${idleMinutes} minutes (an upload that sends nothing for that long is dropped)`,
        'input',
        { httpStatus: 429 },
      );
    }
    const now = this.deps.now();
    const job: Job = {
      id: randomUUID(),
      athlete,
      dir: '',
      state: 'receiving',
      files: [],
      names: new Set(),
      uploading: 0,
      aborter: new AbortController(),
      skipped: [],
      progress: { done: 0, total: 0, current: null },
      report: null,
      error: null,
      queued: false,
      createdAt: now,
      touchedAt: now,
      finishedAt: null,
    };
    job.dir = join(this.deps.scratchDir, job.id);
    await mkdir(job.dir, { recursive: true });
    this.jobs.set(job.id, job);
    try {
      await this.receive(job, fileName, body);
    } catch (error) {
      // No job yet for the browser to go on with: nothing is left behind.
      this.jobs.delete(job.id);
      await removeQuietly(job.dir);
      throw error;
    }
    return viewOf(job);
  }

  async addFile(athlete: Athlete, id: string, name: string | undefined, body: Body): Promise<ImportJobView> {
    await this.forgetStale();
    const job = this.find(athlete, id);
    const fileName = sanitizeUploadName(name);
    this.assertReceiving(job);
    if (job.names.size >= this.limits.maxFilesPerJob) {
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_TOO_MANY_FILES,
        `imports: at most ${this.limits.maxFilesPerJob} files in one import; ZIP them, or start this import and add the rest in another`,
      );
    }
    try {
      await this.receive(job, fileName, body);
    } catch (error) {
      // The job goes on without this file; the report will say why it is missing.
      if (error instanceof KneewiseError && !job.aborter.signal.aborted) {
        job.skipped.push({ file: fileName, code: error.code, message: error.message });
      }
      throw error;
    }
    return viewOf(job);
  }

  /**
   * Cancels a job that has not started importing: its uploads stop, its files go, and it is forgotten. A
   * finished job is just forgotten. An import already running finishes (each file is its own transaction).
   */
  async cancel(athlete: Athlete, id: string): Promise<ImportJobView> {
    const job = this.find(athlete, id);
    if (job.state === 'importing') {
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_JOB_STARTED,
        `imports: import ${job.id} is already importing and cannot be cancelled; each file is saved on its own, so let it finish`,
      );
    }
    this.jobs.delete(job.id);
    if (job.state === 'receiving') {
      job.aborter.abort();
      await removeQuietly(job.dir);
      return { ...viewOf(job), state: 'cancelled' };
    }
    return viewOf(job);
  }

  /** Queues the import and returns at once; the job says when it has run. */
  start(athlete: Athlete, id: string): ImportJobView {
    void this.expireIdle();
    const job = this.find(athlete, id);
    this.assertReceiving(job);
    if (job.uploading > 0) {
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_UPLOAD_IN_PROGRESS,
        `imports: ${job.uploading} file(s) are still uploading; start the import when every upload has finished`,
      );
    }
    if (job.files.length === 0 && job.skipped.length === 0) {
      throw new KneewiseError(IMPORT_JOB_CODES.IMPORT_JOB_EMPTY, 'imports: this import has no files yet');
    }
    job.state = 'importing';
    job.queued = true;
    // The athlete as of the start: a time zone changed while uploading applies.
    job.athlete = athlete;
    job.progress = { done: 0, total: job.files.length, current: null };
    this.tail = this.tail.then(() => this.run(job)).catch(() => {});
    return viewOf(job);
  }

  get(athlete: Athlete, id: string): ImportJobView {
    // The job is dropped at once; its folder goes in the background (removal never throws).
    void this.expireIdle();
    return viewOf(this.find(athlete, id));
  }

  /** Resolves once every started import has ended (tests; a server shutting down). */
  async idle(): Promise<void> {
    let seen: Promise<void> | null = null;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
  }

  private find(athlete: Athlete, id: string): Job {
    const job = this.jobs.get(id);
    // Another athlete's job does not exist for this one.
    if (!job || job.athlete.id !== athlete.id) {
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_JOB_NOT_FOUND,
        `imports: no import with id "${id}" (finished imports are kept for a while only)`,
        'not-found',
      );
    }
    return job;
  }

  private assertReceiving(job: Job): void {
    if (job.state !== 'receiving') {
      throw new KneewiseError(
        IMPORT_JOB_CODES.IMPORT_JOB_STARTED,
        `imports: import ${job.id} has already started (${job.state}); files can only be added before the start — start a new import for more files`,
      );
    }
  }

  private async receive(job: Job, wanted: string, body: Body): Promise<void> {
    // Reserve the name first: uploads to one job may run side by side.
    const name = uniqueUploadName(wanted, job.names);
    job.names.add(name);
    job.uploading++;
    const path = join(job.dir, name);
    job.touchedAt = this.deps.now();
    try {
      // An empty file is kept: the import lists it as skipped with its reason, as `kneewise import` does.
      await writeBody(body, path, this.limits.maxFileBytes, job.aborter.signal, () => {
        job.touchedAt = this.deps.now();
      });
      if (job.aborter.signal.aborted) throw expired(name);
      job.files.push({ name, path });
      job.touchedAt = this.deps.now();
    } catch (error) {
      job.names.delete(name);
      await rm(path, { force: true }).catch(() => {});
      throw error;
    } finally {
      job.uploading--;
    }
  }

  private async run(job: Job): Promise<void> {
    job.queued = false;
    let report: ImportReport | null = null;
    let error: ImportJobView['error'] = null;
    try {
      const shown = new Map(job.files.map((f) => [f.path, f.name]));
      const zone = job.athlete.settings.timeZone ?? systemTimeZone();
      const imported = await this.runImport(
        {
          db: this.deps.db,
          athleteId: job.athlete.id,
          nowIso: this.deps.now().toISOString(),
          resolveOffset: (await import('./import/time-zone.ts')).makeOffsetResolver(zone),
          homeZone: zone,
        },
        job.files.map((f) => f.path),
        (p) => {
          job.progress = { done: p.done, total: p.total, current: p.current };
        },
        { displayAs: (path) => shown.get(path) ?? basename(path) },
      );
      report = { ...imported, skipped: [...job.skipped, ...imported.skipped] };
    } catch (thrown) {
      error =
        thrown instanceof KneewiseError
          ? { code: thrown.code, message: thrown.message }
          : { code: 'IMPORT_FAILED', message: thrown instanceof Error ? thrown.message : String(thrown) };
    }
    // The scratch files go before the job says it ended, so "done" means nothing is left behind.
    await removeQuietly(job.dir);
    job.report = report;
    job.error = error;
    job.progress = { ...job.progress, current: null };
    job.finishedAt = this.deps.now();
    job.state = error === null ? 'done' : 'failed';
    if (error === null) this.deps.afterImport?.(job.athlete.id);
  }

  /**
   * Drops jobs still receiving that have had no byte for `abandonedAfterMs` (a closed tab, a stalled
   * upload): their uploads are stopped and their files removed (resolves once they are).
   */
  private async expireIdle(): Promise<void> {
    const now = this.deps.now().getTime();
    const removals: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      if (job.state === 'receiving' && now - job.touchedAt.getTime() > this.limits.abandonedAfterMs) {
        this.jobs.delete(job.id);
        job.aborter.abort();
        removals.push(removeQuietly(job.dir));
      }
    }
    await Promise.all(removals);
  }

  /** Drops idle uploads (with their files) and all but the latest finished jobs. */
  private async forgetStale(): Promise<void> {
    await this.expireIdle();
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedAt !== null)
      .sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime());
    for (const job of finished.slice(this.limits.keepFinished)) this.jobs.delete(job.id);
  }
}

function viewOf(job: Job): ImportJobView {
  return {
    id: job.id,
    state: job.state,
    files: job.files.map((f) => f.name),
    progress: { ...job.progress },
    report: job.report,
    skipped: [...job.skipped],
    error: job.error,
    queued: job.queued,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

function expired(name: string): KneewiseError {
  return new KneewiseError(
    IMPORT_JOB_CODES.IMPORT_UPLOAD_EXPIRED,
    `body: "${name}" was not kept: its import was cancelled, or sent nothing for too long and was dropped; start a new import`,
  );
}

/**
 * Why an upload could not be saved, in words, without the scratch path (system errors name the file they
 * failed on, and that path is ours, not the runner's).
 */
function uploadFailure(error: unknown, name: string, signal: AbortSignal): KneewiseError {
  if (error instanceof KneewiseError) return error;
  if (signal.aborted) return expired(name);
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  const reason =
    code === 'ENAMETOOLONG'
      ? 'its name is too long for this computer; rename the file to something shorter'
      : code === 'ENOSPC'
        ? 'this computer is out of disk space'
        : syscall !== undefined
          ? `it could not be saved on this computer (${String(code)})`
          : 'the upload stopped before the whole file arrived; the browser may not have been able to read the file';
  return new KneewiseError(
    IMPORT_JOB_CODES.IMPORT_UPLOAD_FAILED,
    `body: "${name}" did not arrive: ${reason}`,
  );
}

/**
 * Streams the request body to `path` (never whole in memory); returns the bytes written. `onBytes` hears
 * every chunk (the job's idle clock); `signal` stops the upload (cancel, expiry).
 */
async function writeBody(
  body: Body,
  path: string,
  maxBytes: number,
  signal: AbortSignal,
  onBytes: () => void,
): Promise<number> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes();
      if (bytes > maxBytes) {
        done(
          new KneewiseError(
            IMPORT_JOB_CODES.IMPORT_FILE_TOO_LARGE,
            `body: a file may hold at most ${Math.floor(maxBytes / 1024 ** 2)} MB`,
            'input',
            { httpStatus: 413 },
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
  // 'wx': never overwrite; the name was reserved, so an existing file means something is wrong.
  const sink = createWriteStream(path, { flags: 'wx' });
  try {
    await pipeline(source, counter, sink, { signal });
  } catch (error) {
    // The file is opened asynchronously: wait until it is closed, so the caller's clean-up removes it
    // for good instead of racing an open that lands afterwards.
    if (!sink.closed) await once(sink, 'close').catch(() => {});
    throw uploadFailure(error, basename(path), signal);
  }
  return bytes;
}

async function removeQuietly(dir: string): Promise<void> {
  // A scratch folder that cannot be removed must not fail the import that used it.
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}
