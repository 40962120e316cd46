/**
 * Reading stream blobs stored before the current encoding (stream-codec.ts), up to December 2026: each column
 * quantised as now, then int32 deltas (two's complement, the missing sample as -2^31) in four byte planes,
 * deflated. Nothing writes this encoding any more; rows keep it until they are written again.
 */
import { inflateRawSync } from 'node:zlib';
import type { ActivityStreams } from '../domain/activity/activity.ts';
import {
  decodedColumn,
  INT32_MISSING,
  noStreams,
  readBlobFrame,
  STREAM_SCALE,
} from './stream-blob-layout.ts';

export const STREAM_ENCODING_V1 = 'q32-delta-shuffle+deflate';

interface ColumnHeaderV1 {
  name: keyof ActivityStreams;
  length: number;
}

export function decodeStreamsV1(blob: Uint8Array): ActivityStreams {
  const raw = inflateRawSync(blob);
  const frame = readBlobFrame<ColumnHeaderV1>(raw);
  const streams = noStreams();
  let offset = frame.offset;
  for (const h of frame.headers) {
    const ints = unshuffle(raw.subarray(offset, offset + h.length * 4), h.length);
    offset += h.length * 4;
    const out = decodedColumn(h.name, h.length);
    deltaDecode(ints, STREAM_SCALE[h.name], out);
    (streams as unknown as Record<string, unknown>)[h.name] = out;
  }
  return streams;
}

function deltaDecode(ints: Int32Array, scale: number, out: Float64Array | Float32Array): void {
  let previous = 0;
  for (let i = 0; i < ints.length; i++) {
    const d = ints[i]!;
    if (d === INT32_MISSING) {
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
