/** `kneewise serve --server`: the clinic/team server on PostgreSQL (the single-runner serve is untouched). */
import type { AppContext } from '../../cli/app-context.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { ensureWebBuild } from '../../http/web-build.ts';
import { defaultPdfRenderer } from '../../report/pdf-renderer.ts';
import { startClinicServer } from '../http/server.ts';
import { openServerDatabase, requirePostgres } from '../repositories/server-database.ts';
import { serverSettings } from './server-options.ts';

export interface ServeServerFlags {
  port: number;
  host?: string;
  publicUrl?: string;
  trustProxy?: boolean;
}

export async function serveServer(ctx: AppContext, flags: ServeServerFlags): Promise<void> {
  const { dbUrl } = ctx.config();
  requirePostgres(dbUrl, '--db / KNEEWISE_DB');
  const settings = serverSettings(flags, flags.port);
  const webRoot = await ensureWebBuild((line) => ctx.io.stderr.write(`${line}\n`));
  const store = await openServerDatabase(dbUrl);
  const host = flags.host ?? '127.0.0.1';
  const server = await startClinicServer({
    store,
    host,
    port: flags.port,
    settings,
    webRoot,
    pdfRenderer: defaultPdfRenderer(),
  }).catch(async (error: unknown) => {
    await store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new KneewiseError(
        'PORT_IN_USE',
        `port ${flags.port} is already in use: choose another with --port N`,
        'input',
      );
    }
    throw error;
  });
  if (!flags.publicUrl && !process.env.KNEEWISE_PUBLIC_URL) settings.publicUrl = server.url;
  ctx.io.stdout.write(`${server.url}\n`);
  ctx.io.stderr.write(
    `kneewise server mode on ${store.location}; people reach it at ${settings.publicUrl}. ` +
      'Set up with `kneewise admin create-org`; people sign in to the dashboard there. Stop it with Ctrl+C.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.stop();
  await store.close();
}
