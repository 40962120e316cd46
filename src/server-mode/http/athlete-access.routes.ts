/**
 * GET /api/athletes/:athleteId/access: what the signed-in user may read and write of one athlete's data, so
 * the dashboard shows that athlete's screens with only the controls the consent allows. The answer comes from
 * the same access module as every athlete request; nothing readable is the same 404 as an unknown id.
 */
import { Hono } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { decide } from '../domain/access.ts';
import { CATEGORIES } from '../domain/roles.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function athleteAccessRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>().get('/athletes/:athleteId/access', async (c) => {
    const athleteId = c.req.param('athleteId');
    const userId = c.get('session').user.id;
    const facts = await deps.access.facts(userId, [athleteId]);
    const can = (action: 'read' | 'write') =>
      CATEGORIES.filter((category) => decide(facts, { athleteId, category, action }).allowed);
    const read = can('read');
    const row =
      read.length === 0
        ? undefined
        : await runAsUser(userId, () =>
            deps.store.scoped
              .selectFrom('athletes')
              .select(['id', 'name'])
              .where('id', '=', athleteId)
              .executeTakeFirst(),
          );
    if (!row) {
      throw new KneewiseError(
        'ATHLETE_NOT_FOUND',
        `no athlete ${athleteId.slice(0, 80)} that you can see`,
        'not-found',
      );
    }
    return c.json({
      athleteId: row.id,
      name: row.name,
      access: { read, write: can('write'), own: facts.ownAthleteIds.has(athleteId) },
    });
  });
}
