/**
 * OpenID Connect sign-in on a real PostgreSQL against an in-process issuer over real HTTP (discovery, JWKS, a
 * token endpoint checking the client secret and PKCE, ES256 ID tokens): an owner sets the issuer, a member signs
 * in by their verified e-mail the first time and by the issuer's subject after; a forged state, a forged nonce,
 * a sign-in started in another browser and a person the organisation never admitted are refused.
 */
import assert from 'node:assert/strict';
import { type IssuedIdentity, TestOidcIssuer } from '../../../test/support/oidc-issuer.ts';
import {
  Client,
  member,
  orgWithOwner,
  PASSWORD,
  PUBLIC_URL,
  pgTest,
  type ServerHarness,
  serverHarness,
} from '../server-test.support.ts';

async function withIssuer(url: string, fn: (h: ServerHarness, issuer: TestOidcIssuer) => Promise<void>) {
  const h = await serverHarness(url);
  const issuer = await new TestOidcIssuer().start();
  try {
    await fn(h, issuer);
  } finally {
    await issuer.stop();
    await h.close();
  }
}

async function northWithIssuer(h: ServerHarness, issuer: TestOidcIssuer) {
  const { org, owner } = await orgWithOwner(h, 'North Clinic', 'owner@north.test');
  const set = await owner.json<{ provider: { issuer: string; clientId: string; redirectUri: string } }>(
    'PUT',
    `/api/orgs/${org.id}/oidc`,
    200,
    { issuer: issuer.issuer, clientId: issuer.clientId, clientSecret: issuer.clientSecret },
  );
  assert.equal(set.provider.redirectUri, `${PUBLIC_URL}api/auth/oidc/callback`);
  assert.equal(JSON.stringify(set).includes(issuer.clientSecret), false, 'the secret is never sent back');
  return { org, owner };
}

/** A browser: start at kneewise, sign in at the issuer as `identity`, come back. Returns where it lands. */
async function signInThroughIssuer(
  browser: Client,
  orgId: string,
  issuer: TestOidcIssuer,
  identity: IssuedIdentity,
  forge: { state?: string; nonce?: string } = {},
) {
  const start = await browser.call('GET', `/api/auth/oidc/${orgId}/start`);
  assert.equal(start.status, 302);
  const back = issuer.authorize(start.headers.get('location') ?? '', identity, forge);
  assert.equal(`${back.origin}${back.pathname}`, `${PUBLIC_URL}api/auth/oidc/callback`);
  const landed = await browser.call('GET', `${back.pathname}${back.search}`);
  assert.equal(landed.status, 303);
  return new URL(landed.headers.get('location') ?? '');
}

