/**
 * The demo runner in the store: `seed` writes the generated two years (domain/demo) into the athlete's own
 * tables, every row marked is_demo = 1, in one transaction and only once; `remove` deletes exactly those rows
 * and never one of the runner's own. The same JSON serves `kneewise demo --json` and POST /api/demo.
 */
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { ShoeRepository } from '../db/repositories/shoe.repository.ts';
import type { Database } from '../db/schema.ts';
import { isRunningSport, isSport } from '../domain/activity/sport.ts';
import { parseAnswers } from '../domain/assessment/answers.schema.ts';
import { DEFAULT_DEMO_SEED, generateDemoRunner } from '../domain/demo/demo-runner.ts';
import type { DemoRunner, DemoShoeKey } from '../domain/demo/demo-runner.types.ts';
import { latestEpisode } from '../domain/journal/pain-episodes.ts';
import { addDays } from '../domain/load/calendar-day.ts';
import { SPIKE_WINDOW_MS } from '../domain/load/session-spike.ts';
import { phaseAfterSessions } from '../domain/plans/programme.ts';
import { parseAssessmentSummary, pickProgramme } from '../domain/plans/programme-picker.ts';
import { getProgramme } from '../domain/plans/programmes.catalog.ts';
import { AssessService } from './assess.service.ts';
import { demoActivityRow, minuteOf, zonedInstantMs } from './demo-rows.ts';
import { systemTimeZone } from './import/zone-offset.ts';
import { JournalService, toPainEntry } from './journal.service.ts';
import { ShoeService } from './shoe.service.ts';

export interface DemoCounts {
  activities: number;
  shoes: number;
  painEntries: number;
  assessments: number;
  programmeSessions: number;
}

export interface DemoSummary extends DemoCounts {
  /** True when this call added the demo; false when it was already there (nothing was added). */
  seeded: boolean;
  /** First and last demo activity dates; null without demo activities. */
  from: string | null;
  to: string | null;
  /** The first day of the demo runner's knee pain. */
  onset: string | null;
  /** The run before the onset that was far longer than the 30 days before it. */
  spike: { date: string; distanceM: number; longestPrev30dM: number; spikePct: number } | null;
}

export interface DemoRemoval {
  removed: DemoCounts;
}

