/**
 * The pain journal (= `pain list|log|edit|delete --json`) and the journal calendar (running and the worst
 * pain per day). Bodies use the CLI's field names (RawPainFields); the domain checks the values again.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ONSETS, PAIN_LOCATIONS, SIDES, SWELLING_AMOUNTS } from '../../domain/assessment/answer-keys.ts';
import type { RawPainFields } from '../../domain/journal/pain-entry.ts';
import { runnerZone, todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import { JournalService } from '../../services/journal.service.ts';
import { journalCalendar } from '../../services/journal-calendar.service.ts';
import { logPainOnce } from '../../services/pain-log.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { jsonBody, queryOf } from '../validate.ts';
import { VersionedAnswers } from '../versioned-answers.ts';
import { localDate } from './common.schemas.ts';

const score = z
  .number()
  .min(0, 'expected a pain score from 0 to 10')
  .max(10, 'expected a pain score from 0 to 10');

const painFields = z.strictObject({
  date: localDate.optional(),
  time: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (00:00–23:59)')
    .optional(),
  side: z.enum(SIDES).optional(),
  regions: z.union([z.enum(PAIN_LOCATIONS), z.array(z.enum(PAIN_LOCATIONS))]).optional(),
  during: score.optional(),
  after: score.optional(),
  morning: score.optional(),
  swelling: z.enum(SWELLING_AMOUNTS).optional(),
  onset: z.enum(ONSETS).optional(),
  /** An activity id; null (or "none") unlinks the entry from any run. */
  run: z.string().min(1).max(200).nullable().optional(),
  /** Empty or null clears the note. */
  note: z.string().max(2000).nullable().optional(),
});

type PainBody = z.infer<typeof painFields>;

function raw(body: PainBody): RawPainFields {
  const { run, note, ...rest } = body;
  return {
    ...rest,
    ...(run === undefined ? {} : { run: run ?? 'none' }),
    ...(note === undefined ? {} : { note: note ?? '' }),
  };
}

const range = z.object({ from: localDate.optional(), to: localDate.optional() });

export function journalRoutes(deps: HttpDeps): Hono<AppEnv> {
  const journal = (athlete: AppEnv['Variables']['athlete']) =>
    new JournalService(deps.store.db, athlete, deps.now, 'body');
  const calendars = new VersionedAnswers();
  return new Hono<AppEnv>()
    .get('/pain', async (c) => {
      const { from, to } = queryOf(c, range);
      return c.json(
        await journal(c.get('athlete')).list({
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        }),
      );
    })
    .post('/pain', async (c) => {
      const body = await jsonBody(c, painFields);
      const athlete = c.get('athlete');
      const date = body.date ?? todayIn(deps.now(), athlete.settings.timeZone ?? systemTimeZone());
      const { entry, created } = await logPainOnce(journal(athlete), { ...raw(body), date });
      return c.json({ entry }, created ? 201 : 200);
    })
    .patch('/pain/:id', async (c) => {
      const id = c.req.param('id');
      const body = await jsonBody(c, painFields);
      return c.json({ entry: await journal(c.get('athlete')).edit(id, raw(body)) });
    })
    .delete('/pain/:id', async (c) => {
      const id = c.req.param('id');
      return c.json(await journal(c.get('athlete')).delete(id));
    })
    .get('/journal/calendar', async (c) => {
      const { from, to } = queryOf(c, range);
      const athlete = c.get('athlete');
      const now = deps.now();
      // Runs and pain change only with a write (the data version); the default range ends today.
      const key = [athlete.id, from ?? null, to ?? todayIn(now, runnerZone(athlete.settings))];
      return calendars.json(c, deps.store.db, key, () =>
        journalCalendar(deps.store.db, athlete, now, {
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        }),
      );
    });
}
