/**
 * Passkeys on a real PostgreSQL with a software authenticator (real ES256 keys, real CBOR, the server's real
 * verifier): adding one needs a recent password; signing in with it opens a session that counts as a recent
 * authentication; a forged signature, a replayed challenge and a counter that went backwards are refused.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SoftwareAuthenticator } from '../../../test/support/webauthn-authenticator.ts';
import {
  Client,
  orgWithOwner,
  PUBLIC_URL,
  pgTest,
  type ServerHarness,
  serverHarness,
} from '../server-test.support.ts';

interface Options {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

function authenticator(): SoftwareAuthenticator {
  return new SoftwareAuthenticator(new URL(PUBLIC_URL).origin, new URL(PUBLIC_URL).hostname);
}

async function registerPasskey(client: Client, device: SoftwareAuthenticator, name = 'Laptop') {
  const { options } = await client.json<{ options: Options }>(
    'POST',
    '/api/auth/passkeys/registration/options',
    200,
  );
  return client.json<{ passkey: { id: string; name: string } }>(
    'POST',
    '/api/auth/passkeys/registration/verify',
    201,
    {
      name,
      response: device.register(options),
    },
  );
}

async function loginOptions(h: ServerHarness, visitor = new Client(h.app)) {
  const { options } = await visitor.json<{ options: { challenge: string; allowCredentials?: unknown[] } }>(
    'POST',
    '/api/auth/passkeys/login/options',
    200,
  );
  return { visitor, options };
}

async function refusal(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

pgTest(
  'a passkey is added after a recent password, then signs in alone as a recent authentication',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { org, owner } = await orgWithOwner(h, 'North Clinic', 'owner@north.test');
      const device = authenticator();

      // Adding a passkey needs the password within the last 10 minutes, like sharing or inviting.
      h.clock.advance(11 * 60_000);
      const stale = await owner.call('POST', '/api/auth/passkeys/registration/options');
      assert.equal((await refusal(stale)).code, 'REAUTHENTICATION_REQUIRED');
      await owner.json('POST', '/api/auth/reauthenticate', 200, { password: 'correct horse battery staple' });

      const { passkey } = await registerPasskey(owner, device);
      assert.equal(passkey.name, 'Laptop');
      const listed = await owner.json<{ passkeys: { id: string; name: string; transports: string[] }[] }>(
        'GET',
        '/api/auth/passkeys',
        200,
      );
      assert.deepEqual(
        listed.passkeys.map((p) => [p.id, p.name, p.transports]),
        [[passkey.id, 'Laptop', ['internal']]],
      );
      const stored = await h.store.system.selectFrom('passkeys').selectAll().executeTakeFirstOrThrow();
      assert.equal(Number(stored.counter), 0);
      assert.ok(stored.public_key.length > 60, 'the COSE public key is stored');

      // Usernameless: the sign-in options name no account.
      const { visitor, options } = await loginOptions(h);
      assert.deepEqual(options.allowCredentials ?? [], []);
      const me = await visitor.json<{ user: { email: string }; memberships: { orgId: string }[] }>(
        'POST',
        '/api/auth/passkeys/login/verify',
        200,
        { response: device.assert(options) },
      );
      assert.equal(me.user.email, 'owner@north.test');
      assert.deepEqual(
        me.memberships.map((m) => m.orgId),
        [org.id],
      );
      assert.match(visitor.lastSetCookie ?? '', /^kneewise_session=[A-Za-z0-9_-]{43};.*HttpOnly/);
      await visitor.json('GET', '/api/auth/me', 200);
      // Counts as a recent authentication: inviting works without the password.
      await visitor.json('POST', `/api/orgs/${org.id}/invitations`, 201, {
        purpose: 'member',
        email: 'physio@north.test',
        role: 'clinician',
      });
      const after = await h.store.system.selectFrom('passkeys').selectAll().executeTakeFirstOrThrow();
      assert.equal(Number(after.counter), 1, 'the signature counter is recorded');
      assert.ok(after.last_used_at);
    } finally {
      await h.close();
    }
  },
);

pgTest('a forged signature, a replayed challenge and a counter going backwards are refused', async (url) => {
  const h = await serverHarness(url);
  try {
    const { owner } = await orgWithOwner(h, 'North Clinic', 'owner@north.test');
    const device = authenticator();
    await registerPasskey(owner, device);

    // Signed by a key the server never saw.
    const forged = await loginOptions(h);
    const wrongKey = await forged.visitor.call('POST', '/api/auth/passkeys/login/verify', {
      response: device.assert(forged.options, { signWith: SoftwareAuthenticator.strangerKey() }),
    });
    const wrong = await refusal(wrongKey);
    assert.equal(wrong.status, 401);
    assert.equal(wrong.code, 'PASSKEY_REFUSED');
    assert.match(wrong.message, /does not verify|signature/i);
    assert.equal(forged.visitor.cookie, null, 'no session for a forged answer');

    // A good answer works once; the same answer again finds its challenge spent.
    const good = await loginOptions(h);
    const answer = device.assert(good.options);
    await good.visitor.json('POST', '/api/auth/passkeys/login/verify', 200, { response: answer });
    const replayer = new Client(h.app);
    const replayed = await refusal(
      await replayer.call('POST', '/api/auth/passkeys/login/verify', { response: answer }),
    );
    assert.equal(replayed.status, 401);
    assert.match(replayed.message, /already used/);
    // A challenge the server never issued is refused the same way.
    const invented = await refusal(
      await replayer.call('POST', '/api/auth/passkeys/login/verify', {
        response: device.assert({ challenge: Buffer.from('not issued by kneewise!').toString('base64url') }),
      }),
    );
    assert.match(invented.message, /unknown, already used or expired/);

    // The good answer carried the device's count 2 (the forged one, refused, was not stored): a clone that
    // still counts 1 is refused.
    const stored = await h.store.system.selectFrom('passkeys').select('counter').executeTakeFirstOrThrow();
    assert.equal(Number(stored.counter), 2);
    const cloned = await loginOptions(h);
    const regressed = await refusal(
      await cloned.visitor.call('POST', '/api/auth/passkeys/login/verify', {
        response: device.assert(cloned.options, { counter: 1 }),
      }),
    );
    assert.equal(regressed.status, 401);
    assert.match(regressed.message, /counter/i);
    assert.equal(cloned.visitor.cookie, null);

    // An expired challenge (five minutes) is refused too.
    const slow = await loginOptions(h);
    h.clock.advance(5 * 60_000 + 1);
    const late = await refusal(
      await slow.visitor.call('POST', '/api/auth/passkeys/login/verify', {
        response: device.assert(slow.options),
      }),
    );
    assert.match(late.message, /expired/);
  } finally {
    await h.close();
  }
});

pgTest('passkeys are the owner’s: listed, removed and then refused; the app role reads none', async (url) => {
  const h = await serverHarness(url);
  try {
    const { owner } = await orgWithOwner(h, 'North Clinic', 'owner@north.test');
    const { owner: stranger } = await orgWithOwner(h, 'South Clinic', 'owner@south.test');
    const device = authenticator();
    const { passkey } = await registerPasskey(owner, device, 'Phone');
    await registerPasskey(stranger, authenticator(), 'Key');

    // A registration answer is bound to the user who asked for its options.
    const { options } = await owner.json<{ options: Options }>(
      'POST',
      '/api/auth/passkeys/registration/options',
      200,
    );
    const stolen = await refusal(
      await stranger.call('POST', '/api/auth/passkeys/registration/verify', {
        name: 'Stolen',
        response: authenticator().register(options),
      }),
    );
    assert.equal(stolen.code, 'PASSKEY_REFUSED');

    const theirs = await stranger.json<{ passkeys: { name: string }[] }>('GET', '/api/auth/passkeys', 200);
    assert.deepEqual(
      theirs.passkeys.map((p) => p.name),
      ['Key'],
    );
    const notYours = await stranger.call('DELETE', `/api/auth/passkeys/${passkey.id}`);
    assert.equal(notYours.status, 404);
    assert.equal((await owner.call('DELETE', `/api/auth/passkeys/${passkey.id}`)).status, 204);
    const gone = await loginOptions(h);
    const refused = await refusal(
      await gone.visitor.call('POST', '/api/auth/passkeys/login/verify', {
        response: device.assert(gone.options),
      }),
    );
    assert.equal(refused.status, 401);
    assert.match(refused.message, /not registered/);

    // The application role has no privilege on the credential tables at all.
    for (const table of ['passkeys', 'webauthn_challenges']) {
      await assert.rejects(
        h.store.system.transaction().execute(async (trx) => {
          await sql`set local role kneewise_app`.execute(trx);
          await sql.raw(`select count(*) from ${table}`).execute(trx);
        }),
        /permission denied/,
      );
    }
  } finally {
    await h.close();
  }
});

pgTest(
  'failed passkey answers are throttled per address like wrong passwords, then a good one waits',
  async (url) => {
    const h = await serverHarness(url);
    try {
      const { owner } = await orgWithOwner(h, 'North Clinic', 'owner@north.test');
      const device = authenticator();
      await registerPasskey(owner, device);
      const visitor = new Client(h.app);
      const invented = () =>
        visitor.call('POST', '/api/auth/passkeys/login/verify', {
          response: device.assert({ challenge: Buffer.from('never issued here').toString('base64url') }),
        });
      for (let i = 0; i < 30; i++) assert.equal((await refusal(await invented())).code, 'PASSKEY_REFUSED');
      const throttled = await invented();
      assert.equal(throttled.status, 429);
      assert.equal((await refusal(throttled)).code, 'LOGIN_THROTTLED');
      // Even a good answer from that address waits out the window; the password ledger's accounts are untouched.
      const { options } = await loginOptions(h, visitor);
      const good = await visitor.call('POST', '/api/auth/passkeys/login/verify', {
        response: device.assert(options),
      });
      assert.equal(good.status, 429);
      h.clock.advance(15 * 60_000 + 1);
      const later = await loginOptions(h, visitor);
      await visitor.json('POST', '/api/auth/passkeys/login/verify', 200, {
        response: device.assert(later.options),
      });
    } finally {
      await h.close();
    }
  },
);
