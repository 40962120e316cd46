/**
 * Looking an organisation up by name (GET /api/orgs/lookup) on a real PostgreSQL: an athlete gets ids and
 * names only, from three characters on, wildcards taken literally; each lookup is in their audit trail and
 * counts against a limit per window; a member with no data of their own gets nothing; the id found shares.
 */
import assert from 'node:assert/strict';
import { ORG_LOOKUP } from '../domain/org-lookup.ts';
import { athlete, Client, member, orgWithOwner, pgTest, serverHarness } from '../server-test.support.ts';

interface Lookup {
  organisations: Array<Record<string, unknown>>;
}

pgTest('an athlete finds organisations by part of the name and gets their id and name only', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
    const side = await orgWithOwner(h, 'Runners of Northside', 'boss@side.test');
    await orgWithOwner(h, 'South Physio', 'boss@south.test');
    await orgWithOwner(h, '100% Club', 'boss@club.test');
    const coach = await member(h, owner, org.id, 'coach@north.test', 'coach');
    const runner = await athlete(h, side.owner, side.org.id, 'zoe@runner.test');

    const found = await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=%20north%20', 200);
    assert.deepEqual(found.organisations, [
      { orgId: org.id, orgName: 'North Clinic' },
      { orgId: side.org.id, orgName: 'Runners of Northside' },
    ]);
    // Any case, anywhere in the name; % and _ are letters here, not wildcards.
    assert.deepEqual(
      (await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=PHYSIO', 200)).organisations.map(
        (o) => o.orgName,
      ),
      ['South Physio'],
    );
    assert.deepEqual(
      (await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=100%25', 200)).organisations.map(
        (o) => o.orgName,
      ),
      ['100% Club'],
    );
    assert.deepEqual(
      (await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=%25%25%25', 200)).organisations,
      [],
    );
    assert.deepEqual(
      (await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=___', 200)).organisations,
      [],
    );
    // Fewer than three characters: refused, naming the field.
    const short = await runner.client.json<{ error: { code: string; message: string } }>(
      'GET',
      '/api/orgs/lookup?name=%20no%20',
      400,
    );
    assert.match(short.error.message, /^query\.name: /);

    // A member with no data of their own has nothing to share: no names either. Nobody signed in: 401.
    const refused = await coach.json<{ error: { code: string } }>('GET', '/api/orgs/lookup?name=north', 404);
    assert.equal(refused.error.code, 'ATHLETE_NOT_FOUND');
    await new Client(h.app).json('GET', '/api/orgs/lookup?name=north', 401);

    // The lookups are in the athlete's own trail, and in no organisation's.
    const trail = await runner.client.json<{
      entries: { route: string; reason: string; actorUserId: string }[];
    }>('GET', `/api/audit?athleteId=${runner.athleteId}`, 200);
    const lookups = trail.entries.filter((e) => e.route === 'GET /api/orgs/lookup');
    assert.equal(lookups.length, 5, 'the five lookups that ran (the refused one did not)');
    assert.ok(lookups.every((e) => e.actorUserId === runner.userId));
    assert.ok(lookups.some((e) => e.reason === 'looking up an organisation to share with: "north"'));
    for (const o of [owner, side.owner]) {
      const orgId = o === owner ? org.id : side.org.id;
      const log = await o.json<{ entries: { route: string }[] }>('GET', `/api/audit?orgId=${orgId}`, 200);
      assert.ok(!log.entries.some((e) => e.route === 'GET /api/orgs/lookup'));
    }

    // The id found is the one to share with: the clinic now reads what the athlete chose.
    await runner.client.json('POST', '/api/consents', 201, {
      athleteId: runner.athleteId,
      grantee: { orgId: org.id },
      categories: ['training'],
      purpose: 'coaching for my half marathon',
    });
    const shared = await owner.json<{ athletes: { id: string }[] }>('GET', '/api/athletes', 200);
    assert.ok(shared.athletes.some((a) => a.id === runner.athleteId));
  } finally {
    await h.close();
  }
});

pgTest('lookups beyond the limit in a window wait, and then go on', async (url) => {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'North Clinic', 'boss@north.test');
    const runner = await athlete(h, owner, org.id, 'zoe@runner.test');
    for (let i = 0; i < ORG_LOOKUP.perUser; i++) {
      await runner.client.json('GET', `/api/orgs/lookup?name=clinic${i}`, 200);
      h.clock.advance(1000);
    }
    const throttled = await runner.client.call('GET', '/api/orgs/lookup?name=north');
    assert.equal(throttled.status, 429);
    assert.equal(((await throttled.json()) as { error: { code: string } }).error.code, 'LOOKUP_THROTTLED');
    const retry = Number(throttled.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= ORG_LOOKUP.windowMs / 1000, `Retry-After ${retry}`);
    h.clock.advance(retry * 1000);
    await runner.client.json('POST', '/api/auth/login', 200, {
      email: 'zoe@runner.test',
      password: 'correct horse battery staple',
    });
    const after = await runner.client.json<Lookup>('GET', '/api/orgs/lookup?name=north', 200);
    assert.deepEqual(after.organisations, [{ orgId: org.id, orgName: 'North Clinic' }]);
  } finally {
    await h.close();
  }
});
