/**
 * The roster on a real PostgreSQL (issue 16 #5): who is listed and what each member sees follows the athlete's
 * consent (access module and row-level security), the most urgent athlete comes first, and an import queues
 * the pg-boss job that stores the athlete's alert.
 */
import assert from 'node:assert/strict';
import { storedActivityRow } from '../../../test/factories/activity-row.factory.ts';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { HOT_KNEE_EMERGENCY_ANSWERS } from '../../../test/factories/knee-answers.factory.ts';
import { addDays } from '../../domain/load/calendar-day.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import type { AttentionItem, AttentionKind } from '../domain/attention.ts';
import type { RosterDatabase } from '../repositories/attention.repository.ts';
import {
  athlete,
  type Client,
  member,
  orgWithOwner,
  pgTest,
  type ServerHarness,
  serverHarness,
} from '../server-test.support.ts';

interface RosterJson {
  athletes: {
    athleteId: string;
    name: string;
    source: 'stored' | 'computed';
    attention: { items: AttentionItem[]; notShared: AttentionKind[] };
    access: { read: string[]; write: string[] };
    links: { today: string | null; report: string | null };
  }[];
}

/** The athlete's local day: what the roster reads their facts as of (no time zone set: the server's). */
function today(h: ServerHarness): string {
  return todayIn(h.clock.now(), systemTimeZone());
}

/** Two 8 km runs, then a 12 km one yesterday: 50 % over the longest of the 30 days before (ceiling 8.8 km). */
async function seedSpike(h: ServerHarness, athleteId: string): Promise<void> {
  const day = today(h);
  const runs = [
    [-10, 8000],
    [-5, 8000],
    [-1, 12_000],
  ].map(([offset, distance], i) =>
    storedActivityRow(athleteId, i, addDays(day, offset!), distance!, h.clock.now(), {
      id: `${athleteId}-run-${i}`,
      external_id: `${athleteId}-ext-${i}`,
    }),
  );
  await h.store.system.insertInto('activities').values(runs).execute();
}

/** Mornings rising 1 → 2 → 3/10 over the last runs: the pain model's "not settling". */
async function seedPainNotSettling(h: ServerHarness, athleteId: string): Promise<void> {
  const day = today(h);
  const rows = [
    [-5, 1],
    [-3, 2],
    [-1, 3],
  ].map(([offset, morning], i) => ({
    id: `${athleteId}-pain-${i}`,
    athlete_id: athleteId,
    occurred_at: `${addDays(day, offset!)}T18:00:00.000Z`,
    local_date: addDays(day, offset!),
    side: 'left',
    regions_json: '["anterior"]',
    pain_during: 3,
    pain_after: 3,
    pain_next_morning: morning!,
    swelling: 'none',
    onset: 'gradual',
    activity_id: null,
    note: null,
    created_at: `${addDays(day, offset!)}T18:00:00.000Z`,
    is_demo: 0,
  }));
  await h.store.system.insertInto('pain_entries').values(rows).execute();
}

/** A real knee check through the athlete's own API: a red, hot knee with a fever is an emergency. */
async function emergencyKneeCheck(runner: Client, athleteId: string): Promise<void> {
  const result = await runner.json<{ urgency: string }>(
    'POST',
    `/api/athletes/${athleteId}/assessments`,
    201,
    { answers: HOT_KNEE_EMERGENCY_ANSWERS },
  );
  assert.equal(result.urgency, 'emergency');
}

