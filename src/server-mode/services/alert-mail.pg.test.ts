/**
 * The roster's alert e-mail over real SMTP (a listener in the test) on a real PostgreSQL: after an import, the
 * members the athlete's consent reaches get one message with the server's link and no health data; the athlete
 * and other clinics get none; a refresh with nothing new sends nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedActivityRow } from '../../../test/factories/activity-row.factory.ts';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { addDays } from '../../domain/load/calendar-day.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import { athlete, member, orgWithOwner, PUBLIC_URL, pgTest, serverHarness } from '../server-test.support.ts';
import { mailSettingsFromEnv } from './alert-mail.service.ts';

async function until<T>(what: string, read: () => Promise<T | null> | T | null, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

pgTest(
  'an import mails the members who may see the new alert a link, and nothing about the athlete',
  async (url) => {
    const sink = await startSmtpSink();
    process.env.KNEEWISE_SMTP_URL = sink.url;
    process.env.KNEEWISE_MAIL_FROM = 'Knee Clinic <alerts@clinic.test>';
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Mail Clinic', 'owner@mail.test');
      await member(h, owner, org.id, 'clin@mail.test', 'clinician');
      const other = await orgWithOwner(h, 'Elsewhere', 'owner@elsewhere.test');
      await member(h, other.owner, other.org.id, 'clin@elsewhere.test', 'clinician');
      const runner = await athlete(h, owner, org.id, 'wilhelmina@mail.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);

      const day = todayIn(h.clock.now(), systemTimeZone());
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
      const created = await runner.client.json<{ job: { id: string } }>(
        'POST',
        `${base}/imports?name=long.gpx`,
        202,
        buildGpx({
          durationS: 3600,
          intervalS: 5,
          speedMps: 3,
          startMs: Date.parse(`${addDays(day, -1)}T12:00:00Z`),
        }),
      );
      await runner.client.json('POST', `${base}/imports/${created.job.id}/start`, 202);

      await until('two messages', () => (sink.messages.length >= 2 ? sink.messages : null));
      await new Promise((r) => setTimeout(r, 300)); // a third would be a defect: give it the chance to arrive
      assert.deepEqual(sink.messages.flatMap((m) => m.to).sort(), ['clin@mail.test', 'owner@mail.test']);
      for (const message of sink.messages) {
        assert.equal(message.from, 'alerts@clinic.test');
        assert.match(message.data, /Subject: kneewise: something new on your roster/);
        assert.ok(message.data.includes(PUBLIC_URL), 'the link to the server');
        assert.doesNotMatch(message.data, /wilhelmina|spike|km|pain|knee check|10\.8|Mail Clinic/i);
      }

      // Nothing new since: the job stores the same items and sends nothing.
      assert.equal(await h.deps.roster.refresh.refresh(runner.athleteId), 'stored');
      assert.equal(sink.messages.length, 2);
    } finally {
      await h.close();
      await sink.close();
      delete process.env.KNEEWISE_SMTP_URL;
      delete process.env.KNEEWISE_MAIL_FROM;
    }
  },
);

test('without KNEEWISE_SMTP_URL no mailer exists; a malformed one is an error naming the variable', () => {
  assert.equal(mailSettingsFromEnv({}), null);
  assert.equal(mailSettingsFromEnv({ KNEEWISE_SMTP_URL: '  ' }), null);
  assert.deepEqual(mailSettingsFromEnv({ KNEEWISE_SMTP_URL: 'smtps://u:p@mail.example:465' }), {
    smtpUrl: 'smtps://u:p@mail.example:465',
    from: null,
  });
  assert.throws(
    () => mailSettingsFromEnv({ KNEEWISE_SMTP_URL: 'mail.example' }),
    /KNEEWISE_SMTP_URL: expected smtp:/,
  );
});
