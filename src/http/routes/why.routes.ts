/** GET /why (= `why --json`): what changed in the runs before the pain began. */
import { Hono } from 'hono';
import { z } from 'zod';
import { PainEntryRepository } from '../../db/repositories/pain-entry.repository.ts';
import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { type WhyReport, WhyService } from '../../services/why.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { localDate } from './common.schemas.ts';

const query = z.object({ onset: localDate.optional() });

/** How many explained episodes to keep: a runner flips between a few onsets at most. */
const MEMO_SIZE = 8;

export function whyRoutes(deps: HttpDeps, cache = new LoadReportCache()): Hono<AppEnv> {
  // The cause analysis reads ten years of runs and scores eleven factors (~60–90 ms for 3,000 runs). Its result
  // depends only on the runs, the journal, the shoes, the settings and the onset, so it is kept under exactly
  // those: any change to one of them is a different key.
  const memo = new Map<string, WhyReport>();
  return new Hono<AppEnv>().get('/why', async (c) => {
    const { onset } = queryOf(c, query);
    const athlete = c.get('athlete');
    const db = deps.store.db;
    const [history, entries, shoes] = await Promise.all([
      cache.history(db, athlete.id),
      new PainEntryRepository(db).list(athlete.id),
      new ShoeRepository(db).list(athlete.id),
    ]);
    const key = JSON.stringify([
      athlete.id,
      history.version,
      entries,
      shoes,
      athlete.settings,
      onset ?? null,
    ]);
    let report = memo.get(key);
    if (!report) {
      // Same service defaults as `kneewise why`, so the two never disagree.
      const service = new WhyService(db, athlete, deps.now);
      report = await service.explain(onset === undefined ? {} : { onset });
      memo.set(key, report);
      if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
    }
    return c.json(report);
  });
}
