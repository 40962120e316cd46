/**
 * How many processes `kneewise serve --server` runs and how each sizes its PostgreSQL pools. One process
 * answers with one JavaScript thread, so at saturation that thread is the limit (bench/server-scale.bench.ts):
 * several processes on one listening port (node:cluster) use every core. Each process has its own pools, so
 * the connections add up: N × (the system pool's 4 + the scoped pool), kept well under PostgreSQL's default
 * max_connections of 100 (1 process 24, 2 → 28, 4 → 36, 8 → 72; superusers keep 3 of the 100 for themselves).
 */

/** More is refused: 8 processes already hold 72 connections. */
export const MAX_WORKERS = 8;
/** The default follows the cores, up to this: past it a clinic's load is the database's, not ours. */
export const DEFAULT_WORKERS_CAP = 4;
/** src/db/connection.ts opens the system pool (sign-in, access checks, the job queue) with 4 connections. */
export const SYSTEM_POOL_SIZE = 4;
/** The scoped pool of a single process: requests that can be inside their transaction at once. */
export const SCOPED_POOL_TOTAL = 20;
/** Each process keeps at least this many, so a few slow requests do not queue the rest. */
export const MIN_SCOPED_POOL = 5;

export function defaultWorkerCount(cpus: number): number {
  return Math.max(1, Math.min(DEFAULT_WORKERS_CAP, Math.floor(cpus)));
}

/** The scoped pool of each of `workers` processes: the single process's 20 shared out, at least 5 each. */
export function scopedPoolSize(workers: number): number {
  return Math.max(MIN_SCOPED_POOL, Math.ceil(SCOPED_POOL_TOTAL / workers));
}

/** PostgreSQL connections `workers` processes may open at most. */
export function connectionsFor(workers: number): number {
  return workers * (SYSTEM_POOL_SIZE + scopedPoolSize(workers));
}

/** A process that lived less than this before dying counts as a crash at start-up (a crash loop). */
export const QUICK_EXIT_MS = 10_000;

/**
 * How long to wait before starting a process again after its `quickExits`-th death in a row soon after
 * start: 1 s, then doubling up to 30 s, so a crash loop does not spin.
 */
export function restartDelayMs(quickExits: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, quickExits));
}
