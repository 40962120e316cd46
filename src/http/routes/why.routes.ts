/** GET /why (= `why --json`): what changed in the runs before the pain began. */
import { Hono } from 'hono';
import { z } from 'zod';
import { WhyService } from '../../services/why.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { localDate } from './common.schemas.ts';

const query = z.object({ onset: localDate.optional() });

export function whyRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/why', async (c) => {
    const { onset } = queryOf(c, query);
    // Same service defaults as `kneewise why`, so the two never disagree.
    const service = new WhyService(deps.store.db, c.get('athlete'), deps.now);
    return c.json(await service.explain(onset === undefined ? {} : { onset }));
  });
}
