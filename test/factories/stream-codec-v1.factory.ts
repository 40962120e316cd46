/**
 * Test support: stream blobs as the import wrote them until the current encoding (src/db/stream-codec.ts at
 * commit 7e92462, encodeStreams, unchanged but for names): int32 deltas in four byte planes, deflated. Such
 * blobs stay in databases and exports; tests write some to check they are still read, with the same values.
 */
import { constants, deflateRawSync } from 'node:zlib';
import {
  INT32_MAX,
  INT32_MISSING as MISSING,
  STREAM_SCALE as SCALE,
} from '../../src/db/stream-blob-layout.ts';
import { STREAM_ENCODING_V1 } from '../../src/db/stream-codec-v1.ts';
import type { ActivityStreams } from '../../src/domain/activity/activity.ts';

export { STREAM_ENCODING_V1 };

export function encodeStreamsV1(streams: ActivityStreams): Uint8Array {
  const headers: { name: keyof ActivityStreams; length: number }[] = [];
  const columns: { values: ArrayLike<number>; scale: number }[] = [];
  for (const name of Object.keys(SCALE) as (keyof ActivityStreams)[]) {
    const column = streams[name];
    if (!column) continue;
    headers.push({ name, length: column.length });
    columns.push({ values: column, scale: SCALE[name] });
  }
  const header = Buffer.from(JSON.stringify(headers));
  let size = 4 + header.length;
  for (const { values } of columns) size += values.length * 4;
  const raw = Buffer.alloc(size);
  raw.writeUInt32LE(header.length, 0);
  raw.set(header, 4);
  let offset = 4 + header.length;
  for (const { values, scale } of columns) {
    deltaEncodeShuffled(values, scale, raw, offset);
    offset += values.length * 4;
  }
  return deflateRawSync(raw, { level: 1, strategy: constants.Z_RLE, chunkSize: Math.max(size, 1024) });
}

function deltaEncodeShuffled(column: ArrayLike<number>, scale: number, out: Uint8Array, at: number): void {
  const n = column.length;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    let delta: number;
    if (Number.isFinite(v)) {
      delta = Math.round(v * scale) - previous;
      if (delta <= MISSING) delta = MISSING + 1;
      else if (delta > INT32_MAX) delta = INT32_MAX;
      previous += delta;
    } else {
      delta = MISSING;
    }
    out[at + i] = delta & 0xff;
    out[at + n + i] = (delta >>> 8) & 0xff;
    out[at + 2 * n + i] = (delta >>> 16) & 0xff;
    out[at + 3 * n + i] = (delta >>> 24) & 0xff;
  }
}
