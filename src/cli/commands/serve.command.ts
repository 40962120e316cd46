import { spawn } from 'node:child_process';
import { type Command, InvalidArgumentError } from 'commander';
import { openDatabase } from '../../db/connection.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { startServer } from '../../http/server.ts';
import { warmFirstScreens } from '../../http/warm-up.ts';
import { ensureWebBuild } from '../../http/web-build.ts';
import { defaultPdfRenderer } from '../../report/pdf-renderer.ts';
import type { AppContext } from '../app-context.ts';

export const DEFAULT_PORT = 4477;

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`expected a port number 0–65535 (0 = any free port), got "${value}"`);
  }
  return port;
}

/** Opens the URL in the desktop's browser; a machine without one just keeps serving. */
function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/** `--workers`: 1 (one process, as before) to 8; each process holds its share of the database connections. */
function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) {
    throw new InvalidArgumentError(`expected a number of processes 1–8, got "${value}"`);
  }
  return workers;
}

interface ServeFlags {
  port?: number;
  open?: boolean;
  server?: boolean;
  host?: string;
  publicUrl?: string;
  trustProxy?: boolean;
  workers?: number;
}

export function registerServeCommand(program: Command, ctx: AppContext): void {
  program
    .command('serve')
    .description('Serve the dashboard on 127.0.0.1 (first line of output: the URL)')
    .option('--port <port>', `port to listen on (default ${DEFAULT_PORT}; 0 = any free port)`, parsePort)
    .option('--open', 'open the dashboard in your browser')
    .option('--server', 'clinic/team server: accounts, consent and audit on PostgreSQL (--db / KNEEWISE_DB)')
    .option(
      '--host <address>',
      'with --server: address to listen on (default 127.0.0.1; put a TLS proxy in front)',
    )
    .option('--public-url <url>', 'with --server: the address people use (default KNEEWISE_PUBLIC_URL)')
    .option('--trust-proxy', 'with --server: believe X-Forwarded-For/-Proto (default KNEEWISE_TRUST_PROXY=1)')
    .option(
      '--workers <n>',
      'with --server: server processes sharing the port (default: the cores, up to 4; 1 = one process)',
      parseWorkers,
    )
    .action(async (opts: ServeFlags) => {
      if (opts.server) {
        // Loaded only here: a single runner's serve never loads server mode.
        const { serveServer } = await import('../../server-mode/cli/serve-server.ts');
        return serveServer(ctx, { ...opts, port: opts.port ?? DEFAULT_PORT });
      }
      const webRoot = await ensureWebBuild((line) => ctx.io.stderr.write(`${line}\n`));
      const config = ctx.config();
      const store = await openDatabase(config.dbUrl);
      const port = opts.port ?? DEFAULT_PORT;
      const server = await startServer({
        store,
        port,
        webRoot,
        pdfRenderer: defaultPdfRenderer(),
      }).catch(async (error: unknown) => {
        await store.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new KneewiseError(
            'PORT_IN_USE',
            `port ${port} is already in use (another kneewise, or another program): stop it, or choose ` +
              'another port with --port N (0 = any free port)',
            'input',
          );
        }
        throw error;
      });
      ctx.io.stdout.write(`${server.url}\n`);
      ctx.io.stderr.write('kneewise is serving your dashboard on this computer only. Stop it with Ctrl+C.\n');
      // While the browser opens: the first screens' answers, so the first visit does not compute them.
      void warmFirstScreens(server.url);
      if (opts.open) openInBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.stop();
      await store.close();
    });
}
