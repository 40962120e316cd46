/**
 * The roster's alert jobs on PostgreSQL (pg-boss 10, the last line for Node 20): after an import for an
 * athlete, one job recomputes and stores that athlete's attention items (AttentionRefreshService). The queue
 * is "stately" with the athlete id as singleton key, so a burst of imports for one athlete leaves at most one
 * job waiting and one running. A job carries the athlete id only, never health data. pg-boss keeps its own
 * tables in the `pgboss` schema and runs over the system pool (the application role gets no rights on them).
 * Started on first use; stop() before closing the store.
 *
 * Stored items hold for the day they were computed (a spike is "the latest run", pain "this week"): when the
 * day changes they go stale, and the roster would compute every athlete on read. So a nightly job (a pg-boss
 * cron schedule, in the server's time zone: one run a night however many servers share the database) queues
 * the same refresh for every athlete with an account, one job each, retried on its own.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { ServerDatabase } from '../repositories/server-schema.ts';

export const ATTENTION_QUEUE = 'roster-attention';
export const NIGHTLY_QUEUE = 'roster-nightly';
/** Five past midnight: after the day changed, before anyone opens the roster. */
export const NIGHTLY_CRON = '5 0 * * *';

export interface AlertQueueOptions {
  /** How often an idle worker looks for jobs (pg-boss allows ≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Where a failed job (each attempt) and pg-boss's own errors are reported (the server's log). */
  onError?: (error: unknown) => void;
  /** The nightly refresh's schedule (cron, IANA zone); default NIGHTLY_CRON in the server's own zone. */
  nightly?: { cron: string; timeZone: string };
}

/** The zone the server's clock is set to (TZ, else the system's). */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
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

  /** The nightly job's work: one refresh job queued per athlete with an account; returns how many. */
  async queueEveryAthlete(): Promise<number> {
    const boss = await this.start();
    const rows = await this.system.selectFrom('user_athletes').select('athlete_id').execute();
    for (const { athlete_id } of rows) {
      await boss.send(ATTENTION_QUEUE, { athleteId: athlete_id }, { singletonKey: athlete_id });
    }
    return rows.length;
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

  /**
   * Creates pg-boss's schema, the queues and the nightly schedule, then stops, running no job: what the first
   * process of `serve --server --workers N` does once before starting the others. pg-boss creating its schema
   * from several processes at once on a new database fails in all but one (two CREATE SCHEMA at once).
   */
  static async prepare(system: Kysely<ServerDatabase>, options: AlertQueueOptions = {}): Promise<void> {
    const boss = newBoss(system, { schedule: false, supervise: false });
    await boss.start();
    try {
      await createQueues(boss, options);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }

  private async open(): Promise<PgBoss> {
    // The nightly refresh is a cron schedule: pg-boss's clock checks it (every 30 s) on every server.
    const boss = newBoss(this.system, { schedule: true, supervise: true });
    boss.on('error', (error) => this.options.onError?.(error));
    await boss.start();
    await createQueues(boss, this.options);
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
    await boss.work(
      NIGHTLY_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 },
      async () => {
        try {
          await this.queueEveryAthlete();
        } catch (error) {
          this.options.onError?.(error);
          throw error;
        }
      },
    );
    return boss;
  }
}

function newBoss(system: Kysely<ServerDatabase>, options: { schedule: boolean; supervise: boolean }): PgBoss {
  return new PgBoss({
    // Through the store's system pool: no second set of connections, and no connection string to keep.
    db: {
      async executeSql(text: string, values: unknown[] = []) {
        const result = await system.executeQuery(CompiledQuery.raw(text, values));
        return { rows: result.rows as unknown[] };
      },
    },
    schema: 'pgboss',
    schedule: options.schedule,
    supervise: options.supervise,
  });
}

/** The queues and the nightly schedule (each created once, whoever asks first; the schedule is one row). */
async function createQueues(boss: PgBoss, options: AlertQueueOptions): Promise<void> {
  await boss.createQueue(ATTENTION_QUEUE, {
    name: ATTENTION_QUEUE,
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  await boss.createQueue(NIGHTLY_QUEUE, {
    name: NIGHTLY_QUEUE,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 30 * 60,
  });
  const nightly = options.nightly ?? { cron: NIGHTLY_CRON, timeZone: serverTimeZone() };
  await boss.schedule(NIGHTLY_QUEUE, nightly.cron, {}, { tz: nightly.timeZone });
}
