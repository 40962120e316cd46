/**
 * What the dashboard needs before it shows any screen: who the runner is, their settings, how much data there
 * is (to decide between onboarding and Today), whether demo rows are present, and today's date in their zone.
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { RUNNING_SPORTS } from '../domain/activity/sport.ts';
import type { RunnerSettings } from '../domain/settings.ts';
import { runnerZone, todayIn } from './activity-history.service.ts';

export interface Overview {
  athlete: { id: string; name: string };
  settings: RunnerSettings;
  counts: {
    activities: number;
    runs: number;
    shoes: number;
    painEntries: number;
    assessments: number;
    programmeSessions: number;
  };
  hasDemo: boolean;
  firstActivityDate: string | null;
  lastActivityDate: string | null;
  today: string;
}

type CountedTable = 'activities' | 'shoes' | 'pain_entries' | 'assessments' | 'programme_sessions';

export async function overviewOf(db: Kysely<Database>, athlete: Athlete, now: Date): Promise<Overview> {
  const count = (table: CountedTable) =>
    db
      .selectFrom(table)
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.max('is_demo'), eb.lit(0)).as('demo'),
      ])
      .where('athlete_id', '=', athlete.id)
      .executeTakeFirstOrThrow();
  const [activities, shoes, pain, assessments, sessions, runs, span] = await Promise.all([
    count('activities'),
    count('shoes'),
    count('pain_entries'),
    count('assessments'),
    count('programme_sessions'),
    db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('athlete_id', '=', athlete.id)
      .where('sport', 'in', [...RUNNING_SPORTS])
      .where(countedActivity())
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('activities')
      .select((eb) => [eb.fn.min('local_date').as('first'), eb.fn.max('local_date').as('last')])
      .where('athlete_id', '=', athlete.id)
      .where(countedActivity())
      .executeTakeFirstOrThrow(),
  ]);
  const all = [activities, shoes, pain, assessments, sessions];
  return {
    athlete: { id: athlete.id, name: athlete.name },
    settings: athlete.settings,
    counts: {
      activities: Number(activities.n),
      runs: Number(runs.n),
      shoes: Number(shoes.n),
      painEntries: Number(pain.n),
      assessments: Number(assessments.n),
      programmeSessions: Number(sessions.n),
    },
    hasDemo: athlete.isDemo || all.some((c) => Number(c.demo) === 1),
    firstActivityDate: span.first ?? null,
    lastActivityDate: span.last ?? null,
    today: todayIn(now, runnerZone(athlete.settings)),
  };
}
