/**
 * `kneewise account push|pull SERVER --email EMAIL [--json]`: a single runner moves the history on this
 * computer (the local database, SQLite by default) into their athlete account on a kneewise server, and back.
 * Everything goes through the server's HTTP API as the runner (sign in, then POST …/data with the kneewise
 * export, or GET …/export), never through the server's database, so its consent, row-level security and audit
 * apply. The password comes from KNEEWISE_PASSWORD or a prompt on a terminal, never from a flag.
 *
 * Both directions keep every row's id, so running either again adds nothing; a row already stored on the other
 * side with other values stops the whole move (RESTORE_CONFLICT) with nothing written.
 */

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import type { AppContext } from '../../cli/app-context.ts';
import { printJson } from '../../cli/output.ts';
import { DataExportService } from '../../services/data-export.service.ts';
import { DataRestoreService, type RestoreReport } from '../../services/data-restore.service.ts';
import { KneewiseServerClient, serverBaseUrl } from './kneewise-server.client.ts';
import { readPassword } from './password-prompt.ts';

interface AccountFlags {
  email: string;
  json?: boolean;
}

async function signedIn<T>(
  ctx: AppContext,
  server: string,
  flags: AccountFlags,
  fn: (client: KneewiseServerClient, athleteId: string) => Promise<T>,
): Promise<T> {
  const base = serverBaseUrl(server);
  const client = new KneewiseServerClient(base);
  await client.checkServer();
  const password = await readPassword(ctx.io, `Password for ${flags.email} at ${base.host}: `);
  const { athleteId } = await client.login(flags.email, password);
  try {
    return await fn(client, athleteId);
  } finally {
    await client.logout();
  }
}

function summary(added: RestoreReport['added']): string {
  const parts = Object.entries(added)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

export function registerAccountCommand(program: Command, ctx: AppContext): void {
  const account = program
    .command('account')
    .description('Move your history into your athlete account on a kneewise server, and back');
  const common = (cmd: Command) =>
    cmd
      .argument('<server>', 'the server’s address, e.g. https://kneewise.clinic.example')
      .requiredOption('--email <email>', 'your account’s e-mail (password: KNEEWISE_PASSWORD or asked)')
      .option('--json', 'print one JSON document');

  common(
    account
      .command('push')
      .description('Copy every row of this computer’s history into your account on the server'),
  ).action(async (server: string, flags: AccountFlags) => {
    await ctx.withStore(async (store, athlete) => {
      const result = await signedIn(ctx, server, flags, async (client, athleteId) => {
        const exporter = new DataExportService(store.db, athlete, ctx.now);
        const pieces = exporter.chunks();
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = await pieces.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          },
        });
        const restored = (await client.pushHistory(athleteId, body)) as RestoreReport;
        return { athleteId, sent: exporter.lastCounts(), restored };
      });
      const origin = serverBaseUrl(server).origin;
      if (flags.json)
        return printJson(ctx.io, { direction: 'push', server: origin, email: flags.email, ...result });
      ctx.io.stdout.write(
        `Pushed to ${origin}: ${summary(result.restored.added)}` +
          ` (${result.restored.alreadyThere} rows already there).\n`,
      );
    });
  });

  common(
    account
      .command('pull')
      .description('Copy every row of your account on the server into this computer’s history'),
  ).action(async (server: string, flags: AccountFlags) => {
    const dir = await mkdtemp(join(tmpdir(), 'kneewise-pull-'));
    try {
      const file = join(dir, 'export.json');
      const athleteId = await signedIn(ctx, server, flags, async (client, id) => {
        const body = await client.pullHistory(id);
        await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(file));
        return id;
      });
      const origin = serverBaseUrl(server).origin;
      const restored = await ctx.withStore((store, athlete) =>
        new DataRestoreService(store.db, athlete, 'refuse').restoreFile(file, `${origin} export`),
      );
      if (flags.json)
        return printJson(ctx.io, {
          direction: 'pull',
          server: origin,
          email: flags.email,
          athleteId,
          restored,
        });
      ctx.io.stdout.write(
        `Pulled from ${origin}: ${summary(restored.added)} (${restored.alreadyThere} rows already here).\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
