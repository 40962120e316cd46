/**
 * The roster's stored items under row-level security, with direct SQL as the application role: a viewer gets
 * only the rows of the categories their grant covers, a stranger none, and only the athlete's own scope may
 * store items.
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { APP_ROLE } from '../migrations/0001-accounts-consent-rls.ts';
import {
  athlete,
  member,
  orgWithOwner,
  pgTest,
  seedAthleteData,
  serverHarness,
} from '../server-test.support.ts';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** One transaction as the app role with `userId` set, the way the scoped pool runs; rolled back after. */
async function asAppRole(url: string, userId: string, fn: (q: Query) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${APP_ROLE}`);
    await client.query("select set_config('kneewise.user_id', $1, true)", [userId]);
    await fn((text, values) => client.query(text, values as unknown[]));
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

pgTest(
  'stored attention items: each viewer reads only their categories; only the athlete stores',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Clinic', 'owner@clinic.test');
      const coach = await member(h, owner, org.id, 'coach@clinic.test', 'coach');
      const clinician = await member(h, owner, org.id, 'clin@clinic.test', 'clinician');
      const other = await orgWithOwner(h, 'Other', 'owner@other.test');
      const idOf = async (c: typeof coach) =>
        (await c.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id;
      const runner = await athlete(h, owner, org.id, 'runner@mail.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      await seedAthleteData(h, runner.athleteId, 100);
      assert.equal(await h.deps.roster.refresh.refresh(runner.athleteId), 'stored');

      const categories = async (q: Query) =>
        (await q('select category from attention_items order by category')).rows.map((r) => r.category);
      await asAppRole(url, await idOf(coach), async (q) => {
        assert.deepEqual(await categories(q), ['training'], 'a coach never receives symptoms');
        assert.equal((await q('select * from athlete_attention')).rowCount, 1);
        // A read grant stores nothing and counts nothing.
        assert.equal((await q("update attention_items set items_json = '[]'")).rowCount, 0);
        assert.equal((await q('update athlete_attention set computed_count = change_count')).rowCount, 0);
        await q('savepoint refused');
        await assert.rejects(
          q("insert into attention_items (athlete_id, category, items_json) values ($1, 'gear', '[]')", [
            runner.athleteId,
          ]),
          /row-level security/,
        );
        await q('rollback to savepoint refused');
      });
      await asAppRole(url, await idOf(clinician), async (q) => {
        assert.deepEqual(await categories(q), ['clinical', 'symptoms', 'training'], 'gear was not shared');
      });
      await asAppRole(url, runner.userId, async (q) => {
        assert.deepEqual(await categories(q), ['clinical', 'gear', 'symptoms', 'training']);
      });
      await asAppRole(url, await idOf(other.owner), async (q) => {
        assert.deepEqual(await categories(q), []);
        assert.equal((await q('select * from athlete_attention')).rowCount, 0);
      });

      await runner.client.json('POST', `/api/consents/${runner.grantId}/revoke`, 200);
      await asAppRole(url, await idOf(clinician), async (q) => {
        assert.deepEqual(await categories(q), [], 'nothing after revoke');
      });
    } finally {
      await h.close();
    }
  },
);
