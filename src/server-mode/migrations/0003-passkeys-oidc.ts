/**
 * Passkeys and OIDC sign-in (issue 16 #1): credentials, single-use WebAuthn challenges, an organisation's
 * OpenID Connect issuer, the link from an issuer's subject to a user, and the short-lived state of a sign-in
 * in flight. Frozen in time: never import application code here.
 *
 * Like users and sessions these are account tables, read and written only through the migrating role's pool
 * when signing in. The application role owns none of them and is granted nothing on them (revoked outright, in
 * case a default privilege would grant it), so a request running as a user can never read a public key, a
 * client secret or a pending challenge.
 */
import { type Kysely, sql } from 'kysely';

const APP_ROLE = 'kneewise_app';

const TABLES = [
  'passkeys',
  'webauthn_challenges',
  'oidc_providers',
  'oidc_identities',
  'oidc_logins',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table passkeys (
      -- The credential id the authenticator chose (base64url): unique across every user.
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      -- COSE public key as the authenticator sent it.
      public_key bytea not null,
      -- The signature counter last seen (0 for authenticators that do not count).
      counter bigint not null check (counter >= 0),
      transports text[] not null default '{}',
      name text not null check (length(name) between 1 and 100),
      device_type text not null check (device_type in ('singleDevice', 'multiDevice')),
      backed_up boolean not null,
      created_at timestamptz not null,
      last_used_at timestamptz
    )`.execute(db);
  await sql`create index passkeys_user on passkeys(user_id)`.execute(db);
  // A challenge is used once: verifying deletes it in the statement that reads it.
  await sql`
    create table webauthn_challenges (
      challenge text primary key,
      purpose text not null check (purpose in ('registration', 'authentication')),
      -- Registration only: who is adding a passkey.
      user_id text references users(id) on delete cascade,
      expires_at timestamptz not null,
      check ((purpose = 'registration') = (user_id is not null))
    )`.execute(db);
  await sql`create index webauthn_challenges_expiry on webauthn_challenges(expires_at)`.execute(db);
  // One issuer per organisation. The client secret must be sent to the issuer, so it is kept as given.
  await sql`
    create table oidc_providers (
      org_id text primary key references organisations(id) on delete cascade,
      issuer text not null,
      client_id text not null,
      client_secret text not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table oidc_identities (
      issuer text not null,
      subject text not null,
      org_id text not null references organisations(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null,
      last_login_at timestamptz,
      primary key (issuer, subject),
      unique (org_id, user_id)
    )`.execute(db);
  // A sign-in between the redirect to the issuer and its return: keyed by the SHA-256 of the browser cookie's
  // token, holding the values the answer must match (state, nonce) and the PKCE verifier.
  await sql`
    create table oidc_logins (
      token_hash text primary key,
      org_id text not null references organisations(id) on delete cascade,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      expires_at timestamptz not null
    )`.execute(db);

  for (const table of TABLES) {
    await sql.raw(`revoke all on ${table} from ${APP_ROLE}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
