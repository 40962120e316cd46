/**
 * The roster's alert jobs on PostgreSQL (pg-boss 10, the last line for Node 20): after an import for an
 * athlete, one job recomputes and stores that athlete's attention items (AttentionRefreshService). The queue
 * is "stately" with the athlete id as singleton key, so a burst of imports for one athlete leaves at most one
 * job waiting and one running. A job carries the athlete id only, never health data. pg-boss keeps its own
 * tables in the `pgboss` schema and runs over the system pool (the application role gets no rights on them).
 * Started on first use; stop() before closing the store.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { ServerDatabase } from '../repositories/server-schema.ts';

export const ATTENTION_QUEUE = 'roster-attention';

export interface AlertQueueOptions {
  /** How often an idle worker looks for jobs (pg-boss allows ≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Where a failed job (each attempt) and pg-boss's own errors are reported (the server's log). */
  onError?: (error: unknown) => void;
}

export class AlertQueue {
  private starting: Promise<PgBoss> | null = null;
  private stopped = false;

  constructor(
    private readonly system: Kysely<ServerDatabase>,
    private readonly work: (athleteId: string) => Promise<unknown>,
    private readonly options: AlertQueueOptions = {},
  ) {}

  /** Starts pg-boss (creating its schema on first run), the queue and one worker. Safe to call again. */
  start(): Promise<PgBoss> {
    this.starting ??= this.open().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  /** Queues a recompute of this athlete's attention items. */
  async enqueue(athleteId: string): Promise<void> {
    if (this.stopped) return;
    const boss = await this.start();
    await boss.send(ATTENTION_QUEUE, { athleteId }, { singletonKey: athleteId });
  }

  /** Lets a running job finish (up to 10 s), then stops polling and maintenance. */
  async stop(): Promise<void> {
    this.stopped = true;
    const starting = this.starting;
    if (!starting) return;
    const boss = await starting.catch(() => null);
    if (!boss) return;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private async open(): Promise<PgBoss> {
    const system = this.system;
    const boss = new PgBoss({
      // Through the store's system pool: no second set of connections, and no connection string to keep.
      db: {
        async executeSql(text: string, values: unknown[] = []) {
          const result = await system.executeQuery(CompiledQuery.raw(text, values));
          return { rows: result.rows as unknown[] };
        },
      },
      schema: 'pgboss',
      schedule: false,
    });
    boss.on('error', (error) => this.options.onError?.(error));
    await boss.start();
    await boss.createQueue(ATTENTION_QUEUE, {
      name: ATTENTION_QUEUE,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    });
    await boss.work<{ athleteId: string }>(
      ATTENTION_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await this.work(job.data.athleteId);
          } catch (error) {
            // Logged here, then thrown so pg-boss retries it (3 times, backing off) and keeps it as failed.
            this.options.onError?.(error);
            throw error;
          }
        }
      },
    );
    return boss;
  }
}
