/**
 * Per-second streams stored as one compact blob per activity, not one row per sample.
 *
 * Each column is quantised to integers at a precision finer than any device records (time to the
 * millisecond, position to 1e-7 degree ≈ 1 cm, distance to the centimetre, altitude to the decimetre, cadence to the hundredth of a step…),
 * delta-encoded (neighbouring samples differ little), and byte-shuffled (the high bytes of small deltas are
 * zeros and end up side by side). Deflate then has little left to do: this is both several times smaller and
 * several times faster to compress than raw floats, which matters because every imported sample passes here.
 *
 * Layout before deflate: u32 header length, a JSON header naming the columns, then each column's shuffled
 * bytes. Missing samples (NaN) are a sentinel integer and do not disturb the deltas.
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ActivityStreams } from '../domain/activity/activity.ts';

export const STREAM_ENCODING = 'q32-delta-shuffle+deflate';

interface ColumnHeader {
  name: keyof ActivityStreams;
  length: number;
}

/** Integer units per SI unit: the stored precision of each column. */
const SCALE: Record<keyof ActivityStreams, number> = {
  timeS: 1000,
  latDeg: 1e7,
  lonDeg: 1e7,
  distanceM: 100,
  altitudeM: 10,
  speedMps: 1000,
  heartRateBpm: 100,
  // FIT's fractional cadence is in 1/128 strides: keep hundredths of a step.
  cadenceSpm: 1000,
  powerW: 1,
};

const FLOAT64_COLUMNS = new Set<keyof ActivityStreams>(['timeS', 'latDeg', 'lonDeg', 'distanceM']);
const MISSING = -2147483648;

export function encodeStreams(streams: ActivityStreams): Uint8Array {
  const headers: ColumnHeader[] = [];
  const columns: { values: ArrayLike<number>; scale: number }[] = [];
  for (const name of Object.keys(SCALE) as (keyof ActivityStreams)[]) {
    const column = streams[name];
    if (!column) continue;
    headers.push({ name, length: column.length });
    columns.push({ values: column, scale: SCALE[name] });
  }
  const header = Buffer.from(JSON.stringify(headers));
  // The whole layout in one buffer, each column written in place: no buffer per column, no concatenation.
  let size = 4 + header.length;
  for (const { values } of columns) size += values.length * 4;
  const raw = layoutBuffer(size);
  raw.writeUInt32LE(header.length, 0);
  raw.set(header, 4);
  let offset = 4 + header.length;
  for (const { values, scale } of columns) {
    deltaEncodeShuffled(values, scale, raw, offset);
    offset += values.length * 4;
  }
  // Run-length strategy: the shuffled planes are mostly runs of equal bytes; as small as level 1, faster. One
  // output chunk the size of the input (it shrinks severalfold) spares zlib gathering pieces.
  return deflateRawSync(raw, { level: 1, strategy: constants.Z_RLE, chunkSize: Math.max(size, 1024) });
}

/** Layouts up to this size are built in memory kept for the next one (a few hours at 1 Hz, all columns). */
const REUSED_LAYOUT_BYTES = 4 * 1024 * 1024;
let layout = Buffer.allocUnsafeSlow(0);

/**
 * Where a layout is built before deflate compresses it. The same memory for every blob: fresh memory costs a
 * page fault per 4 kB written, as much as the delta encoding itself on the machines we measured. Safe to
 * share: encodeStreams is synchronous and deflate copies what it reads.
 */
function layoutBuffer(size: number): Buffer {
  if (size > REUSED_LAYOUT_BYTES) return Buffer.allocUnsafeSlow(size);
  if (layout.length < size)
    layout = Buffer.allocUnsafeSlow(Math.min(REUSED_LAYOUT_BYTES, Math.max(size, 2 * layout.length)));
  return layout.subarray(0, size);
}

export function decodeStreams(blob: Uint8Array): ActivityStreams {
  const raw = inflateRawSync(blob);
  const headerLength = raw.readUInt32LE(0);
  const headers = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as ColumnHeader[];
  const streams: ActivityStreams = {
    timeS: new Float64Array(0),
    latDeg: null,
    lonDeg: null,
    distanceM: null,
    altitudeM: null,
    speedMps: null,
    heartRateBpm: null,
    cadenceSpm: null,
    powerW: null,
  };
  let offset = 4 + headerLength;
  for (const h of headers) {
    const ints = unshuffle(raw.subarray(offset, offset + h.length * 4), h.length);
    offset += h.length * 4;
    const out = FLOAT64_COLUMNS.has(h.name) ? new Float64Array(h.length) : new Float32Array(h.length);
    deltaDecode(ints, SCALE[h.name], out);
    (streams as unknown as Record<string, unknown>)[h.name] = out;
  }
  return streams;
}

/**
 * Quantises, delta-encodes and byte-shuffles in one pass: int32 deltas, little-endian, written as four byte
 * planes (all lowest bytes, then the next…).
 */
function deltaEncodeShuffled(column: ArrayLike<number>, scale: number, out: Uint8Array, at: number): void {
  const n = column.length;
  const p0 = at;
  const p1 = at + n;
  const p2 = at + 2 * n;
  const p3 = at + 3 * n;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    let delta: number;
    if (Number.isFinite(v)) {
      delta = Math.round(v * scale) - previous;
      // A delta that collides with the sentinel (or overflows) is stored as the nearest representable value.
      if (delta <= MISSING) delta = MISSING + 1;
      else if (delta > 2147483647) delta = 2147483647;
      previous += delta;
    } else {
      delta = MISSING;
    }
    out[p0 + i] = delta & 0xff;
    out[p1 + i] = (delta >>> 8) & 0xff;
    out[p2 + i] = (delta >>> 16) & 0xff;
    out[p3 + i] = (delta >>> 24) & 0xff;
  }
}

function deltaDecode(ints: Int32Array, scale: number, out: Float64Array | Float32Array): void {
  let previous = 0;
  for (let i = 0; i < ints.length; i++) {
    const d = ints[i]!;
    if (d === MISSING) {
      out[i] = Number.NaN;
      continue;
    }
    previous += d;
    out[i] = previous / scale;
  }
}

function unshuffle(planes: Uint8Array, n: number): Int32Array {
  const bytes = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    bytes[i * 4] = planes[i]!;
    bytes[i * 4 + 1] = planes[n + i]!;
    bytes[i * 4 + 2] = planes[2 * n + i]!;
    bytes[i * 4 + 3] = planes[3 * n + i]!;
  }
  return new Int32Array(bytes.buffer);
}
