/**
 * `kneewise account push|pull`: a runner's SQLite history (real corpus files with their samples, shoes,
 * journal, knee check, sessions, settings) goes through a real server-mode app on PostgreSQL, listening on a
 * port, into their athlete account (as them, over HTTP), and from there into a fresh SQLite. Every table's rows
 * come out as they went in, samples byte for byte; pushing again adds nothing; a row changed on the server
 * stops a push with nothing written; and the failures a runner can meet say what went wrong.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_NOW, seedReportRunner } from '../../../test/factories/report-seed.fixture.ts';
import { athleteRows } from '../../../test/support/athlete-rows.ts';
import { cliInProcess, cliOk } from '../../../test/support/cli-in-process.ts';
import { CORPUS_DIR } from '../../../test/support/corpus.ts';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { type Athlete, AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { startClinicServer } from '../http/server.ts';
import { openServerDatabase } from '../repositories/server-database.ts';
import { pgTest, tokenOf } from '../server-test.support.ts';
import { OrganisationService } from '../services/organisation.service.ts';

const PASSWORD = 'a long enough password for the move';

async function settingsOf(db: DatabaseHandle['db'], athleteId: string) {
  const row = await db
    .selectFrom('athletes')
    .select('settings_json')
    .where('id', '=', athleteId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.settings_json) as unknown;
}

async function withEnvPassword<T>(password: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.KNEEWISE_PASSWORD;
  process.env.KNEEWISE_PASSWORD = password;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.KNEEWISE_PASSWORD;
    else process.env.KNEEWISE_PASSWORD = before;
  }
}

function errorCode(run: { code: number; out: string; err: string }): string {
  assert.notEqual(run.code, 0, `expected a failure, got: ${run.out}`);
  return /\[([A-Z_]+)\]\s*$/.exec(run.err)?.[1] ?? run.err;
}

pgTest(
  'a local history moves into an athlete account over HTTP and back, without loss',
  async (url) => {
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-account-move-'));
    const store = await openServerDatabase(url);
    const settings = { publicUrl: 'http://127.0.0.1:1/', trustProxy: false };
    const server = await startClinicServer({
      store,
      host: '127.0.0.1',
      port: 0,
      settings,
      webRoot: null,
      pdfRenderer: null,
    });
    settings.publicUrl = server.url;
    const handles: DatabaseHandle[] = [];
    try {
      // The server: an organisation with an athlete account and a member-only account.
      const orgs = new OrganisationService(store.system, () => new Date(), server.url);
      const org = await orgs.createOrganisation('Move Clinic');
      const athleteLink = await orgs.invite({
        orgId: org.id,
        email: 'runner@move.test',
        purpose: 'athlete',
        byUserId: null,
      });
      const joined = await orgs.acceptInvitation(tokenOf(athleteLink.url), {
        displayName: 'Runner',
        password: PASSWORD,
      });
      const memberLink = await orgs.invite({
        orgId: org.id,
        email: 'physio@move.test',
        purpose: 'member',
        role: 'clinician',
        byUserId: null,
      });
      await orgs.acceptInvitation(tokenOf(memberLink.url), { displayName: 'Physio', password: PASSWORD });
      const serverAthleteId = joined.athleteId!;

      // The runner's computer: the report runner plus real files with their samples and a journal entry.
      const local = join(dir, 'local.sqlite');
      const source = await openDatabase(local);
      handles.push(source);
      await seedReportRunner(source);
      await cliOk(
        local,
        'import',
        join(CORPUS_DIR, 'fit', 'garmin-fenix5-run-short.fit'),
        join(CORPUS_DIR, 'gpx', 'garmin-connect-run-hr-cad.gpx'),
      );
      await cliOk(
        local,
        'pain',
        'log',
        '--date',
        '2025-06-29',
        '--side',
        'left',
        '--after',
        '3',
        '--note',
        '«ouch»',
      );
      const localAthlete: Athlete = await new AthleteRepository(source.db).getOrCreateLocal(
        SEED_NOW.toISOString(),
      );
      const before = await athleteRows(source.db, localAthlete.id);
      for (const [table, rows] of Object.entries(before))
        assert.ok(rows.length > 0, `local ${table} rows to move`);

      // Push: every row arrives in the athlete's account, settings included (the account's were the defaults).
      const serverDb = store.system as unknown as DatabaseHandle['db'];
      const pushed = await withEnvPassword(PASSWORD, () =>
        cliOk(local, 'account', 'push', server.url, '--email', 'runner@move.test', '--json'),
      );
      const up = JSON.parse(pushed) as {
        athleteId: string;
        restored: { added: Record<string, number>; alreadyThere: number; settingsRestored: boolean };
      };
      assert.equal(up.athleteId, serverAthleteId);
      assert.equal(up.restored.alreadyThere, 0);
      assert.equal(up.restored.added.activities, before.activities!.length);
      assert.equal(up.restored.settingsRestored, true);
      assert.deepEqual(
        await athleteRows(serverDb, serverAthleteId),
        before,
        'the account holds every row as it was',
      );
      assert.deepEqual(await settingsOf(serverDb, serverAthleteId), localAthlete.settings);

      // Pushing twice adds nothing.
      const again = JSON.parse(
        await withEnvPassword(PASSWORD, () =>
          cliOk(local, 'account', 'push', server.url, '--email', 'runner@move.test', '--json'),
        ),
      ) as { restored: { added: Record<string, number>; alreadyThere: number } };
      assert.deepEqual(
        Object.values(again.restored.added),
        Object.values(again.restored.added).map(() => 0),
      );
      assert.ok(again.restored.alreadyThere > 0);
      assert.deepEqual(await athleteRows(serverDb, serverAthleteId), before, 'a second push added nothing');

      // Pull into a fresh SQLite: table by table, the history as it left the runner's computer.
      const back = join(dir, 'back.sqlite');
      const pulled = JSON.parse(
        await withEnvPassword(PASSWORD, () =>
          cliOk(back, 'account', 'pull', server.url, '--email', 'runner@move.test', '--json'),
        ),
      ) as { restored: { alreadyThere: number } };
      assert.equal(pulled.restored.alreadyThere, 0);
      const target = await openDatabase(back);
      handles.push(target);
      const backAthlete = await new AthleteRepository(target.db).getOrCreateLocal(SEED_NOW.toISOString());
      assert.deepEqual(
        await athleteRows(target.db, backAthlete.id),
        before,
        'back on SQLite, every row as it was',
      );
      assert.deepEqual(backAthlete.settings, localAthlete.settings);

      // A row changed on the server since: the push stops, names it, and writes nothing.
      const painId = String(before.pain_entries![0]!.id);
      await serverDb
        .updateTable('pain_entries')
        .set({ note: 'changed by the clinic' })
        .where('id', '=', painId)
        .execute();
      const stored = await athleteRows(serverDb, serverAthleteId);
      await source.db
        .insertInto('shoes')
        .values({
          id: 'shoe-added-later',
          athlete_id: localAthlete.id,
          name: 'Added later',
          brand: null,
          model: null,
          start_distance_m: 0,
          default_sport: null,
          retired_at: null,
          created_at: SEED_NOW.toISOString(),
          is_demo: 0,
        } as never)
        .execute();
      const conflict = await withEnvPassword(PASSWORD, () =>
        cliInProcess(local, 'account', 'push', server.url, '--email', 'runner@move.test'),
      );
      assert.equal(errorCode(conflict), 'RESTORE_CONFLICT');
      assert.match(conflict.err, new RegExp(`painEntries ${painId}.*note`));
      assert.deepEqual(
        await athleteRows(serverDb, serverAthleteId),
        stored,
        'nothing written, the new pair neither',
      );

      // What a runner can get wrong, each in its own words.
      const wrong = await withEnvPassword('not my password at all', () =>
        cliInProcess(local, 'account', 'push', server.url, '--email', 'runner@move.test'),
      );
      assert.equal(errorCode(wrong), 'ACCOUNT_LOGIN_FAILED');
      const member = await withEnvPassword(PASSWORD, () =>
        cliInProcess(local, 'account', 'pull', server.url, '--email', 'physio@move.test'),
      );
      assert.equal(errorCode(member), 'ACCOUNT_NOT_ATHLETE');
      assert.match(member.err, /no athlete account/);
      const noPassword = await withEnvPassword('', () =>
        cliInProcess(local, 'account', 'push', server.url, '--email', 'runner@move.test'),
      );
      assert.equal(errorCode(noPassword), 'PASSWORD_NEEDED');

      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const unreachable = await withEnvPassword(PASSWORD, () =>
        cliInProcess(
          local,
          'account',
          'push',
          `http://127.0.0.1:${closedPort}/`,
          '--email',
          'runner@move.test',
        ),
      );
      assert.equal(errorCode(unreachable), 'SERVER_UNREACHABLE');
      assert.match(unreachable.err, /ECONNREFUSED/);

      const other = createServer((_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      try {
        const notOurs = await withEnvPassword(PASSWORD, () =>
          cliInProcess(
            local,
            'account',
            'push',
            `http://127.0.0.1:${(other.address() as AddressInfo).port}/`,
            '--email',
            'runner@move.test',
          ),
        );
        assert.equal(errorCode(notOurs), 'NOT_A_KNEEWISE_SERVER');
      } finally {
        await new Promise<void>((resolve) => other.close(() => resolve()));
      }
      const plain = await withEnvPassword(PASSWORD, () =>
        cliInProcess(local, 'account', 'push', 'http://clinic.example/', '--email', 'runner@move.test'),
      );
      assert.equal(errorCode(plain), 'SERVER_URL_INVALID');
    } finally {
      for (const h of handles) await h.close();
      await server.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  240_000,
);
