/**
 * Signing in and out, and recognising a session cookie. Sessions are rows keyed by the SHA-256 of a random
 * token; they end after idle time or an absolute limit (domain/session-expiry.ts). Failed logins are counted
 * per account and per address and slow down guessing (domain/login-throttle.ts).
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { DEFAULT_THROTTLE, loginThrottle, type ThrottlePolicy } from '../domain/login-throttle.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy, sessionVerdict } from '../domain/session-expiry.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import { decoyPasswordHash, hashToken, newToken, verifyPassword } from './secrets.ts';

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
}

export interface Session {
  user: SignedInUser;
  createdAt: Date;
  /** When the password was last entered on this session. */
  authenticatedAt: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The failure ledger's account for passkey sign-ins (which name no account); no e-mail address can be this. */
const PASSKEY_ACCOUNT = '(passkey sign-in)';

export class AuthService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly now: () => Date,
    private readonly sessionPolicy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly throttlePolicy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** Returns the new session's token (for the cookie) or throws INVALID_LOGIN / LOGIN_THROTTLED. */
  async login(
    emailInput: string,
    password: string,
    address: string,
  ): Promise<{ token: string; session: Session }> {
    const email = normaliseEmail(emailInput);
    const now = this.now();
    await this.refuseIfThrottled(email, address, now);
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'password_hash', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    const hash = user?.password_hash ?? (await decoyPasswordHash());
    const matches = await verifyPassword(hash, password);
    if (!user?.password_hash || user.disabled_at !== null || !matches) {
      await this.db
        .insertInto('login_failures')
        .values({ id: newId(now.getTime()), account: email, address, at: now })
        .execute();
      // One message for every cause: which addresses have accounts is nobody's business.
      throw new KneewiseError('INVALID_LOGIN', 'e-mail or password is not right', 'input', {
        httpStatus: 401,
      });
    }
    return this.startSession({ id: user.id, email: user.email, displayName: user.display_name }, address);
  }

  /**
   * Passkey sign-in names no account, so its failures are counted per client address only (recorded under an
   * account name no e-mail can have, which is never checked) and throttled like password logins from one
   * address: 30 failures in 15 minutes, then 429.
   */
  async refusePasskeyIfThrottled(address: string): Promise<void> {
    await this.refuseIfThrottled(null, address, this.now());
  }

  async recordPasskeyFailure(address: string): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('login_failures')
      .values({ id: newId(now.getTime()), account: PASSKEY_ACCOUNT, address, at: now })
      .execute();
  }

  /**
   * A new session for a user who has just proved who they are (password, passkey or their organisation's
   * OpenID Connect issuer): it counts as a recent authentication. Callers check the user is not disabled.
   */
  async startSession(user: SignedInUser, address: string): Promise<{ token: string; session: Session }> {
    const now = this.now();
    const token = newToken();
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        authenticated_at: now,
        address,
      })
      .execute();
    return { token, session: { user, createdAt: now, authenticatedAt: now } };
  }

  /** `email` null: no account is named (passkey sign-in), so only the address's failures count. */
  private async refuseIfThrottled(email: string | null, address: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.throttlePolicy.windowMs);
    const [byAccount, byAddress] = await Promise.all([
      email === null
        ? []
        : this.db
            .selectFrom('login_failures')
            .select('at')
            .where('account', '=', email)
            .where('at', '>', since)
            .execute(),
      this.db
        .selectFrom('login_failures')
        .select('at')
        .where('address', '=', address)
        .where('at', '>', since)
        .execute(),
    ]);
    const verdict = loginThrottle(
      { accountMs: byAccount.map((r) => r.at.getTime()), addressMs: byAddress.map((r) => r.at.getTime()) },
      now.getTime(),
      this.throttlePolicy,
    );
    if (!verdict.allowed) {
      throw new KneewiseError(
        'LOGIN_THROTTLED',
        `too many failed logins for this ${verdict.scope === 'account' ? 'account' : 'address'}: ` +
          `try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} min`,
        'input',
        { httpStatus: 429, retryAfterSeconds: verdict.retryAfterSeconds },
      );
    }
  }

  /** The session a cookie token opens, or null (unknown, idle, past its absolute end, user disabled). */
  async authenticate(token: string): Promise<Session | null> {
    const tokenHash = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.authenticated_at',
        'users.id',
        'users.email',
        'users.display_name',
        'users.disabled_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row || row.disabled_at !== null) return null;
    const now = this.now();
    const verdict = sessionVerdict(
      { createdAtMs: row.created_at.getTime(), lastSeenAtMs: row.last_seen_at.getTime() },
      now.getTime(),
      this.sessionPolicy,
    );
    if (!verdict.valid) {
      await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
      return null;
    }
    if (verdict.touch) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('token_hash', '=', tokenHash)
        .execute();
    }
    return {
      user: { id: row.id, email: row.email, displayName: row.display_name },
      createdAt: row.created_at,
      authenticatedAt: row.authenticated_at,
    };
  }

  /**
   * Enters the password again on a signed-in session (before sharing, inviting, exporting or deleting).
   * Counted and throttled like a login: a stolen session cannot be used to guess the password.
   */
  async reauthenticate(token: string, session: Session, password: string, address: string): Promise<Date> {
    const now = this.now();
    await this.refuseIfThrottled(session.user.email, address, now);
    const row = await this.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', session.user.id)
      .executeTakeFirst();
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, password))) {
      await this.db
        .insertInto('login_failures')
        .values({ id: newId(now.getTime()), account: session.user.email, address, at: now })
        .execute();
      throw new KneewiseError('INVALID_LOGIN', 'password: not right', 'input', { httpStatus: 401 });
    }
    await this.db
      .updateTable('sessions')
      .set({ authenticated_at: now })
      .where('token_hash', '=', hashToken(token))
      .execute();
    return now;
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  }

  /** Ends every session of a user (after a password reset). */
  async endAllSessions(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
}
