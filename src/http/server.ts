/**
 * Starts the HTTP app on 127.0.0.1 (never on all interfaces: a runner's health data stays on this machine)
 * and returns the URL and a stop function that closes the server and then the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { DatabaseHandle } from '../db/connection.ts';
import type { PdfRenderer } from '../report/pdf-renderer.ts';
import { createHttpApp } from './app.ts';

export interface StartOptions {
  store: DatabaseHandle;
  port: number;
  webRoot: string | null;
  pdfRenderer: PdfRenderer | null;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const scratchDir = await mkdtemp(join(tmpdir(), 'kneewise-uploads-'));
  const app = createHttpApp(
    {
      store: options.store,
      now: options.now ?? (() => new Date()),
      pdfRenderer: options.pdfRenderer,
      scratchDir,
    },
    { webRoot: options.webRoot },
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from a browser would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}
