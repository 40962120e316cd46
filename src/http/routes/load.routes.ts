/**
 * GET /load (= `load --json`), GET /load/range (the same report cut to the last days a screen draws) and
 * GET /activities (= `activities --json`, with range and limit).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { cutLoadReport } from '../../domain/load/load-range.ts';
import type { LoadReport } from '../../domain/load/load-report.ts';
import { listActivities } from '../../services/activity-list.service.ts';
import { resolveAsOf } from '../../services/load.service.ts';
import { LoadReportCache, loadSnapshot } from '../../services/load-snapshot.service.ts';
import { acceptsGzip } from '../accept-encoding.ts';
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

const loadQuery = z.object({ asOf: localDate.optional() });
// 100 years: "the whole history" is GET /load.
const rangeQuery = z.object({ asOf: localDate.optional(), days: wholeNumber(1, 36_600) });

/**
 * The body for a report (and, cut, for a range of it): serialised once per report, gzipped when asked. A few
 * ranges per report are kept (the screen's four); any other number of days a client asks for only replaces
 * the oldest, so no query grows the server.
 */
const RANGES_KEPT = 4;

class LoadBodies {
  private readonly bodies = new WeakMap<LoadReport, Map<number | 'all', LoadBody>>();

  of(report: LoadReport, days: number | 'all'): LoadBody {
    let perRange = this.bodies.get(report);
    if (perRange === undefined) {
      perRange = new Map();
      this.bodies.set(report, perRange);
    }
    let body = perRange.get(days);
    if (body === undefined) {
      body = new LoadBody(JSON.stringify(days === 'all' ? report : cutLoadReport(report, days)));
      if (perRange.size >= RANGES_KEPT) perRange.delete(perRange.keys().next().value!);
      perRange.set(days, body);
    }
    return body;
  }
}

async function sendBody(c: Context<AppEnv>, body: LoadBody): Promise<Response> {
  const headers = { 'content-type': 'application/json; charset=utf-8', vary: 'accept-encoding' };
  if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(body.json, 200, headers);
  return c.body(await body.gzipped(), 200, { ...headers, 'content-encoding': 'gzip' });
}

const activitiesQuery = z.object({
  sport: z.enum(['run', 'all'], { message: 'expected run or all' }).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  limit: wholeNumber(1, 100_000).optional(),
});

export function loadRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  // A ten-year report is ~1.5 MB of JSON; the cache hands back the same report object until the data changes,
  // so it is serialised (and gzipped, ~10× smaller) once per report instead of once per request, and each
  // range a screen asks for is cut once per report too.
  const bodies = new LoadBodies();
  // The activity list changes only with a write (the data version).
  const lists = new VersionedAnswers();
  return new Hono<AppEnv>()
    .get('/load', async (c) => {
      const athlete = c.get('athlete');
      const asOf = resolveAsOf(queryOf(c, loadQuery).asOf, deps.now(), athlete);
      const { report } = await loadSnapshot(deps.store.db, athlete, asOf, cache);
      return sendBody(c, bodies.of(report, 'all'));
    })
    .get('/load/range', async (c) => {
      const athlete = c.get('athlete');
      const query = queryOf(c, rangeQuery);
      const asOf = resolveAsOf(query.asOf, deps.now(), athlete);
      const { report } = await loadSnapshot(deps.store.db, athlete, asOf, cache);
      return sendBody(c, bodies.of(report, query.days));
    })
    .get('/activities', async (c) => {
      const query = queryOf(c, activitiesQuery);
      const athleteId = c.get('athlete').id;
      return lists.json(c, deps.store.db, [athleteId, query], () =>
        listActivities(deps.store.db, athleteId, query),
      );
    });
}
