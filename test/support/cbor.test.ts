/** The test CBOR encoder against RFC 8949 Appendix A's examples. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCbor } from './cbor.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('encodes RFC 8949 Appendix A examples byte for byte', () => {
  assert.equal(hex(encodeCbor(0)), '00');
  assert.equal(hex(encodeCbor(23)), '17');
  assert.equal(hex(encodeCbor(24)), '1818');
  assert.equal(hex(encodeCbor(1000)), '1903e8');
  assert.equal(hex(encodeCbor(1000000)), '1a000f4240');
  assert.equal(hex(encodeCbor(-1)), '20');
  assert.equal(hex(encodeCbor(-100)), '3863');
  assert.equal(hex(encodeCbor('IETF')), '6449455446');
  assert.equal(hex(encodeCbor(Uint8Array.from([1, 2, 3, 4]))), '4401020304');
  assert.equal(hex(encodeCbor([1, [2, 3], [4, 5]])), '8301820203820405');
  assert.equal(
    hex(
      encodeCbor(
        new Map<number | string, number | number[]>([
          ['a', 1],
          ['b', [2, 3]],
        ]),
      ),
    ),
    'a26161016162820203',
  );
  assert.throws(() => encodeCbor(1.5), /only integers/);
});
