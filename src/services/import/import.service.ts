/**
 * The import use case: PATHs in, activities stored, a report out (the `import` JSON of ../shared/spec/cli.md).
 * Files are written in batches, one transaction each (WriteBatch), each file all or nothing inside it; a bad
 * file is listed and the import goes on. Files already imported (same bytes) are recognised by hash before
 * decoding, so a re-run is cheap and adds nothing, and a killed run resumes where it stopped: with the batch
 * it had not committed.
 *
 * Reading, hashing, decoding, checking and encoding run on worker threads (preparation-pool.ts), several files
 * ahead; this thread takes their answers in the order of the files and only writes, so the outcome is the
 * same as importing them one by one.
 */
import { type ImportStore, inImportTransaction } from '../../db/repositories/import-store.ts';
import { ImportedFileRepository } from '../../db/repositories/imported-file.repository.ts';
import type { ImportIssue } from '../../domain/activity/activity.ts';
import { newReadBudget } from '../../import/archive/zip-walker.ts';
import { prepareActivity, type ResolveOffset } from './activity-preparation.ts';
import { storeActivitiesIn, type WriteContext, writeActivities } from './activity-writer.ts';
import { type ExportMetadata, loadExportMetadata } from './export-metadata.ts';
import type { FileClaim } from './file-claim.ts';
import type { FilePreparer, PreparationSettings, PreparedFile } from './file-preparation.ts';
import { problemFrom } from './import-problem.ts';
import { isIgnoredPath, openInput, type SourceFile } from './input-sources.ts';
import {
  type FilePreparation,
  inThreadPreparation,
  type PreparationWorkers,
  startPreparation,
} from './preparation-pool.ts';

