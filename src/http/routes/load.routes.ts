/** GET /load (= `load --json`) and GET /activities (= `activities --json`, with range and limit). */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono } from 'hono';
import { z } from 'zod';
import type { LoadReport } from '../../domain/load/load-report.ts';
import { listActivities } from '../../services/activity-list.service.ts';
import { resolveAsOf } from '../../services/load.service.ts';
import { LoadReportCache, loadSnapshot } from '../../services/load-snapshot.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { VersionedAnswers } from '../versioned-answers.ts';
import { localDate, wholeNumber } from './common.schemas.ts';

const gzipAsync = promisify(gzip);

/** One serialised report, gzipped on first demand (off the event loop, shared by concurrent requests). */
class LoadBody {
  private compressed: Promise<Uint8Array<ArrayBuffer>> | null = null;

  constructor(readonly json: string) {}

  gzipped(): Promise<Uint8Array<ArrayBuffer>> {
    // Level 1: a tenth of the JSON's size already, at a fraction of the default level's time.
    this.compressed ??= gzipAsync(this.json, { level: 1 }).then((b) => new Uint8Array(b));
    return this.compressed;
  }
}

/** True when the client takes gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const loadQuery = z.object({ asOf: localDate.optional() });

const activitiesQuery = z.object({
  sport: z.enum(['run', 'all'], { message: 'expected run or all' }).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  limit: wholeNumber(1, 100_000).optional(),
});

export function loadRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  // A ten-year report is ~1.5 MB of JSON; the cache hands back the same report object until the data changes,
  // so it is serialised (and gzipped, ~10× smaller) once per report instead of once per request.
  const bodies = new WeakMap<LoadReport, LoadBody>();
  // The activity list changes only with a write (the data version).
  const lists = new VersionedAnswers();
  return new Hono<AppEnv>()
    .get('/load', async (c) => {
      const athlete = c.get('athlete');
      const asOf = resolveAsOf(queryOf(c, loadQuery).asOf, deps.now(), athlete);
      const { report } = await loadSnapshot(deps.store.db, athlete, asOf, cache);
      let body = bodies.get(report);
      if (body === undefined) {
        body = new LoadBody(JSON.stringify(report));
        bodies.set(report, body);
      }
      const headers = { 'content-type': 'application/json; charset=utf-8', vary: 'accept-encoding' };
      if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(body.json, 200, headers);
      return c.body(await body.gzipped(), 200, { ...headers, 'content-encoding': 'gzip' });
    })
    .get('/activities', async (c) => {
      const query = queryOf(c, activitiesQuery);
      const athleteId = c.get('athlete').id;
      return lists.json(c, deps.store.db, [athleteId, query], () =>
        listActivities(deps.store.db, athleteId, query),
      );
    });
}
