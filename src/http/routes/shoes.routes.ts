/**
 * Shoes (= `shoes list|add|rename|retire|assign|delete --json`). The reminders use the runner's stored
 * distances (settings shoeNudgeM / shoeCheckM). `:id` is a shoe id (a name works too, as in the CLI).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { SPORTS } from '../../domain/activity/sport.ts';
import { runnerZone, todayIn } from '../../services/activity-history.service.ts';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { ShoeService, shoeRunRefs } from '../../services/shoe.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { jsonBody, queryOf } from '../validate.ts';
import { VersionedAnswers } from '../versioned-answers.ts';
import { booleanFlag, localDate, optionalJsonBody } from './common.schemas.ts';

const name = z
  .string()
  .trim()
  .min(1, 'expected a shoe name of 1–80 characters')
  .max(80, 'expected a shoe name of 1–80 characters');
const sports = z.array(z.enum(SPORTS)).max(SPORTS.length);

const listQuery = z.object({ includeRetired: booleanFlag.optional() });

const addBody = z.strictObject({
  name,
  brand: z.string().trim().max(80).nullable().optional(),
  model: z.string().trim().max(80).nullable().optional(),
  startDistanceM: z.number().min(0).max(100_000_000).optional(),
  defaultFor: sports.optional(),
});

const patchBody = z.strictObject({ name: name.optional(), defaultFor: sports.optional() });

/** `date: null` brings a retired pair back (the CLI's --undo). */
const retireBody = z.strictObject({ date: localDate.nullable().optional() });

const assignBody = z.strictObject({
  runIds: z.array(z.string().min(1)).min(1).max(100_000).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  sport: z.enum(SPORTS).optional(),
  /** Also move runs that already have shoes (date ranges); the CLI's --replace. */
  replace: z.boolean().optional(),
});

const unassignBody = z.strictObject({ runIds: z.array(z.string().min(1)).min(1).max(100_000) });

/** `cache` holds the runs already read for the load report, so the list does not read them again. */
export function shoesRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  const shoes = (athlete: AppEnv['Variables']['athlete']) =>
    new ShoeService(deps.store.db, athlete, deps.now, undefined, 'body');
  const lists = new VersionedAnswers();
  return new Hono<AppEnv>()
    .get('/shoes', async (c) => {
      const { includeRetired } = queryOf(c, listQuery);
      const athlete = c.get('athlete');
      // Mileage and alerts change with a write (the data version) or with the day (the rotation's last run).
      const key = [athlete.id, includeRetired ?? false, todayIn(deps.now(), runnerZone(athlete.settings))];
      return lists.json(c, deps.store.db, key, async () => {
        const { rows } = await cache.history(deps.store.db, athlete.id);
        return shoes(athlete).list({ includeRetired: includeRetired ?? false, runs: shoeRunRefs(rows) });
      });
    })
    .post('/shoes', async (c) => {
      const body = await jsonBody(c, addBody);
      const service = shoes(c.get('athlete'));
      const { shoe, created } = await service.addOnce({
        name: body.name,
        brand: body.brand || null,
        model: body.model || null,
        startDistanceM: body.startDistanceM ?? 0,
        defaultFor: body.defaultFor ?? [],
      });
      return c.json({ shoe }, created ? 201 : 200);
    })
    .patch('/shoes/:id', async (c) => {
      const body = await jsonBody(c, patchBody);
      const service = shoes(c.get('athlete'));
      let shoe = await service.view(c.req.param('id'));
      if (body.name !== undefined) shoe = await service.rename(shoe.id, body.name);
      if (body.defaultFor !== undefined) shoe = await service.setDefaults(shoe.id, body.defaultFor);
      return c.json({ shoe });
    })
    .post('/shoes/:id/retire', async (c) => {
      const { date } = await optionalJsonBody(c, retireBody);
      return c.json({ shoe: await shoes(c.get('athlete')).retire(c.req.param('id'), date) });
    })
    .post('/shoes/unassign', async (c) => {
      const { runIds } = await jsonBody(c, unassignBody);
      return c.json({ unassigned: await shoes(c.get('athlete')).unassign(runIds) });
    })
    .post('/shoes/:id/assign', async (c) => {
      const { replace, ...body } = await jsonBody(c, assignBody);
      const input = { ...body, ...(replace ? { onlyUnassigned: false } : {}) };
      return c.json(await shoes(c.get('athlete')).assign(c.req.param('id'), input));
    })
    .delete('/shoes/:id', async (c) => c.json(await shoes(c.get('athlete')).delete(c.req.param('id'))));
}
