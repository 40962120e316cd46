/**
 * An overlapping ZIP bomb for tests (the construction of D. Fifield's "better zip bomb", reduced): one deflate
 * stream of `streamBytes`, written once, and `entries` central-directory records all pointing at it. Each
 * record alone passes size and ratio checks; together they inflate to entries × streamBytes.
 * The kernel mixes zeros with a little noise so its ratio stays under 200:1, like the audit's 1 MB bomb.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const CHUNK = 64 * 1024;

export function writeOverlapBomb(path: string, options: { entries: number; streamBytes: number }): number {
  const chunk = Buffer.alloc(CHUNK);
  // 0.5 % noise per chunk: about 1 MB of deflate for 200 MB inflated.
  randomBytes(330).copy(chunk, 0);
  const chunks = Math.ceil(options.streamBytes / CHUNK);
  const size = chunks * CHUNK;
  // One chunk deflated once, repeated: deflate streams cannot be concatenated, so compress them all as one.
  const kernel = deflateRawSync(Buffer.concat(Array.from({ length: chunks }, () => chunk)));
  let crc = 0;
  for (let i = 0; i < chunks; i++) crc = crc32(chunk, crc);
  const name = Buffer.from('run-0.fit');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(kernel.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const centrals: Buffer[] = [];
  for (let i = 0; i < options.entries; i++) {
    const n = Buffer.from(`run-${i}.fit`);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(kernel.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(0, 42); // every entry's local header: offset 0
    centrals.push(c, n);
  }
  const cd = Buffer.concat(centrals);
  const cdOffset = local.length + name.length + kernel.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.entries, 8);
  end.writeUInt16LE(options.entries, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  const file = Buffer.concat([local, name, kernel, cd, end]);
  writeFileSync(path, file);
  return file.length;
}
