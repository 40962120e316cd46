/**
 * `kneewise serve --server`: the clinic/team server on PostgreSQL (the single-runner serve is untouched).
 * With `--workers 1` it is one process, as it always was. With more (the default follows the cores), this
 * first process runs the migrations once, then starts that many server processes on the same port
 * (server-cluster.ts), each with its share of the database connections (domain/server-workers.ts).
 *
 * What a request relies on is in PostgreSQL, so any process may answer any request: sessions, login
 * throttling (login_failures), passkey challenges (webauthn_challenges), OIDC sign-ins under way
 * (oidc_logins), organisation look-up limits (the audit log), the roster's stored items. What each process
 * keeps in memory is a cache under the database's data version (answers, load engines, static files), right
 * in every process. The exception is the athletes' dashboard import jobs (held in memory across requests):
 * one process owns them and the others pass those requests to it (http/import-job-forwarding.ts).
 * The roster's job queue (pg-boss) runs in every process: pg-boss is made for that (jobs are fetched with
 * FOR UPDATE SKIP LOCKED, so each runs once; the nightly schedule is one row upserted by name, and its clock
 * fires once per minute across all processes), and the refresh jobs' work is spread over the cores. Only
 * creating pg-boss's schema is not safe from several processes at once, so the first process does it.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { AppContext } from '../../cli/app-context.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { ensureWebBuild } from '../../http/web-build.ts';
import { defaultPdfRenderer } from '../../report/pdf-renderer.ts';
import { defaultWorkerCount, scopedPoolSize } from '../domain/server-workers.ts';
import { type ImportJobsRole, type ServerStartOptions, startClinicServer } from '../http/server.ts';
import { openServerDatabase, requirePostgres } from '../repositories/server-database.ts';
import { AlertQueue } from '../services/alert-queue.ts';
import {
  IMPORT_JOBS_SLOT,
  isImportJobsOwnerMessage,
  type ListeningMessage,
  runServerCluster,
  WORKER_SLOT_ENV,
} from './server-cluster.ts';
import { serverSettings } from './server-options.ts';

export interface ServeServerFlags {
  port: number;
  host?: string;
  publicUrl?: string;
  trustProxy?: boolean;
  /** Server processes (default: the cores, up to 4). */
  workers?: number;
}

/** The dashboard's folder, found once by the first process and handed to the others. */
const WEB_ROOT_ENV = 'KNEEWISE_SERVER_WEB_ROOT';
/** Tests only: each answer names the process (pid) that gave it, to show several processes answered. */
export const ANSWERED_BY_ENV = 'KNEEWISE_TEST_ANSWERED_BY';

export async function serveServer(ctx: AppContext, flags: ServeServerFlags): Promise<void> {
  const workers = flags.workers ?? defaultWorkerCount(availableParallelism());
  const slot = Number(process.env[WORKER_SLOT_ENV]);
  if (cluster.isWorker && Number.isInteger(slot) && slot > 0) return serveAsWorker(ctx, flags, workers, slot);
  if (workers > 1) return serveAsPrimary(ctx, flags, workers);
  return serveAlone(ctx, flags);
}

function portInUse(port: number): KneewiseError {
  return new KneewiseError(
    'PORT_IN_USE',
    `port ${port} is already in use: choose another with --port N`,
    'input',
  );
}

/** Starts listening; on failure closes the database, and a port already taken is named as such. */
async function listenOrExplain(options: ServerStartOptions) {
  return startClinicServer({ ...options, answeredBy: process.env[ANSWERED_BY_ENV] === '1' }).catch(
    async (error: unknown) => {
      await options.store.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(options.port);
      throw error;
    },
  );
}

function waitForStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function describe(ctx: AppContext, location: string, publicUrl: string, processes: string): void {
  ctx.io.stderr.write(
    `kneewise server mode on ${location}${processes}; people reach it at ${publicUrl}. ` +
      'Set up with `kneewise admin create-org`; people sign in to the dashboard there. Stop it with Ctrl+C.\n',
  );
}

