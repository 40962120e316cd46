/**
 * Prepares an import's files (read, hash, decode, check, summarise, encode: file-preparation.ts) on worker
 * threads, one per core, so the importing thread only writes. Answers come back in any order; the import
 * writes them in its own order, so the result is the same as preparing them one by one.
 *
 * Honest fallbacks: when workers cannot start (a runtime without worker threads, an entry that does not load),
 * or one dies, its files and every later one are prepared in the importing thread instead — the same code,
 * the same answers, only slower.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FilePreparer, PreparationJob, PreparationSettings, PreparedFile } from './file-preparation.ts';
import { problemFrom } from './import-problem.ts';

/**
 * The worker's entry: the single CommonJS file beside this chunk in dist/cli (scripts/build.mjs builds it), or,
 * when this module runs from src/ (tests and development, through tsx), a two-line module that registers tsx
 * in the worker and then loads the TypeScript source: Node 20 does not carry the `--import tsx` hooks over to
 * worker threads.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? sourceWorkerEntry()
  : new URL('./preparation-worker.cjs', import.meta.url);

function sourceWorkerEntry(): URL {
  const worker = new URL('./preparation.worker.ts', import.meta.url).href;
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    // No tsx to load the source with: the worker fails to start and the import prepares files itself.
    return new URL(worker);
  }
  const boot = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(worker)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** More workers than this would only add memory: the importing thread writes at about this pace. */
const MAX_WORKERS = 4;

export interface FilePreparation {
  /** Never rejects: a failure is in the answer (unreadable, undecodable). */
  prepare(job: PreparationJob): Promise<PreparedFile>;
  /** How many files to keep in preparation ahead of the one being written. */
  readonly depth: number;
  /** Workers started (0: everything is prepared in the importing thread). */
  readonly workers: number;
  /** Files a worker answered for (the rest were prepared in the importing thread). */
  answeredByWorkers(): number;
  close(): Promise<void>;
}

/** Prepares everything in the importing thread. */
export function inThreadPreparation(prepareHere: FilePreparer): FilePreparation {
  return {
    prepare: (job) => prepareHere(job).catch((error: unknown) => unreadable(error)),
    depth: 1,
    workers: 0,
    answeredByWorkers: () => 0,
    close: async () => {},
  };
}

/**
 * Worker threads started ahead of the import, loading their code while the importing thread opens the
 * database and walks the input; they prepare nothing until startPreparation gives them the import's settings.
 */
export interface PreparationWorkers {
  /** Workers started (fewer than asked when some could not be). */
  readonly size: number;
  /** Stops every worker; settles the files they still held (prepared in the importing thread instead). */
  close(): Promise<void>;
}

type Settle = (file: PreparedFile | null) => void;

interface WorkerSet extends PreparationWorkers {
  entries: { worker: Worker; pending: Map<number, Settle> }[];
  /** A worker died or could not start: everything from now on is prepared in the importing thread. */
  broken: boolean;
  answered: number;
  nextId: number;
}

/**
 * Starts `size` workers (default: one per core, at most MAX_WORKERS). `workerEntry` is the worker's module (a
 * test names one that cannot load). Whoever starts them closes them, used or not.
 */
export function startPreparationWorkers(
  size: number = Math.min(availableParallelism(), MAX_WORKERS),
  workerEntry: URL = WORKER_ENTRY,
): PreparationWorkers {
  const set: WorkerSet = {
    entries: [],
    broken: false,
    answered: 0,
    nextId: 0,
    get size() {
      return set.entries.length;
    },
    async close() {
      set.broken = true;
      await Promise.all(set.entries.map(({ worker }) => worker.terminate()));
    },
  };
  const abandon = (index: number) => {
    // A dead worker's files are prepared here; so is everything after it (one death is reason enough).
    set.broken = true;
    const entry = set.entries[index];
    if (!entry) return;
    for (const settle of entry.pending.values()) settle(null);
    entry.pending.clear();
  };
  for (let i = 0; i < size; i++) {
    let worker: Worker;
    try {
      worker = new Worker(workerEntry);
    } catch {
      set.broken = true;
      break;
    }
    const entry = { worker, pending: new Map<number, Settle>() };
    worker.on('message', (message: { id: number; file?: PreparedFile; error?: string }) => {
      const settle = entry.pending.get(message.id);
      entry.pending.delete(message.id);
      if (message.file) {
        set.answered++;
        asBuffers(message.file);
      }
      // A preparation that threw in the worker is tried again here, where its error is reported as usual.
      settle?.(message.file ?? null);
    });
    worker.on('error', () => abandon(i));
    worker.on('exit', () => abandon(i));
    set.entries.push(entry);
  }
  return set;
}

/**
 * Prepares files on `workers` (started here when not given: `size` of them, from `workerEntry`); in the
 * importing thread when none started. Closing the preparation closes the workers.
 */
export function startPreparation(
  settings: PreparationSettings,
  prepareHere: FilePreparer,
  size?: number,
  workerEntry?: URL,
  workers: PreparationWorkers = startPreparationWorkers(size, workerEntry),
): FilePreparation {
  const set = workers as WorkerSet;
  const local = inThreadPreparation(prepareHere);
  if (set.entries.length === 0) return { ...local, close: () => set.close() };
  for (const { worker } of set.entries) {
    try {
      // Sent before any file, so each worker prepares as this thread would (messages arrive in order).
      worker.postMessage({ settings });
    } catch {
      set.broken = true;
    }
  }

  return {
    // Enough queued per worker to keep it busy while the importing thread commits a batch (import.service.ts).
    depth: set.entries.length * 16,
    workers: set.entries.length,
    answeredByWorkers: () => set.answered,
    prepare(job) {
      if (set.broken) return local.prepare(job);
      // The least busy worker, so a slow file does not hold back the ones queued behind it.
      let entry = set.entries[0]!;
      for (const candidate of set.entries) if (candidate.pending.size < entry.pending.size) entry = candidate;
      const id = set.nextId++;
      const answer = new Promise<PreparedFile | null>((resolve) => entry.pending.set(id, resolve));
      try {
        // The bytes are copied, not moved: if the worker dies, they are prepared here from the same bytes.
        entry.worker.postMessage({ id, job });
      } catch {
        entry.pending.delete(id);
        return local.prepare(job);
      }
      return answer.then((file) => file ?? local.prepare(job));
    },
    close: () => set.close(),
  };
}

/** Blobs cross threads as plain Uint8Arrays: made Buffers again (no copy), as the thread itself makes them. */
function asBuffers(file: PreparedFile): void {
  if (file.kind !== 'decoded') return;
  for (const p of file.prepared) {
    const data = p.ok ? p.streams?.data : undefined;
    if (p.ok && p.streams && data && !Buffer.isBuffer(data)) {
      p.streams.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
  }
}

function unreadable(error: unknown): PreparedFile {
  return { kind: 'unreadable', problem: problemFrom(error) };
}
