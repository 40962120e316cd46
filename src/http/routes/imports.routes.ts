/**
 * Imports from the dashboard: POST /imports?name=FILE streams the request body (raw bytes, sent as
 * application/octet-stream) into a new job, POST /imports/:id/files adds more files, POST /imports/:id/start
 * runs the import in the background (202 at once), GET /imports/:id reports progress and, at the end, the
 * `kneewise import --json` report, DELETE /imports/:id cancels a job that has not started importing. See
 * services/import-jobs.service.ts for the limits and error codes.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { KneewiseError } from '../../domain/errors.ts';
import { ImportJobs, type ImportJobsOptions } from '../../services/import-jobs.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';

const nameQuery = z.object({ name: z.string().optional() });

/**
 * Raw bytes only. Requiring this type also keeps other web sites out: a cross-site page can POST text/plain
 * to 127.0.0.1 without asking, but application/octet-stream needs a CORS preflight, which this server refuses.
 */
function requireOctetStream(c: Context): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    throw new KneewiseError(
      'IMPORT_CONTENT_TYPE',
      `content-type: expected application/octet-stream (the file's raw bytes), got "${type || 'none'}"`,
      'input',
      { httpStatus: 415 },
    );
  }
}

export function importRoutes(deps: HttpDeps, options: ImportJobsOptions = {}): Hono<AppEnv> {
  const jobs = new ImportJobs(
    { db: deps.store.db, now: deps.now, scratchDir: deps.scratchDir, afterImport: deps.afterImport },
    options,
  );
  return new Hono<AppEnv>()
    .post('/imports', async (c) => {
      requireOctetStream(c);
      const { name } = queryOf(c, nameQuery);
      const job = await jobs.create(c.get('athlete'), name, c.req.raw.body);
      return c.json({ job }, 202);
    })
    .post('/imports/:id/files', async (c) => {
      requireOctetStream(c);
      const { name } = queryOf(c, nameQuery);
      const job = await jobs.addFile(c.get('athlete'), c.req.param('id'), name, c.req.raw.body);
      return c.json({ job }, 202);
    })
    .post('/imports/:id/start', (c) => c.json({ job: jobs.start(c.get('athlete'), c.req.param('id')) }, 202))
    .get('/imports/:id', (c) => c.json({ job: jobs.get(c.get('athlete'), c.req.param('id')) }))
    .delete('/imports/:id', async (c) =>
      c.json({ job: await jobs.cancel(c.get('athlete'), c.req.param('id')) }),
    );
}
