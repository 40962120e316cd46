/** GET /today: the landing screen in one request (today.service.ts). */
import { Hono } from 'hono';
import { z } from 'zod';
import { resolveAsOf } from '../../services/load.service.ts';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { TodayService } from '../../services/today.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { VersionedAnswers } from '../versioned-answers.ts';
import { localDate } from './common.schemas.ts';

const query = z.object({ asOf: localDate.optional() });

/** `cache` is shared with the load routes so both screens reuse one computed report. */
export function todayRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  // The answer depends on the stored data (the data version) and on the day only, never the time of day.
  const answers = new VersionedAnswers();
  return new Hono<AppEnv>().get('/today', async (c) => {
    const { asOf } = queryOf(c, query);
    const athlete = c.get('athlete');
    const today = resolveAsOf(undefined, deps.now(), athlete);
    return answers.json(c, deps.store.db, [athlete.id, today, asOf ?? null], () =>
      new TodayService(deps.store.db, athlete, deps.now, cache).today(asOf === undefined ? {} : { asOf }),
    );
  });
}
