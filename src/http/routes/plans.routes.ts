/**
 * Plans and what goes with them: the plan (= `plan --json`) and its calendar file, the guided routines
 * (= `routine --json`), the programme picked from the latest assessment and its logged sessions, and the
 * everyday advice (= `advice --json`).
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { PROGRAMME_IDS } from '../../domain/plans/exercise.ts';
import { adviceTopics } from '../../services/plan/advice-topics.ts';
import { planToIcs } from '../../services/plan/plan-ics.ts';
import { planToJson } from '../../services/plan/plan-json.ts';
import { parseRoutinePhase, routineList, routineNamed } from '../../services/plan/routine-lookup.ts';
import { localDateOf, MAX_GOAL_KM, MAX_PLAN_WEEKS, PlanService } from '../../services/plan.service.ts';
import { ProgrammeService } from '../../services/programme.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { jsonBody, queryOf } from '../validate.ts';
import { localDate, positiveNumber, wholeNumber } from './common.schemas.ts';

const planQuery = z.object({
  weeks: wholeNumber(1, MAX_PLAN_WEEKS).optional(),
  goalKm: positiveNumber(MAX_GOAL_KM).optional(),
  start: localDate.optional(),
});

const routineQuery = z.object({ phase: z.string().optional() });
const adviceQuery = z.object({ topic: z.string().min(1).optional() });

const sessionBody = z.strictObject({
  programmeId: z.enum(PROGRAMME_IDS),
  date: localDate.optional(),
  phaseIndex: z.number().int().min(0).max(9).optional(),
  painDuring: z
    .number()
    .min(0, 'expected a pain score from 0 to 10')
    .max(10, 'expected a pain score from 0 to 10')
    .nullable()
    .optional(),
  note: z.string().max(2000).nullable().optional(),
});

export function plansRoutes(deps: HttpDeps): Hono<AppEnv> {
  const plan = async (c: Context<AppEnv>) => {
    const query = queryOf(c, planQuery);
    const athlete = c.get('athlete');
    const { plan } = await new PlanService(deps.store.db).plan(athlete.id, {
      weeks: query.weeks ?? 4,
      goalKm: query.goalKm ?? null,
      start: query.start ?? null,
      today: localDateOf(deps.now(), athlete.settings.timeZone),
      units: athlete.settings.units,
      weekStart: athlete.settings.weekStart,
    });
    return plan;
  };
  return new Hono<AppEnv>()
    .get('/plan', async (c) => c.json(planToJson(await plan(c))))
    .get('/plan.ics', async (c) => {
      const text = planToIcs(await plan(c), deps.now().toISOString());
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="kneewise-plan.ics"',
      });
    })
    .get('/routines', (c) => c.json(routineList()))
    .get('/routines/:name', (c) => {
      const { phase } = queryOf(c, routineQuery);
      return c.json(routineNamed(c.req.param('name'), parseRoutinePhase(phase ?? '1', 'phase')));
    })
    .get('/programme', async (c) =>
      c.json(await new ProgrammeService(deps.store.db, c.get('athlete'), deps.now).current()),
    )
    .post('/programme-sessions', async (c) => {
      const body = await jsonBody(c, sessionBody);
      const service = new ProgrammeService(deps.store.db, c.get('athlete'), deps.now);
      const { session, created } = await service.log(body);
      return c.json({ session }, created ? 201 : 200);
    })
    .delete('/programme-sessions/:id', async (c) =>
      c.json(await new ProgrammeService(deps.store.db, c.get('athlete'), deps.now).delete(c.req.param('id'))),
    )
    .get('/advice', (c) => c.json(adviceTopics(queryOf(c, adviceQuery).topic)));
}
