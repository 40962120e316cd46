/** GET /load (= `load --json`) and GET /activities (= `activities --json`, with range and limit). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { LoadReport } from '../../domain/load/load-report.ts';
import { listActivities } from '../../services/activity-list.service.ts';
import { resolveAsOf } from '../../services/load.service.ts';
import { LoadReportCache, loadSnapshot } from '../../services/load-snapshot.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { localDate, wholeNumber } from './common.schemas.ts';

const loadQuery = z.object({ asOf: localDate.optional() });

const activitiesQuery = z.object({
  sport: z.enum(['run', 'all'], { message: 'expected run or all' }).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  limit: wholeNumber(1, 100_000).optional(),
});

export function loadRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  // A ten-year report is ~1 MB of JSON; the cache hands back the same report object until the data changes,
  // so it is serialised once per report instead of once per request.
  const serialised = new WeakMap<LoadReport, string>();
  return new Hono<AppEnv>()
    .get('/load', async (c) => {
      const athlete = c.get('athlete');
      const asOf = resolveAsOf(queryOf(c, loadQuery).asOf, deps.now(), athlete);
      const { report } = await loadSnapshot(deps.store.db, athlete, asOf, cache);
      let body = serialised.get(report);
      if (body === undefined) {
        body = JSON.stringify(report);
        serialised.set(report, body);
      }
      return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
    })
    .get('/activities', async (c) => {
      const query = queryOf(c, activitiesQuery);
      return c.json(await listActivities(deps.store.db, c.get('athlete').id, query));
    });
}
