/**
 * Starts the clinic/team server. It listens on 127.0.0.1 unless told otherwise: put it behind a reverse proxy
 * that ends TLS (then set the public URL to https://… and trust the proxy's X-Forwarded-* headers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { PdfRenderer } from '../../report/pdf-renderer.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import { createServerDeps } from '../services/server-services.ts';
import { createServerApp } from './server-app.ts';
import type { ServerSettings } from './server-env.ts';

export interface ServerStartOptions {
  store: ServerStore;
  host: string;
  port: number;
  settings: ServerSettings;
  webRoot: string | null;
  pdfRenderer: PdfRenderer | null;
  /** The clock (tests move it, e.g. past the 10 minutes a sensitive action allows after the password). */
  now?: () => Date;
}

export async function startClinicServer(
  options: ServerStartOptions,
): Promise<{ url: string; stop(): Promise<void> }> {
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
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await deps.roster.alerts.stop();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}
