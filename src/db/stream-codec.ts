/**
 * Per-second streams stored as one compact blob per activity, not one row per sample.
 *
 * Each column is quantised to integers at a precision finer than any device records (time to the
 * millisecond, position to 1e-7 degree ≈ 1 cm, distance to the centimetre, altitude to the decimetre, cadence
 * to the hundredth of a step…), then stored as steps: the change from the previous sample or, for the
 * cumulative columns, the change of that change. Steps are zigzag-coded (a small negative step becomes a
 * small number, so its high bytes are zeros too) and written as byte planes (all lowest bytes, then the
 * next…), only as many planes as the column's largest step needs. Deflate then has little left to do and
 * little to read: every imported sample passes here, and deflate's time grows with its input.
 *
 * Layout before deflate: u32 header length, a JSON header naming the columns (length, order, planes), then
 * each column's planes. A stored 0 is a missing sample (NaN), which does not disturb the steps around it.
 * Quantisation, clamping and so the decoded values are those of the encoding before (stream-codec-v1.ts),
 * whose blobs are still read: a blob is decoded by the encoding stored beside it.
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ActivityStreams } from '../domain/activity/activity.ts';
import {
  CUMULATIVE_COLUMNS,
  decodedColumn,
  INT32_MAX,
  INT32_MISSING as MISSING,
  noStreams,
  readBlobFrame,
  STREAM_SCALE,
} from './stream-blob-layout.ts';
import { decodeStreamsV1, STREAM_ENCODING_V1 } from './stream-codec-v1.ts';

export { STREAM_SCALE };

export const STREAM_ENCODING = 'q32-delta2-zigzag-planes+deflate';

interface ColumnHeader {
  name: keyof ActivityStreams;
  length: number;
  /** 1: a step is the change between samples; 2: the change between two such changes. */
  order: 1 | 2;
  /** Byte planes stored, lowest first (the higher ones are all zeros). */
  bytes: number;
}

// Time, position and distance (CUMULATIVE_COLUMNS) add up: their steps follow the pace and change slowly, so
// they are stored as changes of step (a quarter fewer bytes after deflate on the corpus, and less for deflate
// to read). Speed, heart rate and the rest move around a level: their plain steps are smaller. MISSING is kept
// out of the deltas and clamped as the encoding before did.

export function encodeStreams(streams: ActivityStreams): Uint8Array {
  const headers: ColumnHeader[] = [];
  const columns: (Float64Array | Float32Array)[] = [];
  let samples = 0;
  let size = 0;
  for (const name of Object.keys(STREAM_SCALE) as (keyof ActivityStreams)[]) {
    const column = streams[name];
    if (!column) continue;
    headers.push({ name, length: column.length, order: CUMULATIVE_COLUMNS.has(name) ? 2 : 1, bytes: 4 });
    columns.push(column);
    samples = Math.max(samples, column.length);
    size += column.length * 4;
  }
  // The planes are written first, after room for the header (its plane counts are known only then), and
  // the header just before them.
  const room = 4 + 64 * (headers.length + 1);
  const out = reusedLayout(room + size);
  const steps = reusedSteps(samples);
  let offset = room;
  for (const [i, column] of columns.entries()) {
    const h = headers[i]!;
    const scale = STREAM_SCALE[h.name];
    let bits = stepsOf(column, scale, h.order === 2, steps);
    if (bits === null) {
      // A change of step that would read as a missing sample (after jumps of about 2^31 units): plain steps.
      h.order = 1;
      bits = stepsOf(column, scale, false, steps)!;
    }
    h.bytes = bits < 0x100 ? 1 : bits < 0x10000 ? 2 : bits < 0x1000000 ? 3 : 4;
    writePlanes(steps, column.length, h.bytes, out, offset);
    offset += column.length * h.bytes;
  }
  const header = Buffer.from(JSON.stringify(headers));
  const start = room - 4 - header.length;
  if (start < 0) throw new Error(`stream header of ${header.length} bytes does not fit its ${room - 4}`);
  out.writeUInt32LE(header.length, start);
  out.set(header, start + 4);
  const raw = out.subarray(start, offset);
  // Run-length strategy: the planes are mostly runs of equal bytes; as small as level 1, faster. One output
  // chunk the size of the input (it shrinks severalfold) spares zlib gathering pieces.
  return deflateRawSync(raw, { level: 1, strategy: constants.Z_RLE, chunkSize: Math.max(raw.length, 1024) });
}