pgTest(
  'roster: the clinician sees the emergency knee check first; a training-only coach sees the spike, not the symptoms; a stranger sees no one',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Knee Clinic', 'owner@knee.test');
      const clinician = await member(h, owner, org.id, 'clin@knee.test', 'clinician');
      const coach = await member(h, owner, org.id, 'coach@knee.test', 'coach');
      // Zoe: a spike, pain not settling and an emergency knee check. Adam: only a spike, older.
      const zoe = await athlete(h, owner, org.id, 'zoe@run.test');
      const adam = await athlete(h, owner, org.id, 'adam@run.test');
      await zoe.client.json('POST', `/api/consents/${zoe.grantId}/accept`, 200);
      await adam.client.json('POST', `/api/consents/${adam.grantId}/accept`, 200);
      await seedSpike(h, zoe.athleteId);
      await seedPainNotSettling(h, zoe.athleteId);
      await emergencyKneeCheck(zoe.client, zoe.athleteId);
      await seedSpike(h, adam.athleteId);

      const forClinician = await clinician.json<RosterJson>('GET', '/api/server/roster', 200);
      assert.deepEqual(
        forClinician.athletes.map((a) => a.athleteId),
        [zoe.athleteId, adam.athleteId],
        'the emergency first',
      );
      const first = forClinician.athletes[0]!;
      assert.deepEqual(
        first.attention.items.map((i) => [i.kind, i.severity]),
        [
          ['knee-check', 'emergency'],
          ['pain', 'pain'],
          ['spike', 'spike'],
        ],
      );
      assert.match(first.attention.items[1]!.headline, /not settling/);
      assert.equal(first.attention.items[2]!.measures.spikePct, 50);
      assert.equal(first.attention.items[2]!.measures.ceilingM, 8800);
      assert.deepEqual(first.attention.notShared, ['shoes'], 'the clinic was not given gear');
      assert.equal(first.links.report, `/api/athletes/${zoe.athleteId}/report.html`);
      // The links open: the same screens, through the same access check.
      assert.equal((await clinician.call('GET', first.links.today!)).status, 200);
      assert.equal((await clinician.call('GET', first.links.report!)).status, 200);

      const forCoach = await coach.json<RosterJson>('GET', '/api/server/roster', 200);
      const zoeForCoach = forCoach.athletes.find((a) => a.athleteId === zoe.athleteId)!;
      assert.deepEqual(
        zoeForCoach.attention.items.map((i) => i.kind),
        ['spike'],
      );
      assert.deepEqual(zoeForCoach.attention.notShared, ['knee-check', 'pain', 'shoes']);
      assert.deepEqual(zoeForCoach.access.read, ['training']);
      assert.equal(zoeForCoach.links.today, null, 'Today shows pain: not for a training-only coach');
      assert.doesNotMatch(JSON.stringify(forCoach), /emergency|not settling|fever/i);

      const other = await orgWithOwner(h, 'Other Clinic', 'owner@other.test');
      const stranger = await member(h, other.owner, other.org.id, 'clin@other.test', 'clinician');
      const forStranger = await stranger.json<RosterJson>('GET', '/api/server/roster', 200);
      assert.deepEqual(forStranger.athletes, []);
      await stranger.json('GET', `/api/athletes/${zoe.athleteId}/today`, 404);
      await stranger.json('GET', `/api/athletes/${zoe.athleteId}/report.html`, 404);

      // Every athlete listed is in the audit trail, with the categories read and why.
      const audit = await h.store.system
        .selectFrom('audit_log')
        .select(['athlete_id', 'categories', 'reason'])
        .where('route', '=', 'GET /api/server/roster')
        .where(
          'actor_user_id',
          '=',
          (await coach.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id,
        )
        .execute();
      assert.deepEqual(audit.map((a) => a.athlete_id).sort(), [zoe.athleteId, adam.athleteId].sort());
      assert.ok(audit.every((a) => a.categories.join() === 'training'));

      // Revoked: off the roster.
      await zoe.client.json('POST', `/api/consents/${zoe.grantId}/revoke`, 200);
      const afterRevoke = await clinician.json<RosterJson>('GET', '/api/server/roster', 200);
      assert.deepEqual(
        afterRevoke.athletes.map((a) => a.athleteId),
        [adam.athleteId],
      );
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'roster: an import queues the alert job, the worker stores the athlete’s items, and the roster reads them until a write makes them stale',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Track Club', 'owner@club.test');
      const clinician = await member(h, owner, org.id, 'clin@club.test', 'clinician');
      const runner = await athlete(h, owner, org.id, 'runner@club.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      // Two 5 km runs in the month, then an uploaded 10.8 km run yesterday (1 hour at 3 m/s).
      const day = today(h);
      await h.store.system
        .insertInto('activities')
        .values(
          [-12, -6].map((offset, i) =>
            storedActivityRow(runner.athleteId, i, addDays(day, offset), 5000, h.clock.now(), {
              id: `${runner.athleteId}-run-${i}`,
            }),
          ),
        )
        .execute();
      const base = `/api/athletes/${runner.athleteId}`;
      const startMs = Date.parse(`${addDays(day, -1)}T12:00:00Z`);
      const created = await runner.client.json<{ job: { id: string } }>(
        'POST',
        `${base}/imports?name=long.gpx`,
        202,
        buildGpx({ durationS: 3600, intervalS: 5, speedMps: 3, startMs }),
      );
      await runner.client.json('POST', `${base}/imports/${created.job.id}/start`, 202);

      const db = h.store.system as unknown as import('kysely').Kysely<RosterDatabase>;
      let stored: { computed_count: string | null; as_of: string | null } | undefined;
      for (let i = 0; i < 300 && !stored?.computed_count; i++) {
        await new Promise((r) => setTimeout(r, 100));
        stored = await db
          .selectFrom('athlete_attention')
          .select(['computed_count', 'as_of'])
          .where('athlete_id', '=', runner.athleteId)
          .executeTakeFirst();
      }
      assert.ok(stored?.computed_count, 'the alert job stored the athlete’s items after the import');
      assert.equal(stored.as_of, day);
      // pg-boss marks the job completed after the job's own transaction committed the items: wait for it.
      const readJobs = () =>
        h.store.system
          .selectFrom('pgboss.job' as never)
          .select(['name' as never, 'state' as never, 'data' as never])
          .execute() as Promise<{ state: string }[]>;
      let jobs = await readJobs();
      for (let i = 0; i < 50 && jobs.some((j) => j.state === 'active'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        jobs = await readJobs();
      }
      assert.deepEqual(jobs, [
        { name: 'roster-attention', state: 'completed', data: { athleteId: runner.athleteId } },
      ]);
      const items = await db
        .selectFrom('attention_items')
        .select(['category', 'items_json'])
        .where('athlete_id', '=', runner.athleteId)
        .where('category', '=', 'training')
        .executeTakeFirstOrThrow();
      const spike = (JSON.parse(items.items_json) as AttentionItem[])[0]!;
      assert.equal(spike.kind, 'spike');
      assert.equal(spike.date, addDays(day, -1));

      const roster = await clinician.json<RosterJson>('GET', '/api/server/roster', 200);
      assert.equal(roster.athletes[0]!.source, 'stored');
      assert.deepEqual(roster.athletes[0]!.attention.items, [spike]);

      // A pain entry written since: the stored items no longer hold, the roster computes on read.
      await h.store.system
        .insertInto('pain_entries')
        .values({
          id: 'late-pain',
          athlete_id: runner.athleteId,
          occurred_at: `${day}T07:00:00.000Z`,
          local_date: day,
          side: 'right',
          regions_json: '["lateral"]',
          pain_during: 7,
          pain_after: 7,
          pain_next_morning: null,
          swelling: 'mild',
          onset: 'gradual',
          activity_id: null,
          note: null,
          created_at: `${day}T07:00:00.000Z`,
          is_demo: 0,
        })
        .execute();
      const after = await clinician.json<RosterJson>('GET', '/api/server/roster', 200);
      assert.equal(after.athletes[0]!.source, 'computed');
      assert.deepEqual(
        after.athletes[0]!.attention.items.map((i) => i.kind),
        ['pain', 'spike'],
        'pain above 5/10 leads the spike',
      );
    } finally {
      await h.close();
    }
  },
);
