/**
 * An owner's screens over HTTP on a real PostgreSQL: pending invitation links (listed, taken back, gone once
 * used), changing a member's role (password entered recently), removing a member, the organisation's last
 * owner kept, and the organisation's audit log read page by page.
 */
import assert from 'node:assert/strict';
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

interface Invitation {
  id: string;
  email: string;
  purpose: string;
  role: string | null;
  expiresAt: string;
  invitedBy: string | null;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

pgTest(
  'an owner sees the links still waiting, takes one back, and a used one leaves the list',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
      const invite = (email: string, role: string) =>
        owner.json<{ url: string }>('POST', `/api/orgs/${org.id}/invitations`, 201, {
          purpose: 'member',
          email,
          role,
        });
      const coachLink = await invite('coach@north.test', 'coach');
      const analystLink = await invite('Analyst@North.test', 'analyst');
      await owner.json('POST', `/api/orgs/${org.id}/invitations`, 201, {
        purpose: 'athlete',
        email: 'runner@north.test',
      });
      const { invitations } = await owner.json<{ invitations: Invitation[] }>(
        'GET',
        `/api/orgs/${org.id}/invitations`,
        200,
      );
      assert.deepEqual(invitations.map((i) => [i.email, i.purpose, i.role, i.invitedBy]).sort(), [
        ['analyst@north.test', 'member', 'analyst', 'North Clinic owner'],
        ['coach@north.test', 'member', 'coach', 'North Clinic owner'],
        ['runner@north.test', 'athlete', null, 'North Clinic owner'],
      ]);
      // The id names the link without being it: the token is nowhere in the answer.
      const text = JSON.stringify(invitations);
      assert.ok(!text.includes(tokenOf(coachLink.url)) && !text.includes(tokenOf(analystLink.url)));

      const analyst = invitations.find((i) => i.email === 'analyst@north.test')!;
      await owner.json('DELETE', `/api/orgs/${org.id}/invitations/${analyst.id}`, 204);
      const taken = await new Client(h.app).call('POST', '/api/join', {
        token: tokenOf(analystLink.url),
        displayName: 'Analyst',
        password: PASSWORD,
      });
      assert.equal(taken.status, 404, 'a link taken back no longer lets anyone in');
      assert.equal(await errorCode(taken), 'LINK_INVALID');
      await owner.json('DELETE', `/api/orgs/${org.id}/invitations/${analyst.id}`, 404);

      const coach = new Client(h.app);
      await coach.json('POST', '/api/join', 201, {
        token: tokenOf(coachLink.url),
        displayName: 'Coach Kim',
        password: PASSWORD,
      });
      await coach.json('POST', '/api/auth/login', 200, { email: 'coach@north.test', password: PASSWORD });
      const after = await owner.json<{ invitations: Invitation[] }>(
        'GET',
        `/api/orgs/${org.id}/invitations`,
        200,
      );
      assert.deepEqual(
        after.invitations.map((i) => i.email),
        ['runner@north.test'],
      );
      // Expired links leave the list too.
      h.clock.advance(8 * 24 * 60 * 60_000);
      await owner.json('POST', '/api/auth/login', 200, { email: 'boss@north.test', password: PASSWORD });
      const later = await owner.json<{ invitations: Invitation[] }>(
        'GET',
        `/api/orgs/${org.id}/invitations`,
        200,
      );
      assert.deepEqual(later.invitations, []);

      // A member who is not an owner sees none of this, and cannot take a link back.
      await coach.json('POST', '/api/auth/login', 200, { email: 'coach@north.test', password: PASSWORD });
      await coach.json('GET', `/api/orgs/${org.id}/invitations`, 404);
      const stranger = await orgWithOwner(h, 'South Club', 'boss@south.test');
      await stranger.owner.json('GET', `/api/orgs/${org.id}/invitations`, 404);
    } finally {
      await h.close();
    }
  },
);