/**
 * Quantises the column and writes its stored steps into `into`: 0 for a missing sample, else the zigzag-coded
 * step plus one, as an unsigned 32-bit value kept in int32 bits. Returns the bits of all of them OR-ed (the
 * highest tells how many byte planes they need), or -1... no: null when a second-order step cannot be stored
 * (it would read as 0). Deltas are clamped to int32 exactly as the encoding before did, so the decoded values
 * are the same.
 */
function stepsOf(column: Float64Array | Float32Array, scale: number, secondOrder: boolean, into: Int32Array) {
  let previous = 0;
  let previousDelta = 0;
  let bits = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let stored = 0;
    // Finite: NaN and ±Infinity give NaN here.
    if (v - v === 0) {
      let delta = Math.round(v * scale) - previous;
      if (delta <= MISSING) delta = MISSING + 1;
      else if (delta > INT32_MAX) delta = INT32_MAX;
      previous += delta;
      let step = delta | 0;
      if (secondOrder) {
        // Both deltas are int32: their difference modulo 2^32 gives the delta back exactly.
        step = (step - previousDelta) | 0;
        previousDelta = delta;
        if (step === MISSING) return null;
      }
      stored = (((step << 1) ^ (step >> 31)) + 1) | 0;
    }
    into[i] = stored;
    bits |= stored;
  }
  return bits >>> 0;
}

function writePlanes(steps: Int32Array, n: number, bytes: number, out: Uint8Array, at: number): void {
  for (let plane = 0; plane < bytes; plane++) {
    const shift = 8 * plane;
    const base = at + plane * n;
    // A Uint8Array keeps the low 8 bits of what it is given.
    for (let i = 0; i < n; i++) out[base + i] = steps[i]! >>> shift;
  }
}

/** Layouts up to this size are built in memory kept for the next one (a few hours at 1 Hz, all columns). */
const REUSED_LAYOUT_BYTES = 4 * 1024 * 1024;
let layout = Buffer.allocUnsafeSlow(0);
let stepMemory = new Int32Array(0);

/**
 * Where a layout is built before deflate compresses it. The same memory for every blob: fresh memory costs a
 * page fault per 4 kB written, as much as the encoding itself on the machines we measured. Safe to share:
 * encodeStreams is synchronous and deflate copies what it reads.
 */
function reusedLayout(size: number): Buffer {
  if (size > REUSED_LAYOUT_BYTES) return Buffer.allocUnsafeSlow(size);
  if (layout.length < size)
    layout = Buffer.allocUnsafeSlow(Math.min(REUSED_LAYOUT_BYTES, Math.max(size, 2 * layout.length)));
  return layout.subarray(0, size);
}

/** A column's steps, before they are split into planes: the same memory every time, for the same reason. */
function reusedSteps(samples: number): Int32Array {
  if (samples * 4 > REUSED_LAYOUT_BYTES) return new Int32Array(samples);
  if (stepMemory.length < samples)
    stepMemory = new Int32Array(Math.min(REUSED_LAYOUT_BYTES / 4, Math.max(samples, 2 * stepMemory.length)));
  return stepMemory;
}

/** A stored blob's streams, by the encoding stored beside it. */
export function decodeStreams(blob: Uint8Array, encoding: string): ActivityStreams {
  if (encoding === STREAM_ENCODING_V1) return decodeStreamsV1(blob);
  if (encoding !== STREAM_ENCODING) {
    throw new Error(
      `unknown stream encoding "${encoding}" (expected ${STREAM_ENCODING} or ${STREAM_ENCODING_V1})`,
    );
  }
  const raw = inflateRawSync(blob);
  const frame = readBlobFrame<ColumnHeader>(raw);
  const streams = noStreams();
  let offset = frame.offset;
  for (const h of frame.headers) {
    const out = decodedColumn(h.name, h.length);
    decodeColumn(raw, offset, h, STREAM_SCALE[h.name], out);
    offset += h.length * h.bytes;
    (streams as unknown as Record<string, unknown>)[h.name] = out;
  }
  return streams;
}

function decodeColumn(
  raw: Uint8Array,
  at: number,
  { length: n, order, bytes }: ColumnHeader,
  scale: number,
  out: Float64Array | Float32Array,
): void {
  let previous = 0;
  let previousDelta = 0;
  for (let i = 0; i < n; i++) {
    let stored = 0;
    for (let plane = bytes - 1; plane >= 0; plane--) stored = stored * 256 + raw[at + plane * n + i]!;
    if (stored === 0) {
      out[i] = Number.NaN;
      continue;
    }
    const zigzag = stored - 1;
    let delta = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    if (order === 2) {
      delta = (previousDelta + delta) | 0;
      previousDelta = delta;
    }
    previous += delta;
    out[i] = previous / scale;
  }
}