export class DemoService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
  ) {}

  /** Adds the demo runner whose story ends on `today` (the runner's local date), unless it is there already. */
  async seed(today: string, options: { seed?: number } = {}): Promise<DemoSummary> {
    const runner = generateDemoRunner(today, options.seed ?? DEFAULT_DEMO_SEED);
    return this.db.transaction().execute(async (trx) => {
      // A write first takes the athlete's write lock (PostgreSQL row lock, SQLite's single writer), so two
      // seeds at once run one after the other and the second sees the first one's rows instead of doubling them.
      await trx
        .updateTable('athletes')
        .set((eb) => ({ name: eb.ref('name') }))
        .where('id', '=', this.athlete.id)
        .execute();
      if (totalOf(await demoCounts(trx, this.athlete.id)) > 0) {
        return { seeded: false, ...(await describeDemo(trx, this.athlete.id)) };
      }
      await this.write(trx, runner);
      return { seeded: true, ...(await describeDemo(trx, this.athlete.id)) };
    });
  }

  /** What demo data is stored now (seeded: false). */
  async describe(): Promise<DemoSummary> {
    return { seeded: false, ...(await describeDemo(this.db, this.athlete.id)) };
  }

  /** Deletes every demo row of the athlete; the runner's own rows only lose their links to demo rows. */
  async remove(): Promise<DemoRemoval> {
    return this.db.transaction().execute(async (trx) => {
      const id = this.athlete.id;
      const demoActivities = trx
        .selectFrom('activities')
        .select('id')
        .where('athlete_id', '=', id)
        .where('is_demo', '=', 1);
      const demoShoes = trx
        .selectFrom('shoes')
        .select('id')
        .where('athlete_id', '=', id)
        .where('is_demo', '=', 1);
      await trx
        .updateTable('pain_entries')
        .set({ activity_id: null })
        .where('athlete_id', '=', id)
        .where('is_demo', '=', 0)
        .where('activity_id', 'in', demoActivities)
        .execute();
      await trx
        .updateTable('activities')
        .set({ shoe_id: null })
        .where('athlete_id', '=', id)
        .where('is_demo', '=', 0)
        .where('shoe_id', 'in', demoShoes)
        .execute();
      const deleted = async (
        table: 'pain_entries' | 'assessments' | 'programme_sessions' | 'activities' | 'shoes',
      ) =>
        Number(
          (
            await trx
              .deleteFrom(table)
              .where('athlete_id', '=', id)
              .where('is_demo', '=', 1)
              .executeTakeFirst()
          ).numDeletedRows,
        );
      const painEntries = await deleted('pain_entries');
      const assessments = await deleted('assessments');
      const programmeSessions = await deleted('programme_sessions');
      await trx
        .deleteFrom('activity_streams')
        .where('athlete_id', '=', id)
        .where('activity_id', 'in', demoActivities)
        .execute();
      const activities = await deleted('activities');
      const shoes = await deleted('shoes');
      return { removed: { activities, shoes, painEntries, assessments, programmeSessions } };
    });
  }

  private async write(trx: Kysely<Database>, runner: DemoRunner): Promise<void> {
    const zone = this.athlete.settings.timeZone ?? systemTimeZone();
    const at = (date: string, time: string) => new Date(zonedInstantMs(date, minuteOf(time), zone));
    // Each row carries the time it would have been written in the story, not the moment of seeding.
    let clock = this.now();
    const storyClock = () => clock;

    const shoeIds = new Map<DemoShoeKey, string>();
    const shoeRepo = new ShoeRepository(trx);
    const someoneElseIsDefault = (await shoeRepo.defaultFor(this.athlete.id, 'run')) !== undefined;
    const shoes = new ShoeService(trx, this.athlete, storyClock);
    for (const shoe of runner.shoes) {
      clock = at(shoe.addedOn, '12:00');
      // The runner's own pairs keep their names and their default: the demo adapts, never the other way.
      const name = (await shoeRepo.findByName(this.athlete.id, shoe.name))
        ? `${shoe.name} (demo)`
        : shoe.name;
      const view = await shoes.add(
        {
          name,
          brand: shoe.brand,
          model: shoe.model,
          startDistanceM: shoe.startDistanceM,
          defaultFor: shoe.defaultForRun && !someoneElseIsDefault ? ['run'] : [],
        },
        { isDemo: true },
      );
      if (shoe.retiredOn !== null) await shoes.retire(view.id, shoe.retiredOn);
      shoeIds.set(shoe.key, view.id);
    }

    const activities = new ActivityRepository(trx);
    const activityIds = new Map<string, string>();
    const importedAt = this.now().toISOString();
    for (const a of runner.activities) {
      const row = demoActivityRow(a, {
        athleteId: this.athlete.id,
        zone,
        importedAt,
        shoeId: a.shoe === null ? null : (shoeIds.get(a.shoe) ?? null),
      });
      await activities.insert(row, null);
      activityIds.set(a.key, row.id);
    }

    const journal = new JournalService(trx, this.athlete, storyClock);
    for (const e of runner.painEntries) {
      clock = at(e.localDate, e.time ?? '20:00');
      const run = e.activityKey === null ? undefined : activityIds.get(e.activityKey);
      await journal.log(
        {
          date: e.localDate,
          time: e.time ?? undefined,
          side: e.side,
          regions: e.regions,
          during: e.during ?? undefined,
          after: e.after ?? undefined,
          morning: e.morning ?? undefined,
          swelling: e.swelling,
          onset: e.onset ?? undefined,
          run,
          note: e.note,
        },
        { isDemo: true },
      );
    }

    clock = at(runner.assessment.localDate, runner.assessment.time);
    const assessment = await new AssessService(trx, this.athlete, storyClock).assess(
      parseAnswers(runner.assessment.answers),
      { save: true, isDemo: true },
    );
    const programmeId = pickProgramme(parseAssessmentSummary(JSON.stringify(assessment))).programmeId;
    const programme = getProgramme(programmeId);
    for (const [i, s] of runner.programmeSessions.entries()) {
      const phase = programme.phases[phaseAfterSessions(programme, i)]!;
      await trx
        .insertInto('programme_sessions')
        .values({
          id: newId(),
          athlete_id: this.athlete.id,
          local_date: s.localDate,
          programme_id: programmeId,
          session_label: `${phase.name}, session ${i + 1}`,
          pain_during: s.painDuring,
          note: s.note,
          created_at: at(s.localDate, '18:30').toISOString(),
          is_demo: 1,
        })
        .execute();
    }
  }
}

