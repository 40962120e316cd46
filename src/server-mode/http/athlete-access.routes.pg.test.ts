/**
 * GET /api/athletes/:id/access (what the dashboard may show and offer for one athlete) and the names on the
 * Sharing page (the grantee's on each grant, the reader's on each audit entry), on a real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { athlete, member, orgWithOwner, pgTest, serverHarness } from '../server-test.support.ts';

interface AccessJson {
  athleteId: string;
  name: string;
  access: { read: string[]; write: string[]; own: boolean };
}

pgTest(
  'access follows the consent: nothing before accepting, the role’s share after, all of it for the athlete',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
      const physio = await member(h, owner, org.id, 'physio@north.test', 'clinician');
      const coach = await member(h, owner, org.id, 'coach@north.test', 'coach');
      const zoe = await athlete(h, owner, org.id, 'zoe@runner.test');
      const path = `/api/athletes/${zoe.athleteId}/access`;

      const before = await physio.call('GET', path);
      assert.equal(before.status, 404, 'a pending request gives nothing');
      assert.equal(((await before.json()) as { error: { code: string } }).error.code, 'ATHLETE_NOT_FOUND');
      assert.equal((await physio.call('GET', '/api/athletes/no-such-athlete/access')).status, 404);

      await zoe.client.json('POST', `/api/consents/${zoe.grantId}/accept`, 200);
      const clinician = await physio.json<AccessJson>('GET', path, 200);
      assert.deepEqual(clinician, {
        athleteId: zoe.athleteId,
        name: 'zoe',
        access: { read: ['training', 'symptoms', 'clinical'], write: [], own: false },
      });
      // The same grant reaches a coach only within the coach's role.
      const coachView = await coach.json<AccessJson>('GET', path, 200);
      assert.deepEqual(coachView.access, { read: ['training'], write: [], own: false });
      const own = await zoe.client.json<AccessJson>('GET', path, 200);
      assert.deepEqual(own.access, {
        read: ['training', 'symptoms', 'clinical', 'gear'],
        write: ['training', 'symptoms', 'clinical', 'gear'],
        own: true,
      });

      await zoe.client.json('POST', `/api/consents/${zoe.grantId}/revoke`, 200);
      assert.equal((await physio.call('GET', path)).status, 404, 'revoked: nothing again');
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'the Sharing page gets names: the grantee’s on each grant, the reader’s on each audit entry',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
      const physio = await member(h, owner, org.id, 'physio@north.test', 'clinician');
      const zoe = await athlete(h, owner, org.id, 'zoe@runner.test');
      await zoe.client.json('POST', `/api/consents/${zoe.grantId}/accept`, 200);
      await physio.json('GET', `/api/athletes/${zoe.athleteId}/overview`, 200);

      const { grants } = await zoe.client.json<{ grants: { id: string; granteeName: string | null }[] }>(
        'GET',
        `/api/consents?athleteId=${zoe.athleteId}`,
        200,
      );
      assert.deepEqual(
        grants.map((g) => [g.id, g.granteeName]),
        [[zoe.grantId, 'North Clinic']],
      );
      const { entries } = await zoe.client.json<{
        entries: { actorName: string | null; route: string; orgNames: string[] }[];
      }>('GET', `/api/audit?athleteId=${zoe.athleteId}`, 200);
      const read = entries.find((e) => e.route === 'GET /overview' && e.actorName === 'physio@north.test');
      assert.ok(read, JSON.stringify(entries));
      assert.deepEqual(read.orgNames, ['North Clinic']);
    } finally {
      await h.close();
    }
  },
);
