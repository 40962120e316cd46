/**
 * The roster's nightly refresh (issue 16 #5): stored attention items hold for the day they were computed, so
 * a pg-boss cron schedule (five past midnight, the server's time zone) queues every athlete's refresh. Checked
 * on a real PostgreSQL: the schedule is registered as such, and when its job runs after the day changed, the
 * worker recomputes every athlete's items for the new day, so the roster reads stored items again instead of
 * computing every athlete on read.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { addDays } from '../../domain/load/calendar-day.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import type { RosterDatabase } from '../repositories/attention.repository.ts';
import {
  athlete,
  member,
  orgWithOwner,
  PASSWORD,
  pgTest,
  seedAthleteData,
  serverHarness,
} from '../server-test.support.ts';
import { NIGHTLY_CRON, NIGHTLY_QUEUE, serverTimeZone } from './alert-queue.ts';

pgTest(
  'roster: the nightly job recomputes every athlete’s stored items once the day has changed',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Night Clinic', 'owner@night.test');
      const clinician = await member(h, owner, org.id, 'clin@night.test', 'clinician');
      const ids: string[] = [];
      for (const [i, name] of ['ada', 'bo', 'cy'].entries()) {
        const runner = await athlete(h, owner, org.id, `${name}@night.test`);
        await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
        await seedAthleteData(h, runner.athleteId, i * 10);
        ids.push(runner.athleteId);
      }
      const boss = await h.deps.roster.alerts.start();
      const schedules = await boss.getSchedules();
      assert.deepEqual(
        schedules.map((s) => [s.name, s.cron, s.options?.tz]),
        [[NIGHTLY_QUEUE, NIGHTLY_CRON, serverTimeZone()]],
      );

      // Today's items stored for everyone (what the import jobs leave behind).
      for (const id of ids) assert.equal(await h.deps.roster.refresh.refresh(id), 'stored');
      const day1 = todayIn(h.clock.now(), systemTimeZone());
      const db = h.store.system as unknown as Kysely<RosterDatabase>;
      const storedDays = async () =>
        (
          await db
            .selectFrom('athlete_attention')
            .select(['athlete_id', 'as_of'])
            .where('athlete_id', 'in', ids)
            .orderBy('athlete_id')
            .execute()
        ).map((r) => r.as_of);
      assert.deepEqual(await storedDays(), [day1, day1, day1]);

      // The next day: nothing stored holds any more. The nightly job runs (as its schedule sends it).
      h.clock.advance(24 * 3600_000);
      const day2 = addDays(day1, 1);
      await boss.send(NIGHTLY_QUEUE, {});
      let days = await storedDays();
      for (let i = 0; i < 200 && days.some((d) => d !== day2); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        days = await storedDays();
      }
      assert.deepEqual(days, [day2, day2, day2], 'every athlete recomputed for the new day');

      // The clinician (signed in again: a session lasts 12 hours) reads stored items again, for the new day.
      await clinician.json('POST', '/api/auth/login', 200, { email: 'clin@night.test', password: PASSWORD });
      const roster = await clinician.json<{
        athletes: { athleteId: string; source: string; asOf: string }[];
      }>('GET', '/api/server/roster', 200);
      assert.deepEqual(
        roster.athletes.map((a) => [a.source, a.asOf]),
        ids.map(() => ['stored', day2]),
      );
    } finally {
      await h.close();
    }
  },
);