const TABLES = {
  activities: 'activities',
  shoes: 'shoes',
  painEntries: 'pain_entries',
  assessments: 'assessments',
  programmeSessions: 'programme_sessions',
} as const satisfies Record<keyof DemoCounts, keyof Database>;

async function demoCounts(db: Kysely<Database>, athleteId: string): Promise<DemoCounts> {
  const counts = {} as DemoCounts;
  for (const [key, table] of Object.entries(TABLES) as [
    keyof DemoCounts,
    (typeof TABLES)[keyof DemoCounts],
  ][]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('athlete_id', '=', athleteId)
      .where('is_demo', '=', 1)
      .executeTakeFirstOrThrow();
    counts[key] = Number(row.n);
  }
  return counts;
}

function totalOf(counts: DemoCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The stored demo, read back: counts, its dates, the onset of its pain episode and the spike before it. */
async function describeDemo(db: Kysely<Database>, athleteId: string): Promise<Omit<DemoSummary, 'seeded'>> {
  const counts = await demoCounts(db, athleteId);
  const runs = await db
    .selectFrom('activities')
    .select(['local_date', 'start_ms', 'distance_m', 'sport'])
    .where('athlete_id', '=', athleteId)
    .where('is_demo', '=', 1)
    .orderBy('start_ms')
    .execute();
  const entries = await db
    .selectFrom('pain_entries')
    .selectAll()
    .where('athlete_id', '=', athleteId)
    .where('is_demo', '=', 1)
    .execute();
  const onset = latestEpisode(entries.map(toPainEntry))?.onset ?? null;
  return {
    ...counts,
    from: runs[0]?.local_date ?? null,
    to: runs.at(-1)?.local_date ?? null,
    onset,
    spike: onset === null ? null : spikeBefore(runs, onset),
  };
}

/** The longest demo run in the three days up to the onset, against the longest of the 30 days before it. */
function spikeBefore(
  activities: readonly { local_date: string; start_ms: number; distance_m: number; sport: string }[],
  onset: string,
): DemoSummary['spike'] {
  const runs = activities.filter((a) => isSport(a.sport) && isRunningSport(a.sport));
  const from = addDays(onset, -3);
  const candidates = runs.filter((r) => r.local_date >= from && r.local_date <= onset);
  if (candidates.length === 0) return null;
  const spike = candidates.reduce((a, b) => (b.distance_m > a.distance_m ? b : a));
  const before = runs.filter(
    (r) => r.start_ms >= spike.start_ms - SPIKE_WINDOW_MS && r.start_ms < spike.start_ms,
  );
  if (before.length === 0) return null;
  const longest = Math.max(...before.map((r) => r.distance_m));
  return {
    date: spike.local_date,
    distanceM: spike.distance_m,
    longestPrev30dM: longest,
    spikePct: Math.round(1000 * (spike.distance_m / longest - 1)) / 10,
  };
}