/** One process, as `serve --server` always ran. */
async function serveAlone(ctx: AppContext, flags: ServeServerFlags): Promise<void> {
  const { dbUrl } = ctx.config();
  requirePostgres(dbUrl, '--db / KNEEWISE_DB');
  const settings = serverSettings(flags, flags.port);
  const webRoot = await ensureWebBuild((line) => ctx.io.stderr.write(`${line}\n`));
  const store = await openServerDatabase(dbUrl);
  const host = flags.host ?? '127.0.0.1';
  const server = await listenOrExplain({
    store,
    host,
    port: flags.port,
    settings,
    webRoot,
    pdfRenderer: defaultPdfRenderer(),
  });
  if (!flags.publicUrl && !process.env.KNEEWISE_PUBLIC_URL) settings.publicUrl = server.url;
  ctx.io.stdout.write(`${server.url}\n`);
  describe(ctx, store.location, settings.publicUrl, '');
  await waitForStopSignal();
  await server.stop();
  await store.close();
}

/** The first of several processes: checks and migrates once, then runs the server processes. */
async function serveAsPrimary(ctx: AppContext, flags: ServeServerFlags, workers: number): Promise<void> {
  const { dbUrl } = ctx.config();
  requirePostgres(dbUrl, '--db / KNEEWISE_DB');
  const settings = serverSettings(flags, flags.port);
  const webRoot = await ensureWebBuild((line) => ctx.io.stderr.write(`${line}\n`));
  // The migrations, once, before any server process opens the database; pg-boss's own schema too, which
  // several processes creating at once on a new database would not survive.
  const store = await openServerDatabase(dbUrl);
  const location = store.location;
  try {
    await AlertQueue.prepare(store.system);
  } finally {
    await store.close();
  }
  const code = await runServerCluster({
    workers,
    env: { [WEB_ROOT_ENV]: webRoot },
    onListening(url) {
      ctx.io.stdout.write(`${url}\n`);
      const publicUrl = flags.publicUrl || process.env.KNEEWISE_PUBLIC_URL ? settings.publicUrl : url;
      describe(ctx, location, publicUrl, ` with ${workers} server processes`);
    },
    log: (line) => ctx.io.stderr.write(`${line}\n`),
  });
  if (code !== 0) process.exitCode = code;
}

/** One of the server processes the first one started. */
async function serveAsWorker(
  ctx: AppContext,
  flags: ServeServerFlags,
  workers: number,
  slot: number,
): Promise<void> {
  let importJobsOwner: string | null = null;
  const onMessage = (message: unknown) => {
    if (isImportJobsOwnerMessage(message)) importJobsOwner = message.url;
  };
  process.on('message', onMessage);
  try {
    await serveUntilStopped(ctx, flags, workers, slot, () => importJobsOwner);
  } finally {
    process.off('message', onMessage);
    // Closes the channel to the first process, which would otherwise keep this one alive (after an error too).
    cluster.worker?.disconnect();
  }
}

async function serveUntilStopped(
  ctx: AppContext,
  flags: ServeServerFlags,
  workers: number,
  slot: number,
  importJobsOwner: () => string | null,
): Promise<void> {
  const { dbUrl } = ctx.config();
  const settings = serverSettings(flags, flags.port);
  const webRoot = process.env[WEB_ROOT_ENV] ?? (await ensureWebBuild());
  const role: ImportJobsRole =
    slot === IMPORT_JOBS_SLOT ? { importJobs: 'own' } : { importJobs: 'forward', ownerUrl: importJobsOwner };
  const store = await openServerDatabase(dbUrl, '--db / KNEEWISE_DB', {
    migrate: false,
    scopedPoolSize: scopedPoolSize(workers),
  });
  const server = await listenOrExplain({
    store,
    host: flags.host ?? '127.0.0.1',
    port: flags.port,
    settings,
    webRoot,
    pdfRenderer: defaultPdfRenderer(),
    cluster: role,
  });
  if (!flags.publicUrl && !process.env.KNEEWISE_PUBLIC_URL) settings.publicUrl = server.url;
  process.send?.({
    type: 'kneewise:listening',
    url: server.url,
    importJobsUrl: server.importJobsUrl,
  } satisfies ListeningMessage);
  await waitForStopSignal();
  await server.stop();
  await store.close();
}