pgTest(
  'a member signs in through the organisation’s issuer: by verified e-mail first, then by subject',
  async (url) => {
    await withIssuer(url, async (h, issuer) => {
      const { org, owner } = await northWithIssuer(h, issuer);
      await member(h, owner, org.id, 'physio@north.test', 'clinician');
      const providers = await new Client(h.app).json<{ providers: { orgId: string; orgName: string }[] }>(
        'GET',
        '/api/auth/oidc',
        200,
      );
      assert.deepEqual(providers.providers, [{ orgId: org.id, orgName: 'North Clinic' }]);

      const browser = new Client(h.app);
      const start = await browser.call('GET', `/api/auth/oidc/${org.id}/start`);
      const request = new URL(start.headers.get('location') ?? '');
      assert.equal(request.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(request.searchParams.get('state') && request.searchParams.get('nonce'));
      assert.match(
        browser.lastSetCookie ?? '',
        /^kneewise_oidc=[A-Za-z0-9_-]{43};.*Path=\/api\/auth\/oidc\/callback/,
      );
      assert.match(browser.lastSetCookie ?? '', /HttpOnly/);
      const back = issuer.authorize(request.toString(), {
        sub: 'north-4711',
        email: 'Physio@North.test',
        email_verified: true,
      });
      const landed = await browser.call('GET', `${back.pathname}${back.search}`);
      assert.equal(landed.status, 303);
      assert.equal(landed.headers.get('location'), PUBLIC_URL);
      const me = await browser.json<{ user: { email: string }; memberships: { role: string }[] }>(
        'GET',
        '/api/auth/me',
        200,
      );
      assert.equal(me.user.email, 'physio@north.test');
      assert.deepEqual(
        me.memberships.map((m) => m.role),
        ['clinician'],
      );

      // Linked by subject now: a later sign-in works whatever e-mail the issuer reports.
      const again = new Client(h.app);
      const second = await signInThroughIssuer(again, org.id, issuer, { sub: 'north-4711' });
      assert.equal(second.hash, '');
      await again.json('GET', '/api/auth/me', 200);
      const links = await h.store.system.selectFrom('oidc_identities').selectAll().execute();
      assert.deepEqual(
        links.map((l) => [l.issuer, l.subject]),
        [[issuer.issuer, 'north-4711']],
      );

      // The callback used once cannot be used again (its login row and code are spent).
      const replay = await again.call('GET', `${back.pathname}${back.search}`);
      assert.match(replay.headers.get('location') ?? '', /#oidc-error=OIDC_STATE_MISMATCH$/);

      // A member removed from the organisation no longer signs in through its issuer.
      await h.store.system
        .deleteFrom('memberships')
        .where('org_id', '=', org.id)
        .where('role', '=', 'clinician')
        .execute();
      const removed = await signInThroughIssuer(new Client(h.app), org.id, issuer, { sub: 'north-4711' });
      assert.equal(removed.hash, '#oidc-error=OIDC_NOT_LINKED');
    });
  },
);

pgTest('a forged state, a forged nonce and a sign-in started in another browser are refused', async (url) => {
  await withIssuer(url, async (h, issuer) => {
    const { org, owner } = await northWithIssuer(h, issuer);
    await member(h, owner, org.id, 'physio@north.test', 'clinician');
    const physio = { sub: 'north-4711', email: 'physio@north.test', email_verified: true };

    const tokenRequestsBefore = issuer.tokenRequests;
    const forgedState = new Client(h.app);
    const stateLanding = await signInThroughIssuer(forgedState, org.id, issuer, physio, {
      state: 'forged-state',
    });
    assert.equal(stateLanding.hash, '#oidc-error=OIDC_STATE_MISMATCH');
    assert.equal(issuer.tokenRequests, tokenRequestsBefore, 'a wrong state never reaches the token endpoint');
    assert.equal((await forgedState.call('GET', '/api/auth/me')).status, 401);

    const forgedNonce = new Client(h.app);
    const nonceLanding = await signInThroughIssuer(forgedNonce, org.id, issuer, physio, {
      nonce: 'forged-nonce',
    });
    assert.equal(nonceLanding.hash, '#oidc-error=OIDC_REFUSED');
    assert.equal(
      issuer.tokenRequests,
      tokenRequestsBefore + 1,
      'the ID token was fetched and its nonce refused',
    );
    assert.equal((await forgedNonce.call('GET', '/api/auth/me')).status, 401);

    // Login CSRF: an attacker starts a sign-in and sends the return link to a victim's browser.
    const attacker = new Client(h.app);
    const start = await attacker.call('GET', `/api/auth/oidc/${org.id}/start`);
    const back = issuer.authorize(start.headers.get('location') ?? '', physio);
    const victim = new Client(h.app);
    const landed = await victim.call('GET', `${back.pathname}${back.search}`);
    assert.match(landed.headers.get('location') ?? '', /#oidc-error=OIDC_STATE_MISMATCH$/);
    assert.equal(victim.cookie, null);

    assert.equal(
      await h.store.system
        .selectFrom('oidc_identities')
        .selectAll()
        .execute()
        .then((r) => r.length),
      0,
    );
  });
});

pgTest('people the organisation never admitted are refused; only owners set the issuer', async (url) => {
  await withIssuer(url, async (h, issuer) => {
    const { org, owner } = await northWithIssuer(h, issuer);
    const coach = await member(h, owner, org.id, 'coach@north.test', 'coach');
    const { org: south } = await orgWithOwner(h, 'South Clinic', 'owner@south.test');

    // Unknown to kneewise: no account is made.
    const unknown = await signInThroughIssuer(new Client(h.app), org.id, issuer, {
      sub: 'north-9999',
      email: 'new.hire@north.test',
      email_verified: true,
    });
    assert.equal(unknown.hash, '#oidc-error=OIDC_NOT_LINKED');
    assert.equal(
      await h.store.system
        .selectFrom('users')
        .where('email', '=', 'new.hire@north.test')
        .selectAll()
        .execute()
        .then((r) => r.length),
      0,
    );
    // A member's e-mail the issuer has not verified links nobody.
    const unverified = await signInThroughIssuer(new Client(h.app), org.id, issuer, {
      sub: 'north-1234',
      email: 'coach@north.test',
      email_verified: false,
    });
    assert.equal(unverified.hash, '#oidc-error=OIDC_NOT_LINKED');
    // An account of another organisation is not this issuer's to sign in.
    const other = await signInThroughIssuer(new Client(h.app), org.id, issuer, {
      sub: 'north-5555',
      email: 'owner@south.test',
      email_verified: true,
    });
    assert.equal(other.hash, '#oidc-error=OIDC_NOT_LINKED');

    // Only an owner sees or sets the issuer; South's organisation has none to start.
    assert.equal((await coach.call('GET', `/api/orgs/${org.id}/oidc`)).status, 404);
    const coachPut = await coach.call('PUT', `/api/orgs/${org.id}/oidc`, {
      issuer: issuer.issuer,
      clientId: 'x',
      clientSecret: 'y',
    });
    assert.equal(coachPut.status, 404);
    assert.equal((await new Client(h.app).call('GET', `/api/auth/oidc/${south.id}/start`)).status, 404);
    const bad = await owner.call('PUT', `/api/orgs/${org.id}/oidc`, {
      issuer: 'http://idp.example/realms/x',
      clientId: 'x',
      clientSecret: 'y',
    });
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { error: { message: string } }).error.message,
      /^issuer: expected an https/,
    );
    // The password sign-in is untouched.
    await new Client(h.app).json('POST', '/api/auth/login', 200, {
      email: 'coach@north.test',
      password: PASSWORD,
    });
  });
});
