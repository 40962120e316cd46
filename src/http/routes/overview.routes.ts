/** GET /overview: what the dashboard loads first (runner, settings, counts, demo rows, today). */
import { Hono } from 'hono';
import { resolveAsOf } from '../../services/load.service.ts';
import { overviewOf } from '../../services/overview.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { VersionedAnswers } from '../versioned-answers.ts';

export function overviewRoutes(deps: HttpDeps): Hono<AppEnv> {
  // Counts and settings change only with a write (the data version); `today` with the day.
  const answers = new VersionedAnswers();
  return new Hono<AppEnv>().get('/overview', async (c) => {
    const athlete = c.get('athlete');
    const now = deps.now();
    return answers.json(c, deps.store.db, [athlete.id, resolveAsOf(undefined, now, athlete)], () =>
      overviewOf(deps.store.db, athlete, now),
    );
  });
}
