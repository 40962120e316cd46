import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { buildFitRun } from '../../test/factories/fit.factory.ts';
import { encodeStreamsV1, STREAM_ENCODING_V1 } from '../../test/factories/stream-codec-v1.factory.ts';
import type { ActivityStreams } from '../domain/activity/activity.ts';
import { decodeActivityFile } from '../import/decode-file.ts';
import { decodeFit } from '../import/fit/fit.decoder.ts';
import { noStreams } from './stream-blob-layout.ts';
import { decodeStreams, encodeStreams, STREAM_ENCODING } from './stream-codec.ts';

const CORPUS = new URL('../../test/corpus/', import.meta.url);

/** Every activity with samples in the corpus's FIT, GPX and TCX files (damaged ones included when they decode). */
function corpusStreams(): { file: string; streams: ActivityStreams }[] {
  const found: { file: string; streams: ActivityStreams }[] = [];
  for (const folder of ['fit', 'gpx', 'tcx', 'bad']) {
    for (const name of readdirSync(new URL(`${folder}/`, CORPUS))) {
      let activities: { streams: ActivityStreams | null }[];
      try {
        activities = decodeActivityFile(readFileSync(new URL(`${folder}/${name}`, CORPUS))).activities;
      } catch {
        continue;
      }
      for (const a of activities)
        if (a.streams) found.push({ file: `${folder}/${name}`, streams: a.streams });
    }
  }
  return found;
}

function emptyStreams(timeS: number[]): ActivityStreams {
  return { ...noStreams(), timeS: Float64Array.from(timeS) };
}

test('streams round-trip within the stored precision, NaN gaps kept, and compress well', () => {
  const streams = decodeFit(
    buildFitRun({ startMs: Date.UTC(2025, 0, 1), durationS: 3600, seed: 3, withHr: true }),
  ).activities[0]!.streams!;
  streams.heartRateBpm![10] = Number.NaN;
  const blob = encodeStreams(streams);
  const back = decodeStreams(blob, STREAM_ENCODING);
  const tolerance = {
    timeS: 5e-4,
    latDeg: 6e-8,
    lonDeg: 6e-8,
    distanceM: 5e-3,
    altitudeM: 0.05,
    speedMps: 5e-4,
    heartRateBpm: 0.005,
    cadenceSpm: 0.005,
    powerW: 0.5,
  };
  for (const [name, tol] of Object.entries(tolerance) as [keyof typeof tolerance, number][]) {
    const a = streams[name];
    const b = back[name];
    if (a === null) {
      assert.equal(b, null, name);
      continue;
    }
    assert.ok(b, name);
    assert.equal(b.length, a.length, name);
    for (let i = 0; i < a.length; i++) {
      if (Number.isNaN(a[i]!)) assert.ok(Number.isNaN(b[i]!), `${name}[${i}] stays missing`);
      else assert.ok(Math.abs(a[i]! - b[i]!) <= tol, `${name}[${i}]: ${a[i]} vs ${b[i]}`);
    }
  }
  const bytesPerSample = blob.length / streams.timeS.length;
  assert.ok(bytesPerSample < 9, `compact: ${bytesPerSample.toFixed(1)} bytes per sample`);
});

test('blobs of the encoding before are still read, with the very values the current encoding gives', () => {
  const activities = corpusStreams();
  assert.ok(activities.length >= 100, `corpus activities with samples: ${activities.length}`);
  let before = 0;
  let now = 0;
  for (const { file, streams } of activities) {
    const old = encodeStreamsV1(streams);
    const current = encodeStreams(streams);
    before += old.length;
    now += current.length;
    assert.ok(
      isDeepStrictEqual(decodeStreams(old, STREAM_ENCODING_V1), decodeStreams(current, STREAM_ENCODING)),
      `${file}: the same values from either blob`,
    );
  }
  // What the change of encoding is for: less to store, and less for deflate to read.
  assert.ok(now < before * 0.85, `current ${now} bytes against ${before} before`);
});

test('jumps, gaps and impossible values come back as the encoding before stored them', () => {
  const q = 2 ** 30 / 1e7; // a step of 2^30 units at the position scale
  const streams = emptyStreams([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // Longitude out and back by 2^30 units: a change of step of -2^31, which would read as a missing sample.
  streams.lonDeg = Float64Array.from([0, q, 0, q, 0, Number.NaN, -179.9, 179.9, -179.9, 0]);
  // Crossing the antimeridian is a delta beyond int32, clamped exactly as before; infinities are missing.
  streams.latDeg = Float64Array.from([-90, 90, -90, 90, Number.POSITIVE_INFINITY, 1e300, -1e300, 0, -0, 45]);
  streams.distanceM = Float64Array.from([0, 1e12, 0, 0.004, 0.005, 0.015, -0.005, 2.5, 3.5, Number.NaN]);
  streams.heartRateBpm = Float32Array.from([Number.NaN, Number.NaN, 150, 151, Number.NaN, 149, 0, 255, 1, 2]);
  const current = decodeStreams(encodeStreams(streams), STREAM_ENCODING);
  assert.ok(isDeepStrictEqual(current, decodeStreams(encodeStreamsV1(streams), STREAM_ENCODING_V1)));
  assert.deepEqual(Array.from(current.lonDeg!.subarray(0, 5)), [0, q, 0, q, 0]);
  assert.ok(Number.isNaN(current.lonDeg![5]!));
});

test('a blob of an encoding not known is refused, naming it', () => {
  const blob = encodeStreams(emptyStreams([0, 1, 2]));
  assert.deepEqual(Array.from(decodeStreams(blob, STREAM_ENCODING).timeS), [0, 1, 2]);
  assert.throws(() => decodeStreams(blob, 'q64-raw'), /unknown stream encoding "q64-raw"/);
});
