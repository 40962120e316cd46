/**
 * One request, one transaction: every statement of a user scope runs on the same pooled connection inside
 * one transaction (the user set once), concurrent scopes of other users stay apart, a failure undoes the
 * whole scope, and nothing runs on the scoped pool outside a scope.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { athlete, orgWithOwner, painEntryRow, pgTest, serverHarness } from '../server-test.support.ts';
import { runAsUser } from './request-scope.ts';

pgTest(
  'a user scope runs its statements in one transaction; a concurrent scope of another user sees only its own rows',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Scope Clinic', 'owner@scope.test');
      const first = await athlete(h, owner, org.id, 'first@scope.test');
      const second = await athlete(h, owner, org.id, 'second@scope.test');
      const db = h.store.scoped;
      const txid = async () =>
        (await sql<{ txid: string }>`select txid_current()::text as txid`.execute(db)).rows[0]!.txid;
      const visible = async () =>
        (await db.selectFrom('athletes').select('id').execute()).map((r) => r.id).sort();
      const user = async () =>
        (await sql<{ user: string }>`select current_setting('kneewise.user_id', true) as user`.execute(db))
          .rows[0]!.user;

      // Both scopes are open at once: each waits for the other's first statement before its second.
      let firstStarted!: () => void;
      let secondStarted!: () => void;
      const firstReady = new Promise<void>((resolve) => (firstStarted = resolve));
      const secondReady = new Promise<void>((resolve) => (secondStarted = resolve));
      const inScope = (userId: string, started: () => void, other: Promise<void>) =>
        runAsUser(userId, async () => {
          const before = await txid();
          started();
          await other;
          const [athletes, after, setUser] = await Promise.all([visible(), txid(), user()]);
          return { before, after, athletes, setUser };
        });
      const [a, b] = await Promise.all([
        inScope(first.userId, firstStarted, secondReady),
        inScope(second.userId, secondStarted, firstReady),
      ]);
      assert.equal(a.before, a.after, 'one transaction for all of the first scope');
      assert.equal(b.before, b.after, 'one transaction for all of the second scope');
      assert.notEqual(a.before, b.before, 'each scope its own transaction');
      assert.deepEqual(a.athletes, [first.athleteId]);
      assert.deepEqual(b.athletes, [second.athleteId]);
      assert.equal(a.setUser, first.userId);
      assert.equal(b.setUser, second.userId);

      // Two scopes one after another are two transactions.
      const again = await runAsUser(first.userId, txid);
      assert.notEqual(again, a.before);

      // Nothing runs as nobody.
      await assert.rejects(visible(), /outside a user scope/);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'a failed scope leaves nothing; a failed nested transaction undoes only itself; work after the scope runs as its user',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Undo Clinic', 'owner@undo.test');
      const runner = await athlete(h, owner, org.id, 'runner@undo.test');
      const other = await athlete(h, owner, org.id, 'other@undo.test');
      const db = h.store.scoped;
      const painIds = () =>
        runAsUser(runner.userId, async () =>
          (await db.selectFrom('pain_entries').select('id').orderBy('id').execute()).map((r) => r.id),
        );

      await assert.rejects(
        runAsUser(runner.userId, async () => {
          await db.insertInto('pain_entries').values(painEntryRow('undone', runner.athleteId)).execute();
          assert.deepEqual((await db.selectFrom('pain_entries').select('id').execute()).length, 1);
          throw new Error('the request failed after its write');
        }),
        /the request failed/,
      );
      assert.deepEqual(await painIds(), []);

      await runAsUser(runner.userId, async () => {
        await db.insertInto('pain_entries').values(painEntryRow('kept', runner.athleteId)).execute();
        await assert.rejects(
          db.transaction().execute(async (trx) => {
            await trx.insertInto('pain_entries').values(painEntryRow('nested', runner.athleteId)).execute();
            throw new Error('the nested write failed');
          }),
          /nested write failed/,
        );
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('pain_entries').values(painEntryRow('nested-ok', runner.athleteId)).execute();
        });
      });
      assert.deepEqual(await painIds(), ['kept', 'nested-ok']);

      // Work the scope started and did not wait for (a queued import) still runs as that user afterwards.
      let detached!: Promise<string[]>;
      await runAsUser(other.userId, async () => {
        detached = new Promise<void>((resolve) => setTimeout(resolve, 20)).then(async () =>
          (await db.selectFrom('athletes').select('id').execute()).map((r) => r.id),
        );
      });
      assert.deepEqual(await detached, [other.athleteId]);
    } finally {
      await h.close();
    }
  },
);
