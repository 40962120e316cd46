/**
 * Reading stream blobs stored before the current encoding (stream-codec.ts), up to December 2026: each column
 * quantised as now, then int32 deltas (two's complement, the missing sample as -2^31) in four byte planes,
 * deflated. Nothing writes this encoding any more; rows keep it until they are written again.
 */
import { inflateRawSync } from 'node:zlib';
import type { ActivityStreams } from '../domain/activity/activity.ts';

export const STREAM_ENCODING_V1 = 'q32-delta-shuffle+deflate';

interface ColumnHeaderV1 {
  name: keyof ActivityStreams;
  length: number;
}

const SCALE: Record<keyof ActivityStreams, number> = {
  timeS: 1000,
  latDeg: 1e7,
  lonDeg: 1e7,
  distanceM: 100,
  altitudeM: 10,
  speedMps: 1000,
  heartRateBpm: 100,
  cadenceSpm: 1000,
  powerW: 1,
};
const FLOAT64_COLUMNS = new Set<keyof ActivityStreams>(['timeS', 'latDeg', 'lonDeg', 'distanceM']);
const MISSING = -2147483648;

export function decodeStreamsV1(blob: Uint8Array): ActivityStreams {
  const raw = inflateRawSync(blob);
  const headerLength = raw.readUInt32LE(0);
  const headers = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as ColumnHeaderV1[];
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
