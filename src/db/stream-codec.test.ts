import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFitRun } from '../../test/factories/fit.factory.ts';
import { decodeFit } from '../import/fit/fit.decoder.ts';
import { decodeStreams, encodeStreams } from './stream-codec.ts';

test('streams round-trip within the stored precision, NaN gaps kept, and compress well', () => {
  const streams = decodeFit(
    buildFitRun({ startMs: Date.UTC(2025, 0, 1), durationS: 3600, seed: 3, withHr: true }),
  ).activities[0]!.streams!;
  streams.heartRateBpm![10] = Number.NaN;
  const blob = encodeStreams(streams);
  const back = decodeStreams(blob);
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
  assert.ok(bytesPerSample < 12, `compact: ${bytesPerSample.toFixed(1)} bytes per sample`);
});
