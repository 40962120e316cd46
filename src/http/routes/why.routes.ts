/** GET /why (= `why --json`): what changed in the runs before the pain began. */
import { Hono } from 'hono';
import { z } from 'zod';
import { WhyService } from '../../services/why.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { VersionedAnswers } from '../versioned-answers.ts';
import { localDate } from './common.schemas.ts';

const query = z.object({ onset: localDate.optional() });

/** How many explained episodes to keep: a runner flips between a few onsets at most. */
const MEMO_SIZE = 8;

export function whyRoutes(deps: HttpDeps): Hono<AppEnv> {
  // The cause analysis reads ten years of runs and scores eleven factors (~60–90 ms for 3,000 runs). Its result
  // depends only on the runs, the journal, the shoes, the settings and the onset: the data version covers all
  // but the onset, which is part of the key.
  const answers = new VersionedAnswers(MEMO_SIZE);
  return new Hono<AppEnv>().get('/why', async (c) => {
    const { onset } = queryOf(c, query);
    const athlete = c.get('athlete');
    return answers.json(c, deps.store.db, [athlete.id, onset ?? null], () =>
      // Same service defaults as `kneewise why`, so the two never disagree.
      new WhyService(deps.store.db, athlete, deps.now).explain(onset === undefined ? {} : { onset }),
    );
  });
}
