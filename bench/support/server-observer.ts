/**
 * Where a bench's server process and its database spend a phase, to tell a server that waits (on a pool, on
 * PostgreSQL) from one that computes or waits for a CPU (the bench shares its cores with everything else).
 * - The server's main thread from /proc/PID/schedstat (Linux): time on a CPU and time runnable but waiting
 *   for one; the rest of the wall time it was idle, i.e. waiting on the network or the database.
 * - The database's client backends from pg_stat_activity, sampled every 50 ms: how many are running a
 *   statement (`active`) and how many hold a transaction open with nothing to do (`idle in transaction`).
 * Both are null where they cannot be read (not Linux), so the bench still runs.
 */
import { readFile } from 'node:fs/promises';
import type pg from 'pg';

export interface ThreadTime {
  onCpuMs: number;
  waitingForCpuMs: number;
}

/** The main thread's scheduler times so far (nanoseconds in the file), or null without /proc. */
export async function mainThreadTime(pid: number): Promise<ThreadTime | null> {
  try {
    const [onCpu, waiting] = (await readFile(`/proc/${pid}/schedstat`, 'utf8')).trim().split(' ').map(Number);
    if (onCpu === undefined || waiting === undefined || Number.isNaN(onCpu + waiting)) return null;
    return { onCpuMs: onCpu / 1e6, waitingForCpuMs: waiting / 1e6 };
  } catch {
    return null;
  }
}

/**
 * One line on the main thread between two readings over `wallS` seconds for `requests` requests; with
 * several server processes the readings are their sums, and `threads` of them had `wallS` each.
 */
export function describeMainThread(
  before: ThreadTime | null,
  after: ThreadTime | null,
  wallS: number,
  requests: number,
  threads = 1,
): string | null {
  if (before === null || after === null) return null;
  const onCpuS = (after.onCpuMs - before.onCpuMs) / 1000;
  const waitingS = (after.waitingForCpuMs - before.waitingForCpuMs) / 1000;
  const idleS = Math.max(0, threads * wallS - onCpuS - waitingS);
  const perRequest = requests > 0 ? ((onCpuS * 1000) / requests).toFixed(1) : '-';
  return (
    `server main thread${threads > 1 ? `s (${threads}, summed)` : ''}: on a CPU ${onCpuS.toFixed(1)} s, ` +
    `runnable but waiting for a CPU ${waitingS.toFixed(1)} s, ` +
    `idle ${idleS.toFixed(1)} s of ${(threads * wallS).toFixed(1)} s (${perRequest} ms on a CPU per request)`
  );
}

/**
 * Samples the database's client backends (other than its own) until `stop()`, which answers the mean number
 * in each state, e.g. "active 0.3, idle 12.1, idle in transaction 9.6".
 */
export function sampleBackends(client: pg.Client, intervalMs = 50): { stop(): Promise<string | null> } {
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  let failed = false;
  const loop = (async () => {
    while (running) {
      try {
        const { rows } = await client.query<{ state: string; n: number }>(
          `select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
           where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
           group by 1`,
        );
        samples += 1;
        for (const row of rows) totals.set(row.state, (totals.get(row.state) ?? 0) + row.n);
      } catch {
        failed = true;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      if (failed || samples === 0) return null;
      return [...totals]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([state, n]) => `${state} ${(n / samples).toFixed(1)}`)
        .join(', ');
    },
  };
}
