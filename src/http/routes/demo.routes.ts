/**
 * POST /demo adds the demo runner (the same JSON as `kneewise demo --json`; repeating it adds nothing),
 * DELETE /demo removes every demo row and nothing else.
 */
import { Hono } from 'hono';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';

/** The demo's story and the knee check it runs, loaded when the demo is added or removed, not with the server. */
async function demoService() {
  return (await import('../../services/demo.service.ts')).DemoService;
}

export function demoRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/demo', async (c) => {
      const athlete = c.get('athlete');
      // The story ends on the runner's own today, so its "3–4 weeks ago" is theirs.
      const today = todayIn(deps.now(), athlete.settings.timeZone ?? systemTimeZone());
      const DemoService = await demoService();
      return c.json(await new DemoService(deps.store.db, athlete, deps.now).seed(today));
    })
    .delete('/demo', async (c) => {
      const DemoService = await demoService();
      return c.json(await new DemoService(deps.store.db, c.get('athlete'), deps.now).remove());
    });
}
