/**
 * Row-level security checked with direct SQL as the application role, with no application code between the
 * query and the table: a query that forgets every filter still returns only what the user may see.
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { CATEGORIES, MEMBER_ROLES, roleAllows } from '../domain/roles.ts';
import { APP_ROLE } from '../migrations/0001-accounts-consent-rls.ts';
import {
  athlete,
  member,
  orgWithOwner,
  pgTest,
  seedAthleteData,
  serverHarness,
} from '../server-test.support.ts';

/** Runs `statements` in one transaction as the app role with `userId` set, the way the scoped pool does. */
async function asAppRole(url: string, userId: string | null, fn: (q: Query) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${APP_ROLE}`);
    if (userId !== null) await client.query("select set_config('kneewise.user_id', $1, true)", [userId]);
    await fn((text, values) => client.query(text, values as unknown[]));
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Expects `text` to fail with `pattern`, inside a savepoint so the transaction goes on. */
async function fails(q: Query, text: string, values: unknown[], pattern: RegExp): Promise<void> {
  await q('savepoint expected_failure');
  await assert.rejects(q(text, values), pattern);
  await q('rollback to savepoint expected_failure');
}

pgTest('every athlete table has row-level security forced, and the app role owns no table', async (url) => {
  const h = await serverHarness(url);
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `select distinct table_name from information_schema.columns
         where table_schema = 'public' and column_name = 'athlete_id'`,
      );
      const athleteTables = rows
        .map((r) => r.table_name)
        .filter((t) => !['user_athletes', 'consent_grants'].includes(t));
      assert.ok(athleteTables.includes('activities') && athleteTables.includes('audit_log'));
      for (const table of [...athleteTables, 'athletes']) {
        const { rows: flags } = await client.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
          'select relrowsecurity, relforcerowsecurity from pg_class where oid = $1::regclass',
          [table],
        );
        assert.deepEqual(
          flags[0],
          { relrowsecurity: true, relforcerowsecurity: true },
          `${table} must force RLS`,
        );
      }
      const owned = await client.query(`select tablename from pg_tables where tableowner = '${APP_ROLE}'`);
      assert.equal(owned.rowCount, 0);
    } finally {
      await client.end();
    }
  } finally {
    await h.close();
  }
});

pgTest(
  'as the app role, unfiltered queries see only granted rows; writes and audit changes are refused',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Clinic', 'owner@clinic.test');
      const coach = await member(h, owner, org.id, 'coach@clinic.test', 'coach');
      const coachId = (await coach.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id;
      const ownerId = (await owner.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id;
      const runner = await athlete(h, owner, org.id, 'runner@mail.test');
      const other = await athlete(h, owner, org.id, 'other@mail.test');
      await seedAthleteData(h, runner.athleteId, 100);
      await seedAthleteData(h, other.athleteId, 200);

      // Pending request: the owner sees nothing of anyone.
      await asAppRole(url, ownerId, async (q) => {
        assert.equal((await q('select * from activities')).rowCount, 0);
        assert.equal((await q('select * from athletes')).rowCount, 0);
        // A member cannot write the athlete's acceptance for them.
        await fails(
          q,
          "insert into consent_events (id, grant_id, kind, actor_user_id) values ('e1', $1, 'accepted', $2)",
          [runner.grantId, ownerId],
          /row-level security/,
        );
      });
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);

      await asAppRole(url, ownerId, async (q) => {
        const runs = await q('select athlete_id from activities');
        assert.equal(runs.rowCount, 3);
        assert.ok(
          runs.rows.every((r) => r.athlete_id === runner.athleteId),
          'never the other athlete’s rows',
        );
        assert.equal(
          (await q('select * from pain_entries')).rowCount,
          1,
          'the owner’s request included symptoms',
        );
        // A read grant: writes touch nothing or are refused.
        assert.equal((await q('update activities set distance_m = 0')).rowCount, 0);
        assert.equal((await q('delete from pain_entries')).rowCount, 0);
        await fails(
          q,
          `insert into shoes (id, athlete_id, name, start_distance_m, created_at, is_demo)
           values ('s1', $1, 'Planted', 0, 'now', 0)`,
          [runner.athleteId],
          /row-level security/,
        );
      });
      // A coach of the same clinic: training through the organisation's grant, never symptoms.
      await asAppRole(url, coachId, async (q) => {
        assert.equal((await q('select * from activities')).rowCount, 3);
        assert.equal((await q('select * from pain_entries')).rowCount, 0);
      });
      // No user set: nothing at all.
      await asAppRole(url, null, async (q) => {
        for (const table of ['athletes', 'activities', 'pain_entries', 'consent_grants', 'audit_log']) {
          assert.equal((await q(`select * from ${table}`)).rowCount, 0, table);
        }
        await fails(q, 'select * from users', [], /permission denied/);
        await fails(q, 'select * from sessions', [], /permission denied/);
      });
      // The athlete sees their own rows only, and the audit log is insert-only.
      await asAppRole(url, runner.userId, async (q) => {
        assert.equal((await q('select * from activities')).rowCount, 3);
        await q(
          `insert into audit_log (id, actor_user_id, athlete_id, action, categories, route, reason)
         values ('a1', $1, $2, 'read', '{training}', 'GET /activities', 'own data')`,
          [runner.userId, runner.athleteId],
        );
        await fails(q, "update audit_log set reason = 'nothing to see'", [], /permission denied/);
        await fails(q, 'delete from audit_log', [], /permission denied/);
        await fails(q, 'truncate audit_log', [], /permission denied/);
      });

      // Revoked: gone again, in the database as in the access module.
      await runner.client.json('POST', `/api/consents/${runner.grantId}/revoke`, 200);
      await asAppRole(url, ownerId, async (q) => {
        assert.equal((await q('select * from activities')).rowCount, 0);
      });
    } finally {
      await h.close();
    }
  },
);

pgTest('an expired grant gives nothing in the database either', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'Clinic', 'owner@clinic.test');
    const ownerId = (await owner.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id;
    const runner = await athlete(h, owner, org.id, 'runner@mail.test');
    await seedAthleteData(h, runner.athleteId, 100);
    await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
    await h.store.system
      .insertInto('consent_grants')
      .values({
        id: 'short',
        athlete_id: runner.athleteId,
        grantee_org_id: null,
        grantee_user_id: ownerId,
        categories: ['gear'],
        access: 'read',
        purpose: 'a minute',
        expires_at: new Date(Date.now() - 1000),
        created_by: runner.userId,
        created_at: new Date(Date.now() - 60_000),
      })
      .execute();
    await h.store.system
      .insertInto('consent_events')
      .values({
        id: 'ev',
        grant_id: 'short',
        kind: 'accepted',
        actor_user_id: runner.userId,
        at: new Date(Date.now() - 50_000),
      })
      .execute();
    await asAppRole(url, ownerId, async (q) => {
      const { rows } = await q(
        "select kw_can($1, 'gear', 'read') as gear, kw_can($1, 'training', 'read') as training",
        [runner.athleteId],
      );
      assert.deepEqual(rows[0], { gear: false, training: true });
    });
  } finally {
    await h.close();
  }
});

pgTest('the database’s role ceilings are the domain’s', async (url) => {
  const h = await serverHarness(url);
  try {
    await asAppRole(url, null, async (q) => {
      for (const role of MEMBER_ROLES) {
        for (const category of CATEGORIES) {
          for (const action of ['read', 'write'] as const) {
            const { rows } = await q('select kw_role_allows($1, $2, $3) as allowed', [
              role,
              category,
              action,
            ]);
            assert.equal(
              rows[0].allowed,
              roleAllows(role, category, action),
              `${role} ${category} ${action}`,
            );
          }
        }
      }
    });
  } finally {
    await h.close();
  }
});
