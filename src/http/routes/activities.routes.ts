/**
 * One activity: DELETE /activities/:id deletes it; POST /activities/:id/exclude and /include take it out of
 * analysis and back (activity-management.service.ts). 404 ACTIVITY_NOT_FOUND for an unknown id.
 */
import { Hono } from 'hono';
import { ActivityManagementService } from '../../services/activity-management.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';

export function activitiesRoutes(deps: HttpDeps): Hono<AppEnv> {
  const service = (athleteId: string) => new ActivityManagementService(deps.store.db, athleteId);
  return new Hono<AppEnv>()
    .delete('/activities/:id', async (c) =>
      c.json(await service(c.get('athlete').id).delete(c.req.param('id'))),
    )
    .post('/activities/:id/exclude', async (c) =>
      c.json(await service(c.get('athlete').id).setExcluded(c.req.param('id'), true)),
    )
    .post('/activities/:id/include', async (c) =>
      c.json(await service(c.get('athlete').id).setExcluded(c.req.param('id'), false)),
    );
}