export interface ImportReport {
  imported: number;
  duplicates: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ImportProgress {
  done: number;
  total: number;
  imported: number;
  skipped: number;
  /** The file just finished, as it is reported. */
  current: string | null;
}

export interface ImportOptions {
  /**
   * The name a path is reported and stored under (default: the path itself). The dashboard's uploads wait in
   * a scratch folder; with this they appear under the name the runner dropped, e.g. `export.zip!a/1.fit`.
   */
  displayAs?: (path: string) => string;
  /**
   * Worker threads preparing files (default: one per core for imports of WORKER_THRESHOLD files or more, none
   * below). 0 prepares everything in this thread.
   */
  workers?: number;
  /**
   * Workers the caller started ahead (startPreparationWorkers), so they load while the import opens its
   * inputs. Handed over: the import uses them or not, and closes them either way.
   */
  startedWorkers?: PreparationWorkers;
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 8;

/** Export metadata and sidecar files: read for what they say, never decoded as activities. */
const METADATA_FILE = /\.(csv|json)$/i;

export async function importPaths(
  ctx: WriteContext,
  paths: readonly string[],
  onProgress: (p: ImportProgress) => void = () => {},
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, duplicates: 0, skipped: [], warnings: [] };
  const groups = [];
  // One inflation budget for every archive of the import, nested ones included: splitting a bomb over several
  // archives, or nesting it, never buys a fresh allowance.
  const budget = newReadBudget();
  for (const path of paths) {
    const display = options.displayAs?.(path) ?? path;
    try {
      groups.push(await openInput(path, display, budget));
    } catch (error) {
      report.skipped.push(issueFrom(display, error));
    }
  }
  const progress: ImportProgress = {
    done: 0,
    total: groups.reduce((n, g) => n + g.paths.filter(isActivityCandidate).length, 0),
    imported: 0,
    skipped: 0,
    current: null,
  };
  const files = new ImportedFileRepository(ctx.db);
  const settings: PreparationSettings = {
    nowIso: ctx.nowIso,
    homeZone: ctx.homeZone ?? null,
    knownHashes: [],
  };
  // Here: the import's own resolver (a test's, or the runner's zone), and no hash skipped without asking.
  const prepareHere = preparerLoadedOnUse(settings, ctx.resolveOffset);
  const workers = options.workers ?? (progress.total >= WORKER_THRESHOLD ? undefined : 0);
  // Workers rebuild the resolver from the zone: without one, they could not prepare as this thread does.
  let preparation: FilePreparation | null = null;
  try {
    preparation =
      workers === 0 || ctx.homeZone === undefined
        ? inThreadPreparation(prepareHere)
        : startPreparation(
            { ...settings, knownHashes: await files.contentHashes(ctx.athleteId) },
            prepareHere,
            workers,
            undefined,
            options.startedWorkers,
          );
    await importGroups(ctx, groups, preparation, prepareHere, report, progress, onProgress);
  } finally {
    await preparation?.close();
    await options.startedWorkers?.close();
  }
  return report;
}

/**
 * Prepares files in this thread, its code (file-preparation.ts: the FIT reader, the XML parser, about 150 kB)
 * loaded when the first file is prepared here: with workers, this thread may never prepare one.
 */
function preparerLoadedOnUse(settings: PreparationSettings, resolveOffset: ResolveOffset): FilePreparer {
  let preparer: Promise<FilePreparer> | undefined;
  return async (job) => {
    preparer ??= import('./file-preparation.ts').then((m) => m.filePreparer(settings, resolveOffset));
    return (await preparer)(job);
  };
}

async function importGroups(
  ctx: WriteContext,
  groups: Awaited<ReturnType<typeof openInput>>[],
  preparation: FilePreparation,
  prepareHere: FilePreparer,
  report: ImportReport,
  progress: ImportProgress,
  onProgress: (p: ImportProgress) => void,
): Promise<void> {
  for (const group of groups) {
    // An export whose metadata cannot be read (a damaged CSV or central directory, an unknown header) still
    // has activity files: they import on their own, and the problem is a warning naming the export.
    let metadata: ExportMetadata | null = null;
    try {
      metadata = await loadExportMetadata(group, ctx);
    } catch (error) {
      report.warnings.push(metadataWarning(group.display, error));
    }
    if (metadata) report.warnings.push(...metadata.issues);
    // Files in preparation, oldest first: each is written when its turn comes, in the order of the walk.
    const ahead: {
      file: SourceFile;
      claim: FileClaim | null | undefined;
      prepared: Promise<PreparedFile>;
      /** Its preparation has answered: taking it does not wait. */
      ready: boolean;
    }[] = [];
    let handedOut = 0;
    let taken = 0;
    // What the walk reports (an entry it refused) is listed where it was found, after the files before it:
    // the walk runs ahead of the writing, the report does not.
    const walkIssues: { after: number; issue: ImportIssue }[] = [];
    const onIssue = (issue: ImportIssue) => walkIssues.push({ after: handedOut, issue });
    const walkIssuesUpTo = (upTo: number) => {
      const issues: ImportIssue[] = [];
      while (walkIssues.length > 0 && walkIssues[0]!.after <= upTo) issues.push(walkIssues.shift()!.issue);
      return issues;
    };
    const batch = new WriteBatch(ctx, metadata, prepareHere, (entry, outcome) => {
      report.skipped.push(...entry.issuesBefore);
      mergeInto(report, outcome);
      progress.done++;
      progress.total = Math.max(progress.total, progress.done);
      progress.imported = report.imported;
      progress.skipped = report.skipped.length;
      progress.current = entry.file.display;
      onProgress({ ...progress });
    });
    const takeOldest = async () => {
      const { file, claim, prepared, ready } = ahead.shift()!;
      // Workers still preparing it: the files held are written meanwhile (see flushWhileWaiting).
      if (!ready && preparation.workers > 0) await batch.flushWhileWaiting();
      const issuesBefore = walkIssuesUpTo(taken);
      await batch.add({ file, claim, prepared: await prepared, issuesBefore });
      taken++;
    };
    let walkFailure: unknown = null;
    try {
      for await (const file of group.files(onIssue)) {
        if (METADATA_FILE.test(file.relPath)) continue;
        // Metadata known before decoding goes with the file to be applied there; otherwise the samples come
        // back so the metadata can be applied once the activities are known.
        const claim = metadata?.claimAhead ? metadata.claimAhead(file.relPath) : undefined;
        const keepStreams = metadata !== null && claim === undefined;
        const entry = {
          file,
          claim,
          prepared: prepareFile(preparation, file, keepStreams, claim),
          ready: false,
        };
        const settled = () => {
          entry.ready = true;
        };
        void entry.prepared.then(settled, settled);
        ahead.push(entry);
        handedOut++;
        if (ahead.length >= preparation.depth) await takeOldest();
      }
    } catch (error) {
      walkFailure = error;
    }
    // The files already handed out are written before the failure is reported, as they were read before it.
    while (ahead.length > 0) await takeOldest();
    await batch.flush();
    report.skipped.push(...walkIssuesUpTo(Number.POSITIVE_INFINITY));
    // One input failing part-way (an archive that breaks mid-walk) never stops the other PATHs.
    if (walkFailure !== null) report.skipped.push(issueFrom(group.display, walkFailure));
    if (metadata) {
      // Activities the export lists without a usable file still count (manual entries, #error# rows).
      for (const { source, activity } of leftoversOf(metadata, group.display, report)) {
        try {
          const outcome = await writeActivities(ctx, source, [activity], null);
          for (const w of outcome.warnings ?? []) report.warnings.push({ file: source, ...w });
          report.imported += outcome.imported;
          report.duplicates += outcome.duplicates;
        } catch (error) {
          report.skipped.push(issueFrom(source, error));
        }
      }
    }
  }
}

/** A prepared file waiting for its batch, with what the walk reported just before it. */
interface BatchEntry {
  file: SourceFile;
  /** The export's metadata the file was prepared with (null: none for it); undefined when applied here. */
  claim: FileClaim | null | undefined;
  prepared: PreparedFile;
  issuesBefore: ImportIssue[];
}

/**
 * Files written together in one transaction (import-store.ts), each under its own savepoint: committing once
 * per batch instead of once per file. A batch is committed when it holds BATCH_FILES files or BATCH_BYTES of
 * blobs and samples, or BATCH_MS after its first file, so a kill loses little work and progress keeps moving.
 * Each file's outcome reaches the report (and the progress callback) only once its batch is committed, in the
 * order of the files. If the batch transaction fails as a whole (a deadlock between two importers on
 * PostgreSQL), its files are written again one transaction each, as they would have been without batching.
 */
class WriteBatch {
  private entries: BatchEntry[] = [];
  private bytes = 0;
  private startedAt = 0;

