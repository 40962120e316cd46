/**
 * Passkeys (WebAuthn, verified by @simplewebauthn/server): a signed-in user adds one after entering their
 * password recently, then signs in with it alone. Every challenge is made here, stored for five minutes and
 * deleted by the statement that accepts it, so an answer is good once; the signature counter must grow for
 * authenticators that count, so a cloned key shows itself. Sign-in is usernameless (discoverable credentials):
 * the options name no account, so they reveal nothing about who has one.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { KneewiseError } from '../../domain/errors.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import type { SignedInUser } from './auth.service.ts';

export const CHALLENGE_TTL_MS = 5 * 60_000;
const RP_NAME = 'kneewise';

export interface PasskeySummary {
  id: string;
  name: string;
  transports: string[];
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Loaded on first use: a single runner never needs it. */
function webauthn() {
  return import('@simplewebauthn/server');
}

function refused(message: string): KneewiseError {
  return new KneewiseError('PASSKEY_REFUSED', message, 'input', { httpStatus: 401 });
}

/** The challenge the browser signed, read from clientDataJSON (checked again, fully, by the verifier). */
export function signedChallenge(clientDataJSON: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    if (typeof parsed.challenge === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(parsed.challenge)) {
      return parsed.challenge;
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw refused('response.clientDataJSON: expected the browser’s client data holding a challenge');
}

export class PasskeyService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly now: () => Date,
    /** Read per call: `serve --server --port 0` learns its public URL only once it listens. */
    private readonly publicUrl: () => string,
  ) {}

  private relyingParty() {
    const url = new URL(this.publicUrl());
    return { rpID: url.hostname, origin: url.origin };
  }

  private async storeChallenge(
    challenge: string,
    purpose: 'registration' | 'authentication',
    userId: string | null,
  ): Promise<void> {
    const now = this.now();
    // Abandoned ceremonies leave rows behind: sweep the expired ones as new ones are made.
    await this.db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('webauthn_challenges')
      .values({
        challenge,
        purpose,
        user_id: userId,
        expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS),
      })
      .execute();
  }

  /** Deletes and returns the challenge if it was issued for this purpose (and user) and has not expired. */
  private async takeChallenge(
    challenge: string,
    purpose: 'registration' | 'authentication',
    userId: string | null,
  ): Promise<boolean> {
    let query = this.db
      .deleteFrom('webauthn_challenges')
      .where('challenge', '=', challenge)
      .where('purpose', '=', purpose)
      .where('expires_at', '>', this.now());
    if (userId !== null) query = query.where('user_id', '=', userId);
    const row = await query.returning('challenge').executeTakeFirst();
    return row !== undefined;
  }

  async registrationOptions(user: SignedInUser): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const { generateRegistrationOptions } = await webauthn();
    const existing = await this.db
      .selectFrom('passkeys')
      .select(['id', 'transports'])
      .where('user_id', '=', user.id)
      .execute();
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: this.relyingParty().rpID,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      timeout: CHALLENGE_TTL_MS,
      // The same authenticator twice would be one key with two names.
      excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
      // Discoverable, so sign-in needs no e-mail; verified by the device (PIN, fingerprint), since the passkey
      // replaces the password.
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await this.storeChallenge(options.challenge, 'registration', user.id);
    return options;
  }

  async register(userId: string, name: string, response: RegistrationResponseJSON): Promise<PasskeySummary> {
    const challenge = signedChallenge(response.response.clientDataJSON);
    if (!(await this.takeChallenge(challenge, 'registration', userId))) {
      throw refused('the registration challenge is unknown, already used or expired: ask for new options');
    }
    const { verifyRegistrationResponse } = await webauthn();
    const { rpID, origin } = this.relyingParty();
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
    } catch (error) {
      throw refused(
        `the new passkey does not verify: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!verification.verified) throw refused('the new passkey does not verify');
    const info = verification.registrationInfo;
    const now = this.now();
    const row = {
      id: info.credential.id,
      user_id: userId,
      public_key: info.credential.publicKey,
      counter: info.credential.counter,
      transports: response.response.transports ?? [],
      name,
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp,
      created_at: now,
      last_used_at: null,
    };
    const inserted = await this.db
      .insertInto('passkeys')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw new KneewiseError('PASSKEY_EXISTS', 'this passkey is already registered', 'input', {
        httpStatus: 409,
      });
    }
    return summary(row);
  }

  async authenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { generateAuthenticationOptions } = await webauthn();
    const options = await generateAuthenticationOptions({
      rpID: this.relyingParty().rpID,
      timeout: CHALLENGE_TTL_MS,
      userVerification: 'required',
    });
    await this.storeChallenge(options.challenge, 'authentication', null);
    return options;
  }

  /** The user a passkey answer proves, or PASSKEY_REFUSED (401). The challenge is spent either way. */
  async authenticate(response: AuthenticationResponseJSON): Promise<SignedInUser> {
    const challenge = signedChallenge(response.response.clientDataJSON);
    if (!(await this.takeChallenge(challenge, 'authentication', null))) {
      throw refused('the sign-in challenge is unknown, already used or expired: ask for new options');
    }
    const stored = await this.db
      .selectFrom('passkeys')
      .innerJoin('users', 'users.id', 'passkeys.user_id')
      .select([
        'passkeys.id',
        'passkeys.public_key',
        'passkeys.counter',
        'passkeys.transports',
        'users.id as userId',
        'users.email',
        'users.display_name',
        'users.disabled_at',
      ])
      .where('passkeys.id', '=', response.id)
      .executeTakeFirst();
    if (!stored || stored.disabled_at !== null) throw refused('this passkey is not registered here');
    const { verifyAuthenticationResponse } = await webauthn();
    const { rpID, origin } = this.relyingParty();
    const counter = Number(stored.counter);
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: stored.id,
          publicKey: new Uint8Array(stored.public_key),
          counter,
          transports: stored.transports,
        },
        requireUserVerification: true,
      });
    } catch (error) {
      throw refused(
        `the passkey’s answer does not verify: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!verification.verified) throw refused('the passkey’s signature does not verify');
    // Compare-and-set: two answers racing with the same counter cannot both win.
    const updated = await this.db
      .updateTable('passkeys')
      .set({ counter: verification.authenticationInfo.newCounter, last_used_at: this.now() })
      .where('id', '=', stored.id)
      .where('counter', '=', stored.counter)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw refused('the passkey was used at the same moment elsewhere: try again');
    return { id: stored.userId, email: stored.email, displayName: stored.display_name };
  }

  async list(userId: string): Promise<PasskeySummary[]> {
    const rows = await this.db
      .selectFrom('passkeys')
      .select(['id', 'name', 'transports', 'backed_up', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(summary);
  }

  async remove(userId: string, passkeyId: string): Promise<void> {
    const deleted = await this.db
      .deleteFrom('passkeys')
      .where('id', '=', passkeyId)
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) {
      throw new KneewiseError(
        'PASSKEY_NOT_FOUND',
        `no passkey ${passkeyId.slice(0, 100)} of yours`,
        'not-found',
      );
    }
  }
}

function summary(row: {
  id: string;
  name: string;
  transports: string[];
  backed_up: boolean;
  created_at: Date;
  last_used_at: Date | null;
}): PasskeySummary {
  return {
    id: row.id,
    name: row.name,
    transports: row.transports,
    backedUp: row.backed_up,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
