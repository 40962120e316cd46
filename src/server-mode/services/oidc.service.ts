/**
 * Signing in through a clinic's own identity provider (OpenID Connect, authorization code with PKCE, state and
 * nonce, via openid-client). An organisation's owner, or `kneewise admin oidc`, names the issuer and the client
 * kneewise is registered as. The browser gets a random cookie token; its SHA-256 keys a row holding the state,
 * nonce and PKCE verifier for ten minutes, used once.
 *
 * Who may sign in: the issuer's subject once linked to a user who is still a member of that organisation. The
 * first time, the link is made only to an existing member of the organisation whose e-mail the issuer says it
 * has verified. No account is ever made here: people join by their invitation link first (POST /api/join), so a
 * misconfigured or hostile issuer cannot create members, and it can reach only the people its organisation
 * already admitted.
 */
import type { Kysely } from 'kysely';
import { KneewiseError } from '../../domain/errors.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import type { SignedInUser } from './auth.service.ts';
import { normaliseEmail } from './auth.service.ts';
import { orgNotFound } from './organisation.service.ts';
import { hashToken, newToken } from './secrets.ts';

export const OIDC_LOGIN_TTL_MS = 10 * 60_000;
export const OIDC_CALLBACK_PATH = 'api/auth/oidc/callback';

export interface OidcProviderInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface OidcProviderView {
  orgId: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  updatedAt: string;
}

function openidClient() {
  return import('openid-client');
}

/** Plain http only for an issuer on this machine (a development identity provider); https everywhere else. */
export function issuerUrl(issuer: string, field = 'issuer'): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new KneewiseError(
      'OIDC_ISSUER_INVALID',
      `${field}: expected an https:// URL, got "${issuer.slice(0, 200)}"`,
    );
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new KneewiseError(
      'OIDC_ISSUER_INVALID',
      `${field}: expected an https:// URL (plain http only on localhost), got "${issuer.slice(0, 200)}"`,
    );
  }
  if (url.search || url.hash) {
    throw new KneewiseError('OIDC_ISSUER_INVALID', `${field}: an issuer has no query or fragment`);
  }
  return url;
}

export function oidcRefused(code: string, message: string): KneewiseError {
  return new KneewiseError(code, message, 'input', { httpStatus: 401 });
}

