/**
 * The first process of `kneewise serve --server --workers N` (N > 1): it answers no request itself. It starts
 * N server processes (node:cluster: they share one listening port, connections handed out in turn), prints
 * the URL once the first one listens, starts again any that dies unexpectedly (waiting longer after each
 * death soon after start, so a crash loop does not spin), tells them all where the import jobs' owner listens
 * (import-job-forwarding.ts), and on SIGINT/SIGTERM stops them, each finishing the requests under way.
 * If none ever listened (port taken, database unreachable), each said why and the whole command stops.
 */
import cluster, { type Worker } from 'node:cluster';
import { QUICK_EXIT_MS, restartDelayMs } from '../domain/server-workers.ts';

/** Set in each server process's environment: its slot, 1…N (slot 1 owns the import jobs). */
export const WORKER_SLOT_ENV = 'KNEEWISE_SERVER_WORKER';

/** A server process tells the first one it listens. */
export interface ListeningMessage {
  type: 'kneewise:listening';
  url: string;
  importJobsUrl: string | null;
}

/** The first process tells each server process where import-job requests go (null: restarting). */
export interface ImportJobsOwnerMessage {
  type: 'kneewise:import-jobs-owner';
  url: string | null;
}

export function isImportJobsOwnerMessage(message: unknown): message is ImportJobsOwnerMessage {
  return (message as ImportJobsOwnerMessage | null)?.type === 'kneewise:import-jobs-owner';
}

function isListening(message: unknown): message is ListeningMessage {
  return (message as ListeningMessage | null)?.type === 'kneewise:listening';
}

/** The slot whose process owns the athletes' import jobs. */
export const IMPORT_JOBS_SLOT = 1;

/** A stopping process left this long is killed (its requests had 10 s to finish, its jobs 10 s more). */
const STOP_TIMEOUT_MS = 30_000;

export interface ClusterOptions {
  workers: number;
  /** Added to each server process's environment. */
  env: Record<string, string>;
  /** Once, when the first process listens. */
  onListening(url: string): void;
  log(line: string): void;
}

/** Runs the server processes until SIGINT/SIGTERM; resolves with the exit code for the command. */
export function runServerCluster(options: ClusterOptions): Promise<number> {
  const running = new Map<number, { worker: Worker; startedAt: number }>();
  const restarts = new Map<number, NodeJS.Timeout>();
  const quickExits = new Map<number, number>();
  let importJobsUrl: string | null = null;
  let listened = false;
  let stopping = false;

  return new Promise<number>((resolve) => {
    let exitCode = 0;
    const finishIfDone = () => {
      if (stopping && running.size === 0) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(exitCode);
      }
    };
    const tellOwner = (worker: Worker) => {
      if (worker.isConnected()) {
        worker.send({
          type: 'kneewise:import-jobs-owner',
          url: importJobsUrl,
        } satisfies ImportJobsOwnerMessage);
      }
    };
    const start = (slot: number) => {
      const worker = cluster.fork({ ...options.env, [WORKER_SLOT_ENV]: String(slot) });
      running.set(slot, { worker, startedAt: Date.now() });
      worker.on('message', (message: unknown) => {
        if (!isListening(message)) return;
        if (slot === IMPORT_JOBS_SLOT) {
          importJobsUrl = message.importJobsUrl;
          for (const { worker: other } of running.values()) tellOwner(other);
        } else {
          tellOwner(worker);
        }
        if (!listened) {
          listened = true;
          options.onListening(message.url);
        }
      });
      // A failed fork (out of memory, say) ends in 'exit' too; nothing more to do here.
      worker.on('error', () => {});
      worker.on('exit', (code, signal) => {
        const started = running.get(slot)?.startedAt ?? Date.now();
        running.delete(slot);
        if (slot === IMPORT_JOBS_SLOT) {
          importJobsUrl = null;
          for (const { worker: other } of running.values()) tellOwner(other);
        }
        if (stopping) return finishIfDone();
        if (!listened) {
          // Never served: starting again would fail the same way, and the process has said why.
          exitCode = code || 1;
          return stop();
        }
        const quick = Date.now() - started < QUICK_EXIT_MS ? (quickExits.get(slot) ?? 0) + 1 : 0;
        quickExits.set(slot, quick);
        const delay = restartDelayMs(quick);
        options.log(
          `kneewise: server process ${slot} (pid ${worker.process.pid}) stopped unexpectedly ` +
            `(${signal ? `signal ${signal}` : `exit code ${code}`}); starting another in ${delay / 1000} s`,
        );
        restarts.set(
          slot,
          setTimeout(() => {
            restarts.delete(slot);
            if (!stopping) start(slot);
          }, delay),
        );
      });
    };
    function stop(): void {
      if (stopping) return;
      stopping = true;
      for (const timer of restarts.values()) clearTimeout(timer);
      restarts.clear();
      for (const { worker } of running.values()) {
        worker.process.kill('SIGTERM');
        setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS).unref();
      }
      finishIfDone();
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    for (let slot = 1; slot <= options.workers; slot++) start(slot);
  });
}
