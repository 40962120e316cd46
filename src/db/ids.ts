/**
 * UUIDv7 ids (RFC 9562): time-ordered, made by the application, so a local database moves to a server unchanged.
 */
import type { randomBytes as RandomBytes } from 'node:crypto';

/**
 * Node's crypto module, fetched when the first id is made: loading it costs a command about 8 ms at start-up,
 * and most commands (`status`, `--help`, the lists) never make an id.
 */
let randomBytes: typeof RandomBytes | undefined;

export function newId(nowMs: number = Date.now()): string {
  randomBytes ??= process.getBuiltinModule('node:crypto').randomBytes;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.floor(nowMs), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
