/**
 * Per-second streams stored as one compact blob per activity, not one row per sample.
 * Layout (before deflate): a 4-byte little-endian header length, a JSON header naming the columns with their
 * element type and length, then each column's bytes in order. Positions are stored as 1e-7 degree integers
 * (about 1 cm) and everything else as float32, which keeps 1 Hz runs to a few kilobytes per minute.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ActivityStreams } from '../domain/activity/activity.ts';

export const STREAM_ENCODING = 'cols-v1+deflate';

type ColumnType = 'f32' | 'f64' | 'e7';
interface ColumnHeader {
  name: keyof ActivityStreams;
  type: ColumnType;
  length: number;
}

const COLUMN_TYPES: Record<keyof ActivityStreams, ColumnType> = {
  timeS: 'f64',
  latDeg: 'e7',
  lonDeg: 'e7',
  distanceM: 'f64',
  altitudeM: 'f32',
  speedMps: 'f32',
  heartRateBpm: 'f32',
  cadenceSpm: 'f32',
  powerW: 'f32',
};

const E7_MISSING = -2147483648;

export function encodeStreams(streams: ActivityStreams): Uint8Array {
  const headers: ColumnHeader[] = [];
  const parts: Uint8Array[] = [];
  for (const name of Object.keys(COLUMN_TYPES) as (keyof ActivityStreams)[]) {
    const column = streams[name];
    if (!column) continue;
    const type = COLUMN_TYPES[name];
    headers.push({ name, type, length: column.length });
    parts.push(encodeColumn(column, type));
  }
  const header = Buffer.from(JSON.stringify(headers));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(header.length, 0);
  return deflateRawSync(Buffer.concat([prefix, header, ...parts]), { level: 1 });
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
    const width = h.type === 'f64' ? 8 : 4;
    const bytes = raw.subarray(offset, offset + h.length * width);
    offset += h.length * width;
    // Copy into an aligned buffer: typed arrays need their offset to be a multiple of the element size.
    const aligned = new Uint8Array(bytes).buffer;
    const values =
      h.type === 'f64'
        ? new Float64Array(aligned)
        : h.type === 'f32'
          ? new Float32Array(aligned)
          : fromE7(new Int32Array(aligned));
    (streams as unknown as Record<string, unknown>)[h.name] = values;
  }
  return streams;
}

function encodeColumn(column: ArrayLike<number>, type: ColumnType): Uint8Array {
  if (type === 'f64') return new Uint8Array(Float64Array.from(column).buffer);
  if (type === 'f32') return new Uint8Array(Float32Array.from(column).buffer);
  const ints = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    ints[i] = Number.isFinite(v) ? Math.round(v * 1e7) : E7_MISSING;
  }
  return new Uint8Array(ints.buffer);
}

function fromE7(ints: Int32Array): Float64Array {
  const out = new Float64Array(ints.length);
  for (let i = 0; i < ints.length; i++) out[i] = ints[i] === E7_MISSING ? Number.NaN : ints[i]! / 1e7;
  return out;
}
