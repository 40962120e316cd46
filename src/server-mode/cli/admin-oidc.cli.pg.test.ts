/**
 * `kneewise admin oidc` as an administrator runs it: the issuer is checked (discovery) before it is kept, the
 * redirect URI to register is printed, the secret can come from the environment, and --remove undoes it.
 */
import assert from 'node:assert/strict';
import { cliWithEnv } from '../../../test/support/cli-in-process.ts';
import { TestOidcIssuer } from '../../../test/support/oidc-issuer.ts';
import { openServerDatabase } from '../repositories/server-database.ts';
import { pgTest } from '../server-test.support.ts';

const cli = cliWithEnv;

pgTest(
  'admin oidc sets an organisation’s issuer after checking it, and --remove takes it away',
  async (url) => {
    const issuer = await new TestOidcIssuer().start();
    const base = ['--db', url, 'admin'];
    const publicUrl = ['--public-url', 'https://kneewise.north.example/'];
    try {
      assert.equal(
        (await cli([...base, 'create-org', 'North Clinic', '--owner', 'boss@north.test'])).code,
        0,
      );

      const missing = await cli([...base, 'oidc', 'North Clinic', '--issuer', issuer.issuer]);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--client-id, --client-secret \(or KNEEWISE_OIDC_CLIENT_SECRET\)/);

      const unreachable = await cli(
        [...base, 'oidc', 'North Clinic', '--issuer', 'http://127.0.0.1:9/nowhere', '--client-id', 'a'],
        { KNEEWISE_OIDC_CLIENT_SECRET: 'b' },
      );
      assert.notEqual(unreachable.code, 0);
      assert.match(unreachable.err, /OIDC_DISCOVERY_FAILED/);

      const set = await cli(
        [
          ...base,
          'oidc',
          'North Clinic',
          '--issuer',
          issuer.issuer,
          '--client-id',
          issuer.clientId,
          ...publicUrl,
        ],
        { KNEEWISE_OIDC_CLIENT_SECRET: issuer.clientSecret },
      );
      assert.equal(set.code, 0, set.err);
      assert.equal(set.out, 'https://kneewise.north.example/api/auth/oidc/callback\n');
      assert.match(set.err, /North Clinic signs in through http:\/\/127\.0\.0\.1:\d+\/realms\/north/);

      const store = await openServerDatabase(url);
      try {
        const rows = await store.system.selectFrom('oidc_providers').selectAll().execute();
        assert.deepEqual(
          rows.map((r) => [r.issuer, r.client_id, r.client_secret]),
          [[issuer.issuer, issuer.clientId, issuer.clientSecret]],
        );
      } finally {
        await store.close();
      }

      const removed = await cli([...base, 'oidc', 'North Clinic', '--remove', '--json']);
      assert.equal(removed.code, 0);
      assert.equal((JSON.parse(removed.out) as { removed: boolean }).removed, true);
      const unknown = await cli([...base, 'oidc', 'South Clinic', '--remove']);
      assert.match(unknown.err, /no organisation named or with id "South Clinic"/);
    } finally {
      await issuer.stop();
    }
  },
);
