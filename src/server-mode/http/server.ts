/**
 * Starts the clinic/team server. It listens on 127.0.0.1 unless told otherwise: put it behind a reverse proxy
 * that ends TLS (then set the public URL to https://… and trust the proxy's X-Forwarded-* headers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, ListenOptions } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { PdfRenderer } from '../../report/pdf-renderer.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import { createServerDeps } from '../services/server-services.ts';
import { forwardingImportJobs } from './import-job-forwarding.ts';
import { createServerApp } from './server-app.ts';
import type { ServerSettings } from './server-env.ts';

/**
 * A process's part when several share the port (`serve --server --workers N`): one owns the athletes' import
 * jobs (held in its memory across requests) and listens on 127.0.0.1 for the others, which pass those
 * requests on to it (import-job-forwarding.ts). Absent: the only process.
 */
export type ImportJobsRole = { importJobs: 'own' } | { importJobs: 'forward'; ownerUrl: () => string | null };

/** Set on every answer when asked (tests of several processes: which one answered). */
export const ANSWERED_BY_HEADER = 'x-kneewise-pid';

export interface ServerStartOptions {
  store: ServerStore;
  host: string;
  port: number;
  settings: ServerSettings;
  webRoot: string | null;
  pdfRenderer: PdfRenderer | null;
  /** The clock (tests move it, e.g. past the 10 minutes a sensitive action allows after the password). */
  now?: () => Date;
  /** One of several processes on the port; absent when alone. */
  cluster?: ImportJobsRole;
  /** Name this process (its pid) in ANSWERED_BY_HEADER on every answer. */
  answeredBy?: boolean;
}

export interface ClinicServer {
  url: string;
  /** Where the other processes pass import-job requests (only on the process that owns them). */
  importJobsUrl: string | null;
  stop(): Promise<void>;
}

function listen(server: Server, options: ListenOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** How long a stopping server lets the requests it is answering finish before it cuts them. */
const STOP_GRACE_MS = 10_000;

/**
 * Stops taking connections and lets the requests under way finish (up to STOP_GRACE_MS); connections that
 * fall idle meanwhile are closed at once instead of waiting for their keep-alive to run out.
 */
function close(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export async function startClinicServer(options: ServerStartOptions): Promise<ClinicServer> {
  const scratchDir = await mkdtemp(join(tmpdir(), 'kneewise-server-uploads-'));
  const deps = createServerDeps({
    store: options.store,
    settings: options.settings,
    now: options.now ?? (() => new Date()),
    pdfRenderer: options.pdfRenderer,
    scratchDir,
  });
  // The roster's alert jobs: picks up jobs queued before a restart.
  await deps.roster.alerts.start();
  const app = createServerApp(deps, { webRoot: options.webRoot });
  const tag = (listener: RequestListener): RequestListener =>
    options.answeredBy
      ? (req, res) => {
          res.setHeader(ANSWERED_BY_HEADER, String(process.pid));
          return listener(req, res);
        }
      : listener;
  const role = options.cluster;
  const httpServer = (wrap: (listener: RequestListener) => RequestListener) =>
    createAdaptorServer({
      fetch: app.fetch,
      hostname: options.host,
      createServer: ((serverOptions: object, listener: RequestListener) =>
        createServer(serverOptions, wrap(tag(listener)))) as typeof createServer,
    }) as Server;
  const server = httpServer((listener) =>
    role?.importJobs === 'forward' ? forwardingImportJobs(listener, role.ownerUrl) : listener,
  );
  // Exclusive: not shared through the cluster, this port is the owner's own, for the other processes.
  const importJobs = role?.importJobs === 'own' ? httpServer((listener) => listener) : null;
  try {
    await listen(server, { host: options.host, port: options.port });
    if (importJobs) await listen(importJobs, { host: '127.0.0.1', port: 0, exclusive: true });
  } catch (error) {
    // The port is taken (say): stop the job queue too, whose polling would keep the process from ending.
    if (server.listening) await close(server);
    await deps.roster.alerts.stop();
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    importJobsUrl: importJobs ? `http://127.0.0.1:${(importJobs.address() as AddressInfo).port}/` : null,
    async stop() {
      await Promise.all([close(server), importJobs ? close(importJobs) : null]);
      await deps.roster.alerts.stop();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}
