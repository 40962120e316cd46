/**
 * GET /api/server/roster: the signed-in member's athletes, what needs attention first, and links to each
 * athlete's screens they may open. Only athletes whose consent reaches the member are listed; items of a
 * category not shared are named in `notShared`, never shown.
 */
import { Hono } from 'hono';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function rosterRoutes(deps: ServerDeps): Hono<ServerEnv> {
  return new Hono<ServerEnv>().get('/server/roster', async (c) =>
    c.json(await deps.roster.roster.roster(c.get('session').user.id)),
  );
}