pgTest(
  'an owner changes a role with a recent password, removes a member, and never the last owner',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
      const coach = await member(h, owner, org.id, 'coach@north.test', 'coach');
      const me = await owner.json<{ user: { id: string } }>('GET', '/api/auth/me', 200);
      const coachMe = await coach.json<{ user: { id: string } }>('GET', '/api/auth/me', 200);
      const ownerId = me.user.id;
      const coachId = coachMe.user.id;
      const roles = async () =>
        Object.fromEntries(
          (
            await owner.json<{ members: { userId: string; role: string }[] }>(
              'GET',
              `/api/orgs/${org.id}/members`,
              200,
            )
          ).members.map((m) => [m.userId, m.role]),
        );

      // Eleven minutes after signing in, a new role needs the password again.
      h.clock.advance(11 * 60_000);
      const stale = await owner.call('PATCH', `/api/orgs/${org.id}/members/${coachId}`, {
        role: 'clinician',
      });
      assert.equal(stale.status, 403);
      assert.equal(await errorCode(stale), 'REAUTHENTICATION_REQUIRED');
      assert.equal((await roles())[coachId], 'coach');
      await owner.json('POST', '/api/auth/reauthenticate', 200, { password: PASSWORD });
      const changed = await owner.json<{ member: { userId: string; role: string } }>(
        'PATCH',
        `/api/orgs/${org.id}/members/${coachId}`,
        200,
        { role: 'clinician' },
      );
      assert.deepEqual([changed.member.userId, changed.member.role], [coachId, 'clinician']);
      assert.deepEqual(
        (await coach.json<{ memberships: { role: string }[] }>('GET', '/api/auth/me', 200)).memberships.map(
          (m) => m.role,
        ),
        ['clinician'],
      );
      await owner.json('PATCH', `/api/orgs/${org.id}/members/${coachId}`, 400, { role: 'admin' });

      // The only owner can neither step down nor be removed.
      for (const response of [
        await owner.call('PATCH', `/api/orgs/${org.id}/members/${ownerId}`, { role: 'clinician' }),
        await owner.call('DELETE', `/api/orgs/${org.id}/members/${ownerId}`),
      ]) {
        assert.equal(response.status, 409);
        assert.equal(await errorCode(response), 'LAST_OWNER');
      }
      assert.equal((await roles())[ownerId], 'owner');
      // Non-owners change nothing, password or not.
      await coach.json('POST', '/api/auth/reauthenticate', 200, { password: PASSWORD });
      await coach.json('PATCH', `/api/orgs/${org.id}/members/${ownerId}`, 404, { role: 'coach' });
      await coach.json('DELETE', `/api/orgs/${org.id}/members/${ownerId}`, 404);

      // With a second owner, the first may step down; then the second is the last.
      await owner.json('PATCH', `/api/orgs/${org.id}/members/${coachId}`, 200, { role: 'owner' });
      await owner.json('PATCH', `/api/orgs/${org.id}/members/${ownerId}`, 200, { role: 'analyst' });
      await coach.json('POST', '/api/auth/reauthenticate', 200, { password: PASSWORD });
      await coach.json('PATCH', `/api/orgs/${org.id}/members/${coachId}`, 409, { role: 'coach' });

      // Removing: the member's organisation is gone for them; a second removal finds no one.
      await coach.json('DELETE', `/api/orgs/${org.id}/members/${ownerId}`, 204);
      await owner.json('GET', `/api/orgs/${org.id}/members`, 404);
      assert.deepEqual(
        (await owner.json<{ memberships: unknown[] }>('GET', '/api/auth/me', 200)).memberships,
        [],
      );
      const again = await coach.call('DELETE', `/api/orgs/${org.id}/members/${ownerId}`);
      assert.equal(again.status, 404);
      assert.equal(await errorCode(again), 'MEMBER_NOT_FOUND');
    } finally {
      await h.close();
    }
  },
);

pgTest('two owners stepping down at the same moment leave one owner, not none', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
    const second = await member(h, owner, org.id, 'second@north.test', 'owner');
    const ids = await Promise.all(
      [owner, second].map(
        async (c) => (await c.json<{ user: { id: string } }>('GET', '/api/auth/me', 200)).user.id,
      ),
    );
    const answers = await Promise.all([
      owner.call('PATCH', `/api/orgs/${org.id}/members/${ids[0]}`, { role: 'clinician' }),
      second.call('PATCH', `/api/orgs/${org.id}/members/${ids[1]}`, { role: 'clinician' }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    const owners = await h.store.system
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', org.id)
      .where('role', '=', 'owner')
      .execute();
    assert.equal(owners.length, 1);
  } finally {
    await h.close();
  }
});

pgTest("the organisation's audit log comes page by page, with who read whose data and why", async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
    const clinician = await member(h, owner, org.id, 'physio@north.test', 'clinician');
    const runner = await athlete(h, owner, org.id, 'zoe@runner.test');
    await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
    await seedAthleteData(h, runner.athleteId, 500);
    for (const route of ['activities', 'load', 'journal', 'activities', 'shoes']) {
      await clinician.call('GET', `/api/athletes/${runner.athleteId}/${route}`);
      h.clock.advance(1000);
    }
    interface Page {
      entries: { id: string; route: string; actorName: string; athleteName: string; reason: string }[];
      next: string | null;
    }
    const all = await owner.json<Page>('GET', `/api/audit?orgId=${org.id}`, 200);
    assert.equal(all.next, null);
    assert.ok(all.entries.length >= 4, JSON.stringify(all.entries.map((e) => e.route)));
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const query: string = `/api/audit?orgId=${org.id}&limit=2${before ? `&before=${before}` : ''}`;
      const page: Page = await owner.json<Page>('GET', query, 200);
      assert.ok(page.entries.length <= 2);
      seen.push(...page.entries.map((e) => e.id));
      before = page.next;
    } while (before);
    assert.deepEqual(
      seen,
      all.entries.map((e) => e.id),
      'the pages, joined, are the whole log in order',
    );
    const read = all.entries.find((e) => e.route === 'GET /activities');
    assert.ok(read);
    assert.equal(read.actorName, 'physio@north.test');
    assert.equal(read.athleteName, 'zoe');
    assert.equal(read.reason, 'care and coaching by North Clinic');
    // An entry of another log does not continue this one.
    await owner.json('GET', `/api/audit?orgId=${org.id}&before=not-an-entry`, 404);
    await owner.json('GET', `/api/audit?orgId=${org.id}&limit=0`, 400);
    await owner.json('GET', `/api/audit?orgId=${org.id}&athleteId=${runner.athleteId}`, 400);
    await clinician.json('GET', `/api/audit?orgId=${org.id}&limit=2`, 404);
  } finally {
    await h.close();
  }
});
