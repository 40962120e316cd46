/** GET /today: the landing screen in one request (today.service.ts). */
import { Hono } from 'hono';
import { z } from 'zod';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { TodayService } from '../../services/today.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { localDate } from './common.schemas.ts';

const query = z.object({ asOf: localDate.optional() });

/** `cache` is shared with the load routes so both screens reuse one computed report. */
export function todayRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/today', async (c) => {
    const { asOf } = queryOf(c, query);
    const service = new TodayService(deps.store.db, c.get('athlete'), deps.now, cache);
    return c.json(await service.today(asOf === undefined ? {} : { asOf }));
  });
}
