/**
 * What every stream-blob encoding shares (stream-codec.ts writes the current one, stream-codec-v1.ts reads the
 * one before): the stored precision of each column, which columns decode to Float64Array, the int32 value kept
 * out of the deltas, and the frame before deflate (u32 header length, a JSON header naming the columns, then the
 * columns' bytes). Kept apart so the old reader never drifts from the new writer on what a value means.
 */
import type { ActivityStreams } from '../domain/activity/activity.ts';

/** Integer units per SI unit: the stored precision of each column. */
export const STREAM_SCALE: Record<keyof ActivityStreams, number> = {
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

/**
 * Time, position and distance add up: they need double precision when decoded (and the current encoding
 * stores them as changes of step); the other columns decode to Float32Array.
 */
export const CUMULATIVE_COLUMNS = new Set<keyof ActivityStreams>(['timeS', 'latDeg', 'lonDeg', 'distanceM']);

/** Deltas are int32; this one value is kept out of them (the missing sample of the first encoding). */
export const INT32_MISSING = -2147483648;
export const INT32_MAX = 2147483647;

/** The column headers of an inflated blob and where its first column starts. */
export function readBlobFrame<Header>(raw: Buffer): { headers: Header[]; offset: number } {
  const headerLength = raw.readUInt32LE(0);
  const headers = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as Header[];
  return { headers, offset: 4 + headerLength };
}

/** A decoded column in the array type its precision needs. */
export function decodedColumn(name: keyof ActivityStreams, length: number): Float64Array | Float32Array {
  return CUMULATIVE_COLUMNS.has(name) ? new Float64Array(length) : new Float32Array(length);
}

/** Streams with no column yet, for a decoder to fill in. */
export function noStreams(): ActivityStreams {
  return {
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
}
