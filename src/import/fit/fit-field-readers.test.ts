/**
 * A compiled definition (fit-field-readers.ts) decodes exactly as the reader's generic loop: the reader switches
 * to the compiled function after COMPILE_AFTER messages of a definition, so a file whose messages repeat after
 * that point must give the same values twice, for every base type, both byte orders, invalid values included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KIND } from './fit.profile.ts';
import { readFit } from './fit.reader.ts';

const BASE_SIZE = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];
/** Messages before the reader compiles a definition (fit.reader.ts COMPILE_AFTER), and as many after. */
const HALF = 63;

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s >>> 24;
  };
}

/**
 * One FIT file: a record definition with `type` as the base type of altitude (scaled), heart rate (not
 * scaled) and a field whose size does not fit the type, plus a timestamp; HALF message bodies, then the same
 * bodies again. Some bodies are all 0xff or all zeros (each type's invalid value is one or the other).
 */
function fileOf(type: number, bigEndian: boolean): Uint8Array {
  const size = BASE_SIZE[type]!;
  const fields: [number, number, number][] = [
    [253, 4, 0x86],
    [2, size, type],
    [3, size, type],
    [7, size + 1, type],
    [8, 3, 13],
  ];
  const bodySize = fields.reduce((n, [, s]) => n + s, 0);
  const random = seeded(type * 2 + (bigEndian ? 1 : 0) + 1);
  const bodies = Array.from({ length: HALF }, (_, i) =>
    Uint8Array.from({ length: bodySize }, () => (i % 7 === 3 ? 0xff : i % 7 === 5 ? 0 : random())),
  );
  const definition = [0x40, 0, bigEndian ? 1 : 0, ...(bigEndian ? [0, 20] : [20, 0]), fields.length];
  for (const [num, s, t] of fields) definition.push(num, s, t);
  const data = [...definition];
  for (const body of [...bodies, ...bodies]) data.push(0x00, ...body);
  const header = [
    12,
    0x10,
    0,
    0,
    ...new Uint8Array(new Uint32Array([data.length]).buffer),
    0x2e,
    0x46,
    0x49,
    0x54,
  ];
  return Uint8Array.from([...header, ...data, 0, 0]);
}

function recordsOf(bytes: Uint8Array): Float64Array[] {
  const records: Float64Array[] = [];
  readFit(bytes, {
    onMessage(kind, vals) {
      if (kind === KIND.RECORD) records.push(vals.slice());
    },
  });
  return records;
}

describe('compiled FIT definitions', () => {
  for (let type = 0; type < BASE_SIZE.length; type++) {
    for (const bigEndian of [false, true]) {
      it(`base type ${type}, ${bigEndian ? 'big' : 'little'}-endian: the same values before and after compiling`, () => {
        const records = recordsOf(fileOf(type, bigEndian));
        assert.equal(records.length, 2 * HALF);
        let valued = 0;
        for (let i = 0; i < HALF; i++) {
          const generic = records[i]!;
          const compiled = records[i + HALF]!;
          for (let slot = 0; slot < generic.length; slot++) {
            assert.ok(Object.is(generic[slot], compiled[slot]), `message ${i}, slot ${slot}`);
            if (slot > 0 && !Number.isNaN(generic[slot]!)) valued++;
          }
        }
        // Every type but a string read as a number yields values somewhere (the test can see a difference).
        if (type !== 7) assert.ok(valued > 0);
      });
    }
  }
});
