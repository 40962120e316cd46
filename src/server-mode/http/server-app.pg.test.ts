/**
 * The clinic/team server over HTTP on a real PostgreSQL: login and sessions, invitations, consent from
 * request to revoke, the 404 on every athlete route without a grant, and the audit trail.
 */
import assert from 'node:assert/strict';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { apiRoutes } from '../../http/routes/index.ts';
import {
  athlete,
  Client,
  member,
  orgWithOwner,
  PASSWORD,
  pgTest,
  seedAthleteData,
  serverHarness,
  tokenOf,
} from '../server-test.support.ts';

pgTest(
  'login sets an HttpOnly, SameSite=Lax session cookie; wrong passwords are refused, then throttled',
  async (url) => {
    const h = await serverHarness(url);
    try {
      await orgWithOwner(h, 'Knee Clinic', 'owner@clinic.test');
      const visitor = new Client(h.app);
      await visitor.json('GET', '/api/auth/me', 401);
      const ok = await visitor.call('POST', '/api/auth/login', {
        email: 'Owner@Clinic.test',
        password: PASSWORD,
      });
      assert.equal(ok.status, 200);
      const cookie = visitor.lastSetCookie ?? '';
      assert.match(cookie, /^kneewise_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Secure/, 'plain http without a trusted proxy: no Secure flag');
      const me = await visitor.json<{ user: { email: string }; memberships: { role: string }[] }>(
        'GET',
        '/api/auth/me',
        200,
      );
      assert.equal(me.user.email, 'owner@clinic.test');
      assert.deepEqual(
        me.memberships.map((m) => m.role),
        ['owner'],
      );
      // The database keeps only the token's hash.
      const token = cookie.split(';')[0]!.split('=')[1]!;
      const stored = await h.store.system.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.every((s) => s.token_hash !== token && /^[0-9a-f]{64}$/.test(s.token_hash)));

      const guesser = new Client(h.app);
      for (let i = 0; i < 5; i++) {
        const bad = await guesser.call('POST', '/api/auth/login', {
          email: 'owner@clinic.test',
          password: `wrong ${i}`,
        });
        assert.equal(bad.status, 401);
        assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'INVALID_LOGIN');
      }
      const throttled = await guesser.call('POST', '/api/auth/login', {
        email: 'owner@clinic.test',
        password: PASSWORD,
      });
      assert.equal(throttled.status, 429, 'even the right password waits once the account is throttled');
      assert.ok(Number(throttled.headers.get('retry-after')) > 0);
      h.clock.advance(16 * 60_000);
      assert.equal(
        (await guesser.call('POST', '/api/auth/login', { email: 'owner@clinic.test', password: PASSWORD }))
          .status,
        200,
      );
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'the cookie is Secure behind a trusted TLS proxy; sessions end when idle, at logout, and after a reset',
  async (url) => {
    const h = await serverHarness(url, { trustProxy: true });
    try {
      const { owner } = await orgWithOwner(h, 'Club', 'coach@club.test');
      const behindProxy = new Client(h.app);
      await behindProxy.call(
        'POST',
        '/api/auth/login',
        { email: 'coach@club.test', password: PASSWORD },
        { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      );
      assert.match(behindProxy.lastSetCookie ?? '', /Secure/);

      await owner.json('GET', '/api/auth/me', 200);
      h.clock.advance(29 * 60_000);
      await owner.json('GET', '/api/auth/me', 200);
      h.clock.advance(31 * 60_000);
      await owner.json('GET', '/api/auth/me', 401);

      const again = new Client(h.app);
      await again.json('POST', '/api/auth/login', 200, { email: 'coach@club.test', password: PASSWORD });
      await again.json('POST', '/api/auth/logout', 204);
      assert.equal(again.cookie, null);

      const other = new Client(h.app);
      await other.json('POST', '/api/auth/login', 200, { email: 'coach@club.test', password: PASSWORD });
      const reset = await h.deps.organisations.passwordResetLink('coach@club.test');
      const newPassword = 'a brand new passphrase';
      await new Client(h.app).json('POST', '/api/auth/reset-password', 204, {
        token: tokenOf(reset.url),
        password: newPassword,
      });
      await other.json('GET', '/api/auth/me', 401);
      await new Client(h.app).json('POST', '/api/auth/reset-password', 404, {
        token: tokenOf(reset.url),
        password: newPassword,
      });
      await new Client(h.app).json('POST', '/api/auth/login', 401, {
        email: 'coach@club.test',
        password: PASSWORD,
      });
      await new Client(h.app).json('POST', '/api/auth/login', 200, {
        email: 'coach@club.test',
        password: newPassword,
      });
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'an invitation link works once, only before it expires, and only an owner can make one',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Physio', 'owner@physio.test');
      const clinician = await member(h, owner, org.id, 'clin@physio.test', 'clinician');
      await clinician.json('POST', `/api/orgs/${org.id}/invitations`, 404, {
        purpose: 'member',
        email: 'x@y.test',
        role: 'owner',
      });
      const { url: link } = await owner.json<{ url: string }>(
        'POST',
        `/api/orgs/${org.id}/invitations`,
        201,
        {
          purpose: 'member',
          email: 'late@physio.test',
          role: 'coach',
        },
      );
      assert.ok(link.startsWith('http://kneewise.test/join#token='));
      const stored = await h.store.system.selectFrom('invitations').select('token_hash').execute();
      assert.ok(stored.every((s) => s.token_hash !== tokenOf(link)));
      h.clock.advance(8 * 24 * 60 * 60_000);
      await new Client(h.app).json('POST', '/api/join', 404, {
        token: tokenOf(link),
        displayName: 'Late',
        password: PASSWORD,
      });
      // A week later the owner's session has long ended: they sign in again.
      await owner.json('POST', '/api/auth/login', 200, { email: 'owner@physio.test', password: PASSWORD });

      const { url: fresh } = await owner.json<{ url: string }>(
        'POST',
        `/api/orgs/${org.id}/invitations`,
        201,
        {
          purpose: 'member',
          email: 'coach@physio.test',
          role: 'coach',
        },
      );
      await new Client(h.app).json('POST', '/api/join', 201, {
        token: tokenOf(fresh),
        displayName: 'Coach',
        password: PASSWORD,
      });
      await new Client(h.app).json('POST', '/api/join', 404, {
        token: tokenOf(fresh),
        displayName: 'Again',
        password: PASSWORD,
      });
      const members = await owner.json<{ members: { role: string }[] }>(
        'GET',
        `/api/orgs/${org.id}/members`,
        200,
      );
      assert.deepEqual(members.members.map((m) => m.role).sort(), ['clinician', 'coach', 'owner']);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'consent: nothing until the athlete accepts, only granted categories, role ceilings, nothing after revoke',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Sports Med', 'owner@med.test');
      const clinician = await member(h, owner, org.id, 'clin@med.test', 'clinician');
      const coach = await member(h, owner, org.id, 'coach@med.test', 'coach');
      const runner = await athlete(h, owner, org.id, 'runner@mail.test');
      await seedAthleteData(h, runner.athleteId, 100);
      const base = `/api/athletes/${runner.athleteId}`;

      // The invitation filed the clinic's request (owner's defaults: training, symptoms, clinical), pending.
      const pending = await runner.client.json<{
        grants: { id: string; status: string; categories: string[] }[];
      }>('GET', '/api/consents', 200);
      assert.equal(pending.grants.length, 1);
      assert.equal(pending.grants[0]!.status, 'pending');
      assert.deepEqual(pending.grants[0]!.categories, ['training', 'symptoms', 'clinical']);
      await clinician.json('GET', `${base}/activities`, 404);
      // A member cannot accept their organisation's own request.
      await clinician.json('POST', `/api/consents/${runner.grantId}/accept`, 409);

      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      const activities = await clinician.json<{ activities: { id: string }[] }>(
        'GET',
        `${base}/activities`,
        200,
      );
      assert.equal(activities.activities.length, 3);
      const pain = await clinician.json<Record<string, unknown>>('GET', `${base}/pain`, 200);
      assert.match(JSON.stringify(pain), /private note of/);
      await clinician.json('GET', `${base}/shoes`, 404, undefined);
      await clinician
        .call('POST', `${base}/pain`, {})
        .then((r) => assert.equal(r.status, 404, 'read grant: no writes'));
      // The dashboard's screens work for the clinician through the scoped, row-level-secured pool.
      for (const screen of ['today', 'load', 'why', 'overview', 'report.html', 'journal/calendar']) {
        const r = await clinician.call('GET', `${base}/${screen}`);
        assert.equal(r.status, 200, `${screen}: ${(await r.text()).slice(0, 300)}`);
      }
      // The athlete writes their own settings (a write through the same policies).
      const settings = await runner.client.json<{ units: string }>('PUT', `${base}/settings`, 200, {
        units: 'mi',
      });
      assert.equal(settings.units, 'mi');
      await clinician
        .call('PUT', `${base}/settings`, { units: 'km' })
        .then((r) => assert.equal(r.status, 404));
      // The coach is in the same organisation but a coach never receives symptoms through it.
      await coach.json('GET', `${base}/activities`, 200);
      await coach.json('GET', `${base}/pain`, 404);
      // Settings changes, export and deleting are the athlete's alone.
      await clinician.call('DELETE', `${base}/data`).then((r) => assert.equal(r.status, 404));

      const visible = await clinician.json<{ athletes: { id: string }[] }>('GET', '/api/athletes', 200);
      assert.deepEqual(
        visible.athletes.map((a) => a.id),
        [runner.athleteId],
      );

      await runner.client.json('POST', `/api/consents/${runner.grantId}/revoke`, 200);
      await clinician.json('GET', `${base}/activities`, 404);
      await coach.json('GET', `${base}/activities`, 404);
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 409);

      // The athlete offers a named person gear access directly, with an expiry: active at once, ends by itself.
      const offered = await runner.client.json<{ grant: { id: string; status: string } }>(
        'POST',
        '/api/consents',
        201,
        {
          athleteId: runner.athleteId,
          grantee: {
            userId: (await coach.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id,
          },
          categories: ['gear'],
          access: 'read',
          purpose: 'shoe advice',
          expiresAt: new Date(h.clock.now().getTime() + 60 * 60_000).toISOString(),
        },
      );
      assert.equal(offered.grant.status, 'active');
      await coach.json('GET', `${base}/shoes`, 200);
      h.clock.advance(61 * 60_000);
      await coach.json('GET', '/api/auth/me', 401); // idle session ended too
      await coach.json('POST', '/api/auth/login', 200, { email: 'coach@med.test', password: PASSWORD });
      await coach.json('GET', `${base}/shoes`, 404);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'every athlete API route answers 404 to a user without a grant, and never shows the athlete’s rows',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Clinic A', 'owner@a.test');
      const runner = await athlete(h, owner, org.id, 'runner@a.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      await seedAthleteData(h, runner.athleteId, 200);
      // A clinician of another clinic, and one of the same clinic after the grant is revoked.
      const other = await orgWithOwner(h, 'Clinic B', 'owner@b.test');
      const stranger = await member(h, other.owner, other.org.id, 'clin@b.test', 'clinician');

      const routes = apiRoutes(h.deps.dashboard).routes.filter((r) => r.method !== 'ALL');
      assert.ok(routes.length >= 40, `expected the whole dashboard API, found ${routes.length} routes`);
      const tried: string[] = [];
      for (const route of routes) {
        const path = route.path.replace(/:[A-Za-z]+/g, 'x');
        for (const id of [runner.athleteId, 'not-an-athlete']) {
          const response = await stranger.call(
            route.method,
            `/api/athletes/${id}${path}`,
            route.method === 'GET' ? undefined : {},
          );
          const text = await response.text();
          assert.equal(
            response.status,
            404,
            `${route.method} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
          );
          assert.doesNotMatch(text, /private note|run-0|runner/);
          tried.push(`${route.method} ${path}`);
        }
      }
      // The same answer for a real athlete and an id that does not exist.
      const real = await stranger.call('GET', `/api/athletes/${runner.athleteId}/today`);
      const fake = await stranger.call('GET', '/api/athletes/01900000-0000-7000-8000-000000000000/today');
      assert.deepEqual(
        ((await real.json()) as { error: { code: string } }).error.code,
        ((await fake.json()) as { error: { code: string } }).error.code,
      );
      assert.ok(tried.length >= 80);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'the audit log records who read which athlete and why, for the athlete and the org owner only',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Track Club', 'owner@track.test');
      const clinician = await member(h, owner, org.id, 'clin@track.test', 'clinician');
      const runner = await athlete(h, owner, org.id, 'runner@track.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      await seedAthleteData(h, runner.athleteId, 300);
      await clinician.json('GET', `/api/athletes/${runner.athleteId}/activities`, 200);

      const mine = await runner.client.json<{
        entries: { actorUserId: string; route: string; reason: string }[];
      }>('GET', `/api/audit?athleteId=${runner.athleteId}`, 200);
      const read = mine.entries.find((e) => e.route === 'GET /activities');
      assert.ok(read, JSON.stringify(mine.entries));
      assert.equal(read.reason, 'care and coaching by Track Club');
      const forOwner = await owner.json<{ entries: { route: string }[] }>(
        'GET',
        `/api/audit?orgId=${org.id}`,
        200,
      );
      assert.ok(forOwner.entries.some((e) => e.route === 'GET /activities'));
      await clinician.json('GET', `/api/audit?orgId=${org.id}`, 404);
      await clinician.json('GET', `/api/audit?athleteId=${runner.athleteId}`, 404);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'an athlete imports a run through server mode: written under row-level security, seen by their clinic',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'Run Clinic', 'owner@run.test');
      const runner = await athlete(h, owner, org.id, 'runner@run.test');
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      const base = `/api/athletes/${runner.athleteId}`;
      const created = await runner.client.json<{ job: { id: string } }>(
        'POST',
        `${base}/imports?name=morning.gpx`,
        202,
        buildGpx({ durationS: 900 }),
      );
      await runner.client.json('POST', `${base}/imports/${created.job.id}/start`, 202);
      let state = '';
      for (let i = 0; i < 400 && state !== 'done' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        state = (
          await runner.client.json<{ job: { state: string } }>(
            'GET',
            `${base}/imports/${created.job.id}`,
            200,
          )
        ).job.state;
      }
      assert.equal(state, 'done');
      const seen = await owner.json<{ activities: { id: string }[] }>('GET', `${base}/activities`, 200);
      assert.equal(seen.activities.length, 1);
      const streams = await h.store.system.selectFrom('activity_streams').select('athlete_id').execute();
      assert.deepEqual(streams, [{ athlete_id: runner.athleteId }]);
      // The athlete's own export works; the clinic (read grant, not the athlete) gets the 404.
      const exported = await runner.client.call('GET', `${base}/export`);
      assert.equal(exported.status, 200);
      assert.match(await exported.text(), /"format":\s*"kneewise-export"/);
      assert.equal((await owner.call('GET', `${base}/export`)).status, 404);
    } finally {
      await h.close();
    }
  },
);

pgTest('sharing, inviting and exporting need the password entered in the last 10 minutes', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'Reauth Clinic', 'owner@reauth.test');
    const runner = await athlete(h, owner, org.id, 'runner@reauth.test');
    const base = `/api/athletes/${runner.athleteId}`;
    h.clock.advance(11 * 60_000);
    // Reading still works on the signed-in session; the sensitive actions ask for the password.
    await runner.client.json('GET', '/api/consents', 200);
    const refused = await runner.client.call('POST', `/api/consents/${runner.grantId}/accept`);
    assert.equal(refused.status, 403);
    assert.equal(
      ((await refused.json()) as { error: { code: string } }).error.code,
      'REAUTHENTICATION_REQUIRED',
    );
    assert.equal((await runner.client.call('GET', `${base}/export`)).status, 403);
    assert.equal(
      (
        await owner.call('POST', `/api/orgs/${org.id}/invitations`, {
          purpose: 'athlete',
          email: 'x@reauth.test',
        })
      ).status,
      403,
    );
    await runner.client.json('POST', '/api/auth/reauthenticate', 401, { password: 'not my password' });
    await runner.client.json('POST', '/api/auth/reauthenticate', 200, { password: PASSWORD });
    await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
    assert.equal((await runner.client.call('GET', `${base}/export`)).status, 200);
    // Revoking never waits for a password.
    h.clock.advance(11 * 60_000);
    await runner.client.json('POST', `/api/consents/${runner.grantId}/revoke`, 200);
  } finally {
    await h.close();
  }
});

pgTest('an athlete deletes their account and every row of their data goes with it', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'Gone Clinic', 'owner@gone.test');
    const runner = await athlete(h, owner, org.id, 'runner@gone.test');
    const stays = await athlete(h, owner, org.id, 'stays@gone.test');
    await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
    await seedAthleteData(h, runner.athleteId, 100);
    await seedAthleteData(h, stays.athleteId, 200);
    await owner.json('GET', `/api/athletes/${runner.athleteId}/activities`, 200);

    await runner.client.json('DELETE', '/api/auth/account', 400, { confirm: 'yes' });
    const deleted = await runner.client.json<{ deleted: { account: boolean; athleteData: boolean } }>(
      'DELETE',
      '/api/auth/account',
      200,
      { confirm: 'delete my account' },
    );
    assert.deepEqual(deleted.deleted, { account: true, athleteData: true });
    const count = async (table: 'activities' | 'pain_entries' | 'consent_grants' | 'athletes' | 'users') =>
      (
        await h.store.system
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    assert.equal(await count('activities'), 3, 'only the other athlete’s runs are left');
    assert.equal(await count('pain_entries'), 1);
    assert.equal(await count('athletes'), 1);
    assert.equal(
      (await h.store.system.selectFrom('activities').select('athlete_id').distinct().execute())[0]
        ?.athlete_id,
      stays.athleteId,
    );
    await new Client(h.app).json('POST', '/api/auth/login', 401, {
      email: 'runner@gone.test',
      password: PASSWORD,
    });
    await owner.json('GET', `/api/athletes/${runner.athleteId}/activities`, 404);
    // The owner's trail of having read that athlete stays (who saw what is kept after the data is gone).
    const trail = await h.store.system
      .selectFrom('audit_log')
      .select('athlete_id')
      .where('athlete_id', '=', runner.athleteId)
      .execute();
    assert.ok(trail.length > 0);
  } finally {
    await h.close();
  }
});
