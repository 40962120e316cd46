/**
 * POST /api/athletes/:athleteId/data: a runner moves the history they kept on their own computer into their
 * account here. The body is the kneewise JSON export (`kneewise export`, GET …/export), streamed to a scratch
 * file (up to 1 GiB, never whole in memory while it arrives) and restored in one transaction as the athlete,
 * under row-level security. Only the athlete themselves, with the password entered in the last 10 minutes
 * (athlete-data.routes.ts checks both before this runs). Rows keep their ids, so sending the same export again
 * adds nothing; a row already stored with other values refuses the whole file (409 RESTORE_CONFLICT), so
 * nothing stored is ever overwritten.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { mediaTypeOf, unsupportedMediaType } from '../../http/request-guard.ts';
import { DataRestoreService, MAX_EXPORT_BYTES } from '../../services/data-restore.service.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

/** The route below the athlete that takes a history, for the server's body rules (its own limit). */
export const HISTORY_UPLOAD = /^\/api\/athletes\/[^/]+\/data\/?$/;

function tooLarge(): KneewiseError {
  return new KneewiseError(
    'BODY_TOO_LARGE',
    `body: a kneewise export may hold at most ${MAX_EXPORT_BYTES / 1024 ** 3} GiB`,
    'input',
    { httpStatus: 413 },
  );
}

async function bodyToFile(body: ReadableStream<Uint8Array> | null, path: string): Promise<void> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_EXPORT_BYTES ? tooLarge() : null, chunk);
    },
  });
  const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
  await pipeline(source, counter, createWriteStream(path, { flags: 'wx' }));
}

export function historyUploadRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>().post('/data', async (c) => {
    const type = mediaTypeOf(c);
    if (type !== 'application/json') throw unsupportedMediaType(type);
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_EXPORT_BYTES) throw tooLarge();
    const athlete = c.get('athlete');
    const file = join(deps.dashboard.scratchDir, `history-${randomUUID()}.json`);
    try {
      await bodyToFile(c.req.raw.body, file);
      const restored = await new DataRestoreService(deps.dashboard.store.db, athlete, 'refuse').restoreFile(
        file,
        'body',
      );
      const added = Object.values(restored.added).reduce((sum, n) => sum + n, 0);
      // New rows change what the roster shows: the alert job recomputes the athlete's items.
      if (added > 0 || restored.settingsRestored) deps.dashboard.afterImport?.(athlete.id);
      return c.json({ restored }, added > 0 ? 201 : 200);
    } finally {
      await rm(file, { force: true });
    }
  });
}