  constructor(
    private readonly ctx: WriteContext,
    private readonly metadata: ExportMetadata | null,
    private readonly prepareHere: FilePreparer,
    private readonly onWritten: (entry: BatchEntry, outcome: FileOutcome) => void,
  ) {}

  async add(entry: BatchEntry): Promise<void> {
    if (this.entries.length === 0) this.startedAt = performance.now();
    this.entries.push(entry);
    this.bytes += heldBytes(entry.prepared);
    if (
      this.entries.length >= BATCH_FILES ||
      this.bytes >= BATCH_BYTES ||
      performance.now() - this.startedAt >= BATCH_MS
    ) {
      await this.flush();
    }
  }

  /**
   * Called when the next file is not prepared yet: commits the batch now if it holds EARLY_FILES or more,
   * instead of when it is full. This thread would only wait meanwhile, and the files it holds would otherwise
   * be written after the last file is prepared, with the workers done and one core idle (on the 300-run bench
   * that tail was 70–140 ms of about 0.9–1 s). Smaller batches cost a commit each; EARLY_FILES keeps them few.
   */
  async flushWhileWaiting(): Promise<void> {
    if (this.entries.length >= EARLY_FILES) await this.flush();
  }

  async flush(): Promise<void> {
    const entries = this.entries;
    if (entries.length === 0) return;
    this.entries = [];
    this.bytes = 0;
    let outcomes: FileOutcome[];
    try {
      outcomes = await this.write(entries);
    } catch (error) {
      if (entries.length === 1) outcomes = [failedOutcome(entries[0]!.file.display, error)];
      else {
        outcomes = [];
        for (const entry of entries) {
          outcomes.push(
            await this.write([entry]).then(
              ([outcome]) => outcome!,
              (e: unknown) => failedOutcome(entry.file.display, e),
            ),
          );
        }
      }
    }
    for (const [i, entry] of entries.entries()) this.onWritten(entry, outcomes[i]!);
  }

