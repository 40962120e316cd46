import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.ts';

test('passwords are hashed with argon2id at OWASP’s parameters and verify only with the right password', async () => {
  const hash = await hashPassword('a long enough passphrase');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(hash, 'a long enough passphrase'), true);
  assert.equal(await verifyPassword(hash, 'a long enough passphrasE'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
  assert.notEqual(await hashPassword('a long enough passphrase'), hash, 'a fresh salt every time');
});

test('tokens are 32 random bytes in base64url, stored as their SHA-256', () => {
  const token = newToken();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.notEqual(newToken(), token);
  assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
