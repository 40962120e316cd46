/** GET /overview: what the dashboard loads first (runner, settings, counts, demo rows, today). */
import { Hono } from 'hono';
import { overviewOf } from '../../services/overview.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';

export function overviewRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/overview', async (c) =>
    c.json(await overviewOf(deps.store.db, c.get('athlete'), deps.now())),
  );
}
