/**
 * A FIT definition compiled into a function that decodes its data messages with every offset, base type, byte
 * order, slot and scale written in as constants: no loop over the fields, no switch on the base type, no
 * look-ups in the plan's arrays. A run's record definition repeats thousands of times per file and is the
 * same in every file of a device, so one function per distinct layout is compiled, kept, and optimised once by
 * the JavaScript engine. The reader (fit.reader.ts) compiles a layout only after it has decoded many messages
 * with the generic loop, so rare messages and odd files never pay for a compilation.
 *
 * The generated code is the generic loop (fit.reader.ts decodeFields) unrolled, with the same arithmetic in
 * the same order, so it gives the same numbers bit for bit. Only numbers from the definition reach the source:
 * no byte of a file is ever evaluated as code.
 */

/** The definition as the reader compiled it (fit.reader.ts Plan). */
export interface FieldLayout {
  littleEndian: boolean;
  count: number;
  offsets: Int32Array;
  /** Base type index, or -1 when the field is invalid (its size is not a multiple of the base type). */
  types: Int8Array;
  sizes: Int32Array;
  slots: Int8Array;
  scales: Float64Array;
  shifts: Float64Array;
  /** 0 plain number, 1 string, 2 compressed_speed_distance. */
  handling: Uint8Array;
}

export type FieldReader = (
  bytes: Uint8Array,
  view: DataView,
  body: number,
  vals: Float64Array,
  strs: (string | null)[],
) => void;

/** The reader's own helpers for the two fields that are not plain numbers. */
export interface FieldHelpers {
  readString(bytes: Uint8Array, at: number, size: number): string | null;
  readCompressedSpeedDistance(
    bytes: Uint8Array,
    at: number,
    size: number,
    type: number,
    vals: Float64Array,
  ): void;
}

const NUMBER = 0;
const TEXT = 1;
const STRING = 7;

/** Distinct layouts compiled at most: beyond it (a file crafted to have thousands) the generic loop decodes. */
const MAX_COMPILED = 256;
const compiled = new Map<string, FieldReader>();

/** The compiled reader of `layout`, or null when it cannot be compiled (then the generic loop decodes it). */
export function compiledFieldReader(layout: FieldLayout, helpers: FieldHelpers): FieldReader | null {
  const key = layoutKey(layout);
  const known = compiled.get(key);
  if (known) return known;
  if (compiled.size >= MAX_COMPILED) return null;
  const body = readerSource(layout);
  if (body === null) return null;
  const reader = new Function(
    'helpers',
    `"use strict";\nconst { readString, readCompressedSpeedDistance } = helpers;\nreturn function fitFieldReader(bytes, view, b, vals, strs) {\n  let v = 0;\n  let t = 0;\n  let w = 0n;\n${body}};`,
  )(helpers) as FieldReader;
  compiled.set(key, reader);
  return reader;
}

function layoutKey(layout: FieldLayout): string {
  let key = layout.littleEndian ? 'L' : 'B';
  for (let i = 0; i < layout.count; i++) {
    key += `|${layout.offsets[i]},${layout.types[i]},${layout.sizes[i]},${layout.slots[i]},${layout.scales[i]},${layout.shifts[i]},${layout.handling[i]}`;
  }
  return key;
}

/** A number as source text that reads back as exactly the same number, or null. */
function literal(n: number): string | null {
  if (!Number.isFinite(n) || Object.is(n, -0)) return null;
  const text = String(n);
  return Number(text) === n ? `(${text})` : null;
}

/** The field's first value as an expression that is NaN for the base type's invalid value (fit.reader.ts readValue). */
function valueExpression(type: number, at: string, le: string): string | null {
  switch (type) {
    case 0:
    case 2:
    case 13:
      return `((t = view.getUint8(${at})) === 0xff ? NaN : t)`;
    case 1:
      return `((t = view.getInt8(${at})) === 0x7f ? NaN : t)`;
    case 3:
      return `((t = view.getInt16(${at}, ${le})) === 0x7fff ? NaN : t)`;
    case 4:
      return `((t = view.getUint16(${at}, ${le})) === 0xffff ? NaN : t)`;
    case 5:
      return `((t = view.getInt32(${at}, ${le})) === 0x7fffffff ? NaN : t)`;
    case 6:
      return `((t = view.getUint32(${at}, ${le})) === 0xffffffff ? NaN : t)`;
    case 8:
      return `(view.getUint32(${at}, ${le}) === 0xffffffff ? NaN : view.getFloat32(${at}, ${le}))`;
    case 9:
      return `(Number.isFinite((t = view.getFloat64(${at}, ${le}))) ? t : NaN)`;
    case 10:
      return `((t = view.getUint8(${at})) === 0 ? NaN : t)`;
    case 11:
      return `((t = view.getUint16(${at}, ${le})) === 0 ? NaN : t)`;
    case 12:
      return `((t = view.getUint32(${at}, ${le})) === 0 ? NaN : t)`;
    case 14:
      return `((w = view.getBigInt64(${at}, ${le})) === 0x7fffffffffffffffn ? NaN : Number(w))`;
    case 15:
      return `((w = view.getBigUint64(${at}, ${le})) === 0xffffffffffffffffn ? NaN : Number(w))`;
    case 16:
      return `((w = view.getBigUint64(${at}, ${le})) === 0n ? NaN : Number(w))`;
    default:
      // A string or an unknown base type read as a number: always invalid, the slot stays empty.
      return null;
  }
}

/** The function's statements, one per field in definition order, or null when a number has no exact literal. */
function readerSource(layout: FieldLayout): string | null {
  const le = layout.littleEndian ? 'true' : 'false';
  let source = '';
  for (let i = 0; i < layout.count; i++) {
    const offset = layout.offsets[i] as number;
    const type = layout.types[i] as number;
    const size = layout.sizes[i] as number;
    const slot = layout.slots[i] as number;
    const at = `b + ${offset}`;
    const how = layout.handling[i] as number;
    if (how === TEXT) {
      source += `  strs[${slot}] = ${type === STRING ? `readString(bytes, ${at}, ${size})` : 'null'};\n`;
      continue;
    }
    if (how !== NUMBER) {
      source += `  readCompressedSpeedDistance(bytes, ${at}, ${size}, ${type}, vals);\n`;
      continue;
    }
    if (type < 0) continue;
    const value = valueExpression(type, at, le);
    if (value === null) continue;
    const scale = layout.scales[i] as number;
    const shift = layout.shifts[i] as number;
    const scaleText = literal(scale);
    const shiftText = literal(shift);
    if (scaleText === null || shiftText === null) return null;
    // Same arithmetic as the FIT profile (and the SDK): value = raw / scale − offset.
    const stored = scale === 1 && shift === 0 ? 'v' : `v / ${scaleText} - ${shiftText}`;
    source += `  v = ${value};\n  if (v === v) vals[${slot}] = ${stored};\n`;
  }
  return source;
}