export class OidcService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly now: () => Date,
    private readonly publicUrl: () => string,
  ) {}

  redirectUri(): string {
    return new URL(OIDC_CALLBACK_PATH, this.publicUrl()).toString();
  }

  private async configuration(provider: OidcProviderInput) {
    const client = await openidClient();
    const url = issuerUrl(provider.issuer);
    try {
      return await client.discovery(
        url,
        provider.clientId,
        provider.clientSecret,
        undefined,
        url.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    } catch (error) {
      throw new KneewiseError(
        'OIDC_DISCOVERY_FAILED',
        `issuer: could not read ${url.href} (.well-known/openid-configuration): ` +
          (error instanceof Error ? error.message : String(error)),
        'input',
        { httpStatus: 502 },
      );
    }
  }

  /** Sets (or replaces) an organisation's issuer, after checking the issuer answers its discovery document. */
  async configure(orgId: string, input: OidcProviderInput): Promise<OidcProviderView> {
    const org = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org) throw orgNotFound(orgId);
    await this.configuration(input);
    const now = this.now();
    const row = {
      org_id: orgId,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret: input.clientSecret,
      updated_at: now,
    };
    await this.db
      .insertInto('oidc_providers')
      .values(row)
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({
          issuer: row.issuer,
          client_id: row.client_id,
          client_secret: row.client_secret,
          updated_at: now,
        }),
      )
      .execute();
    return this.view(row);
  }

  async provider(orgId: string): Promise<OidcProviderView | null> {
    const row = await this.db
      .selectFrom('oidc_providers')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row ? this.view(row) : null;
  }

  /** Removes the issuer and every link made through it: members sign in with a password or passkey again. */
  async remove(orgId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('oidc_identities').where('org_id', '=', orgId).execute();
      const gone = await trx
        .deleteFrom('oidc_providers')
        .where('org_id', '=', orgId)
        .returning('org_id')
        .execute();
      return gone.length > 0;
    });
  }

  /** Organisations whose members may sign in through their issuer (for the sign-in screen's buttons). */
  async providers(): Promise<{ orgId: string; orgName: string }[]> {
    return this.db
      .selectFrom('oidc_providers')
      .innerJoin('organisations', 'organisations.id', 'oidc_providers.org_id')
      .select(['organisations.id as orgId', 'organisations.name as orgName'])
      .orderBy('organisations.name')
      .execute();
  }

  private view(row: {
    org_id: string;
    issuer: string;
    client_id: string;
    updated_at: Date;
  }): OidcProviderView {
    return {
      orgId: row.org_id,
      issuer: row.issuer,
      clientId: row.client_id,
      redirectUri: this.redirectUri(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** The issuer's authorization URL to send the browser to, and the cookie token that ties the return to it. */
  async start(orgId: string): Promise<{ redirectTo: URL; cookieToken: string }> {
    const provider = await this.db
      .selectFrom('oidc_providers')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!provider) {
      throw new KneewiseError(
        'OIDC_NOT_CONFIGURED',
        `no sign-in issuer for organisation ${orgId.slice(0, 100)}`,
        'not-found',
      );
    }
    const client = await openidClient();
    const config = await this.configuration({
      issuer: provider.issuer,
      clientId: provider.client_id,
      clientSecret: provider.client_secret,
    });
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const redirectTo = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const cookieToken = newToken();
    const now = this.now();
    await this.db.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('oidc_logins')
      .values({
        token_hash: hashToken(cookieToken),
        org_id: orgId,
        state,
        nonce,
        code_verifier: codeVerifier,
        expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MS),
      })
      .execute();
    return { redirectTo, cookieToken };
  }

  /**
   * The issuer sent the browser back: checks state, exchanges the code (PKCE), checks the ID token (signature,
   * issuer, audience, expiry, nonce) and returns the linked user. Throws OIDC_* (401) otherwise.
   */
  async finish(cookieToken: string | null, query: URLSearchParams): Promise<SignedInUser> {
    const pending = cookieToken
      ? await this.db
          .deleteFrom('oidc_logins')
          .where('token_hash', '=', hashToken(cookieToken))
          .where('expires_at', '>', this.now())
          .returningAll()
          .executeTakeFirst()
      : undefined;
    if (!pending) {
      throw oidcRefused(
        'OIDC_STATE_MISMATCH',
        'this sign-in was not started here, was used already or took over 10 minutes',
      );
    }
    if (query.get('state') !== pending.state) {
      throw oidcRefused(
        'OIDC_STATE_MISMATCH',
        'state: the answer is not for the sign-in this browser started',
      );
    }
    const issuerError = query.get('error');
    if (issuerError) {
      throw oidcRefused('OIDC_REFUSED', `the issuer refused: ${issuerError.slice(0, 100)}`);
    }
    const provider = await this.db
      .selectFrom('oidc_providers')
      .selectAll()
      .where('org_id', '=', pending.org_id)
      .executeTakeFirst();
    if (!provider)
      throw oidcRefused('OIDC_NOT_CONFIGURED', 'the organisation no longer signs in through an issuer');
    const client = await openidClient();
    const config = await this.configuration({
      issuer: provider.issuer,
      clientId: provider.client_id,
      clientSecret: provider.client_secret,
    });
    const currentUrl = new URL(this.redirectUri());
    currentUrl.search = query.toString();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (error) {
      throw oidcRefused(
        'OIDC_REFUSED',
        `the issuer's answer does not verify: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!claims || typeof claims.sub !== 'string' || typeof claims.iss !== 'string') {
      throw oidcRefused('OIDC_REFUSED', 'the ID token has no subject');
    }
    return this.linkedUser(pending.org_id, claims.iss, claims.sub, claims);
  }

  private async linkedUser(
    orgId: string,
    issuer: string,
    subject: string,
    claims: Record<string, unknown>,
  ): Promise<SignedInUser> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const member = (userId: string | undefined, email: string | undefined) => {
        let query = trx
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.id', 'users.email', 'users.display_name'])
          .where('memberships.org_id', '=', orgId)
          .where('users.disabled_at', 'is', null);
        if (userId !== undefined) query = query.where('users.id', '=', userId);
        if (email !== undefined) query = query.where('users.email', '=', email);
        return query.executeTakeFirst();
      };
      const link = await trx
        .selectFrom('oidc_identities')
        .select(['user_id', 'org_id'])
        .where('issuer', '=', issuer)
        .where('subject', '=', subject)
        .executeTakeFirst();
      if (link) {
        const user = link.org_id === orgId ? await member(link.user_id, undefined) : undefined;
        if (!user) throw notLinked();
        await trx
          .updateTable('oidc_identities')
          .set({ last_login_at: now })
          .where('issuer', '=', issuer)
          .where('subject', '=', subject)
          .execute();
        return { id: user.id, email: user.email, displayName: user.display_name };
      }
      const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : null;
      if (claims.email_verified !== true || !email) throw notLinked();
      const user = await member(undefined, email);
      if (!user) throw notLinked();
      const inserted = await trx
        .insertInto('oidc_identities')
        .values({ issuer, subject, org_id: orgId, user_id: user.id, created_at: now, last_login_at: now })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
        .returning('user_id')
        .executeTakeFirst();
      // The member is linked to another identity of this issuer already: one person, one subject.
      if (!inserted) throw notLinked();
      return { id: user.id, email: user.email, displayName: user.display_name };
    });
  }
}

function notLinked(): KneewiseError {
  return oidcRefused(
    'OIDC_NOT_LINKED',
    'no member of this organisation matches this sign-in: join with your invitation link first, with the ' +
      'e-mail address your organisation’s sign-in has verified',
  );
}
