/**
 * Passwords and tokens. Passwords: argon2id with OWASP's minimum (19 MiB of memory, 2 passes, 1 lane).
 * Tokens (session cookies, invitation and reset links): 32 random bytes, kept only as their SHA-256, so a
 * copy of the database opens no session and no link.
 */
import { createHash, randomBytes } from 'node:crypto';

/** OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Loaded on first use: a native module a single runner never needs. */
async function argon2() {
  return import('@node-rs/argon2');
}

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so "no such user" takes as long as "wrong
 * password" and the timing does not reveal which e-mail addresses have accounts.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Password rules at the edge: long enough to resist guessing, short enough not to be a hashing DoS. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