  private write(entries: BatchEntry[]): Promise<FileOutcome[]> {
    return inImportTransaction(this.ctx.db, this.ctx.athleteId, async (store) => {
      const outcomes: FileOutcome[] = [];
      for (const entry of entries) {
        outcomes.push(await importOneFile(this.ctx, store, entry, this.metadata, this.prepareHere));
      }
      return outcomes;
    });
  }
}

/** Files per transaction, at most. */
const BATCH_FILES = 250;
/** Memory a batch may hold while it waits (stream blobs, and the samples an export's metadata may need). */
const BATCH_BYTES = 32 * 1024 * 1024;
/** A batch is committed this long after its first file at the latest. */
const BATCH_MS = 300;
/** Files a batch must hold to be committed early, while the importing thread waits for the next file. */
const EARLY_FILES = 16;

function heldBytes(file: PreparedFile): number {
  if (file.kind !== 'decoded') return 0;
  let bytes = 0;
  for (const p of file.prepared) if (p.ok && p.streams) bytes += p.streams.data.byteLength;
  for (const a of file.activities) {
    for (const column of Object.values(a.streams ?? {}))
      bytes += (column as ArrayBufferView | null)?.byteLength ?? 0;
  }
  return bytes;
}

/** What one file adds to the report. */
type FileOutcome = ImportReport;

function emptyOutcome(): FileOutcome {
  return { imported: 0, duplicates: 0, skipped: [], warnings: [] };
}

function failedOutcome(display: string, error: unknown): FileOutcome {
  return { ...emptyOutcome(), skipped: [issueFrom(display, error)] };
}

function mergeInto(report: ImportReport, outcome: FileOutcome): void {
  report.imported += outcome.imported;
  report.duplicates += outcome.duplicates;
  report.skipped.push(...outcome.skipped);
  report.warnings.push(...outcome.warnings);
}

/** A plain file is read where it is prepared; an archive entry's bytes are read here, as the walk stands on it. */
function prepareFile(
  preparation: FilePreparation,
  file: SourceFile,
  keepStreams: boolean,
  claim: FileClaim | null | undefined,
): Promise<PreparedFile> {
  if (file.path !== undefined)
    return preparation.prepare({ display: file.display, path: file.path, keepStreams, claim });
  return file.read().then(
    (bytes) => preparation.prepare({ display: file.display, bytes, keepStreams, claim }),
    (error: unknown): PreparedFile => ({ kind: 'unreadable', problem: problemFrom(error) }),
  );
}

/**
 * One file inside its batch's transaction: what it adds to the report. Throws only when the transaction
 * itself is lost (transactionLost): the batch is then written again, file by file.
 */
async function importOneFile(
  ctx: WriteContext,
  store: ImportStore,
  { file, claim, prepared: preparedFile }: BatchEntry,
  metadata: ExportMetadata | null,
  prepareHere: FilePreparer,
): Promise<FileOutcome> {
  const report = emptyOutcome();
  let prepared = preparedFile;
  if (prepared.kind === 'unreadable') {
    report.skipped.push({ file: file.display, ...prepared.problem });
    return report;
  }
  // Asked here, in the order of the files and in the batch's transaction, so a file seen twice in one import
  // counts as already there.
  const known = await store.activityCountOf(prepared.hash);
  if (known !== null) {
    metadata?.markSeen(file.relPath);
    report.duplicates += known;
    return report;
  }
  // Imported when the import began, gone since (its runs were deleted meanwhile): prepared here after all.
  if (prepared.kind === 'known')
    prepared = await prepareFile(inThreadPreparation(prepareHere), file, claim === undefined, claim);
  if (prepared.kind === 'unreadable' || prepared.kind === 'known') {
    if (prepared.kind === 'unreadable') report.skipped.push({ file: file.display, ...prepared.problem });
    return report;
  }
  if (prepared.kind === 'undecodable') {
    report.skipped.push({ file: file.display, ...prepared.problem });
    return report;
  }
  for (const w of prepared.warnings) report.warnings.push({ file: file.display, ...w });
  if (prepared.undated) {
    const issue = { file: file.display, ...prepared.undated.problem };
    if (prepared.undated.nothingLeft) {
      report.skipped.push(issue);
      return report;
    }
    report.warnings.push(issue);
  }
  if (prepared.failure) {
    report.skipped.push({ file: file.display, ...prepared.failure });
    return report;
  }
  // A copy: the batch may be written twice (transactionLost), and the first attempt must not change the second.
  const activities = [...prepared.prepared];
  // Prepared with the export's metadata already laid over it: only its row is marked as having its file.
  if (metadata && claim !== undefined) metadata.markSeen(file.relPath);
  else if (metadata) {
    // The export's names, sports and offsets: an activity they change is checked and summarised again (its
    // samples, and so its stream blob, are the same).
    const decoded = prepared.activities;
    const claimed = metadata.claim(file.relPath, decoded);
    const nowMs = Date.parse(ctx.nowIso);
    try {
      claimed.forEach((activity, i) => {
        if (activity === decoded[i]) return;
        const before = activities[i]!;
        activities[i] = prepareActivity(
          activity,
          nowMs,
          ctx.resolveOffset,
          before.ok ? before.streams : undefined,
        );
      });
    } catch (error) {
      report.skipped.push(issueFrom(file.display, error));
      return report;
    }
  }
  try {
    const outcome = await storeActivitiesIn(store, ctx, file.display, activities, prepared.hash);
    for (const w of outcome.warnings ?? []) report.warnings.push({ file: file.display, ...w });
    report.imported += outcome.imported;
    report.duplicates += outcome.duplicates;
  } catch (error) {
    if (transactionLost(error)) throw error;
    // The file's savepoint rolled back: nothing of it is stored, and the batch goes on.
    report.skipped.push(issueFrom(file.display, error));
  }
  return report;
}

/**
 * PostgreSQL gave up the whole transaction, not just this file: a deadlock with another importer holding
 * some of the batch's files (40P01), or a serialization failure (40001). Rolling back to the file's savepoint
 * would leave the other importer waiting on the rest; the batch is retried file by file instead.
 */
function transactionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

function isActivityCandidate(relPath: string): boolean {
  return !isIgnoredPath(relPath) && !METADATA_FILE.test(relPath);
}

function leftoversOf(
  metadata: ExportMetadata,
  display: string,
  report: ImportReport,
): ReturnType<ExportMetadata['leftovers']> {
  try {
    return metadata.leftovers();
  } catch (error) {
    report.warnings.push(metadataWarning(display, error));
    return [];
  }
}

function metadataWarning(display: string, error: unknown): ImportIssue {
  const issue = issueFrom(display, error);
  return {
    file: display,
    code: issue.code === 'DECODE_FAILED' ? 'EXPORT_METADATA_UNREADABLE' : issue.code,
    message: `The export's list of activities could not be read (${issue.message}); its activity files were imported without it.`,
  };
}

function issueFrom(file: string, error: unknown): ImportIssue {
  return { file, ...problemFrom(error) };
}
