import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitCrc } from './fit-crc.ts';

/** The FIT protocol document's reference algorithm, nibble by nibble. */
function referenceCrc(bytes: Uint8Array): number {
  const t = [
    0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401, 0x5000,
    0x9c01, 0x8801, 0x4400,
  ];
  let crc = 0;
  for (const byte of bytes) {
    let tmp = t[crc & 0xf]!;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ t[byte & 0xf]!;
    tmp = t[crc & 0xf]!;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ t[(byte >> 4) & 0xf]!;
  }
  return crc;
}

test('the byte-table CRC equals the FIT reference nibble algorithm', () => {
  let seed = 7;
  for (let len = 0; len < 300; len += 7) {
    const bytes = new Uint8Array(len).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    assert.equal(fitCrc(bytes, 0, len), referenceCrc(bytes));
    // A range inside the bytes (a chained part, the header), odd and even lengths.
    if (len > 4) assert.equal(fitCrc(bytes, 3, len - 1), referenceCrc(bytes.subarray(3, len - 1)));
  }
  assert.equal(fitCrc(new TextEncoder().encode('123456789'), 0, 9), 0xbb3d, 'CRC-16/ARC check value');
});
