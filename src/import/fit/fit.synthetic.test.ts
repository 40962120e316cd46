/**
 * Synthetic files from test/factories/fit.factory.ts must round-trip exactly, and our minimal encoder must
 * agree with the official SDK Encoder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildFitRun,
  buildFitRunWithOfficialEncoder,
  generateSamples,
  type SyntheticRun,
} from '../../../test/factories/fit.factory.ts';
import { decodeFit } from './fit.decoder.ts';
import { readWithOfficialSdk } from './fit-sdk-reference.ts';

const START = Date.UTC(2024, 4, 1, 6, 30, 0);

function decodeOne(bytes: Uint8Array) {
  const result = decodeFit(bytes);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.activities.length, 1);
  const activity = result.activities[0];
  assert.ok(activity);
  return activity;
}

describe('synthetic FIT files round-trip', () => {
  it('a 30-minute run with GPS and HR gives back every sample exactly', () => {
    const run: SyntheticRun = { startMs: START, durationS: 1800, seed: 3, utcOffsetS: 7200 };
    const s = generateSamples(run);
    const a = decodeOne(buildFitRun(run));
    assert.equal(a.sport, 'run');
    assert.equal(a.rawSport, 'running/generic');
    assert.equal(a.startMs, START);
    assert.equal(a.utcOffsetS, 7200);
    assert.equal(a.device, 'Garmin fenix 5');
    const st = a.streams;
    assert.ok(st?.latDeg && st.lonDeg && st.distanceM && st.altitudeM && st.speedMps);
    assert.ok(st.heartRateBpm && st.cadenceSpm);
    assert.equal(st.powerW, null);
    assert.equal(st.timeS.length, s.count);
    for (let i = 0; i < s.count; i++) {
      assert.equal(st.timeS[i], i);
      assert.equal(st.latDeg[i], (s.lat?.[i] as number) * (180 / 2 ** 31));
      assert.equal(st.lonDeg[i], (s.lon?.[i] as number) * (180 / 2 ** 31));
      assert.equal(st.distanceM[i], (s.distance[i] as number) / 100);
      assert.equal(st.altitudeM[i], Math.fround((s.altitude[i] as number) / 5 - 500));
      assert.equal(st.speedMps[i], Math.fround((s.speed[i] as number) / 1000));
      assert.equal(st.heartRateBpm[i], s.heartRate?.[i]);
      // Steps per minute: twice the stored strides per minute, fractional part included.
      const spm = 2 * ((s.cadence[i] as number) + (s.fractionalCadence[i] as number) / 128);
      assert.equal(st.cadenceSpm[i], Math.fround(spm));
    }
    const t = a.totals;
    assert.equal(t.distanceM, s.session.distanceCm / 100);
    assert.equal(t.timerS, 1800);
    assert.equal(t.elapsedS, 1800);
    assert.equal(t.ascentM, s.session.ascentM);
    assert.equal(t.descentM, s.session.descentM);
    assert.equal(t.avgHeartRate, s.session.avgHr);
    assert.equal(t.maxHeartRate, s.session.maxHr);
    assert.equal(t.avgCadenceSpm, 2 * (s.session.avgCadence + s.session.avgFractionalCadence / 128));
    assert.equal(t.calories, s.session.calories);
  });

  it('realistic values: 170–180 spm running cadence, HR 90–170, altitude that varies', () => {
    const a = decodeOne(buildFitRun({ startMs: START, durationS: 3600, seed: 11 }));
    const t = a.totals;
    assert.ok(
      t.avgCadenceSpm !== null && t.avgCadenceSpm >= 168 && t.avgCadenceSpm <= 182,
      `${t.avgCadenceSpm}`,
    );
    assert.ok(t.avgHeartRate !== null && t.avgHeartRate > 90 && t.avgHeartRate < 170);
    assert.ok(t.ascentM !== null && t.ascentM > 20);
  });

  it('a treadmill run without GPS has null position streams and maps to treadmill_run', () => {
    const a = decodeOne(
      buildFitRun({ startMs: START, durationS: 600, subSport: 'treadmill', withGps: false }),
    );
    assert.equal(a.sport, 'treadmill_run');
    assert.equal(a.rawSport, 'running/treadmill');
    assert.equal(a.streams?.latDeg, null);
    assert.equal(a.streams?.lonDeg, null);
  });

  it('trail and track sub-sports, walking doubles cadence, cycling keeps rpm and carries power', () => {
    assert.equal(
      decodeOne(buildFitRun({ startMs: START, durationS: 60, subSport: 'trail' })).sport,
      'trail_run',
    );
    assert.equal(
      decodeOne(buildFitRun({ startMs: START, durationS: 60, subSport: 'track' })).sport,
      'track_run',
    );
    const walk = decodeOne(buildFitRun({ startMs: START, durationS: 600, sport: 'walking', withHr: false }));
    assert.equal(walk.sport, 'walk');
    assert.equal(walk.streams?.heartRateBpm, null);
    assert.equal(walk.totals.avgHeartRate, null);
    assert.ok((walk.totals.avgCadenceSpm ?? 0) > 100);
    const ride = decodeOne(
      buildFitRun({ startMs: START, durationS: 600, sport: 'cycling', subSport: 'road' }),
    );
    assert.equal(ride.sport, 'ride');
    const cadence = ride.streams?.cadenceSpm?.[10] ?? 0;
    assert.ok(cadence > 70 && cadence < 100, `rpm ${cadence}`);
    assert.ok((ride.streams?.powerW?.[10] ?? 0) > 100);
  });

  it('is deterministic per seed', () => {
    const run = { startMs: START, durationS: 300, seed: 42 };
    assert.deepEqual(buildFitRun(run), buildFitRun(run));
    assert.notDeepEqual(buildFitRun(run), buildFitRun({ ...run, seed: 43 }));
  });

  it('our encoder and the official SDK Encoder produce files that decode identically', () => {
    const run: SyntheticRun = { startMs: START, durationS: 900, seed: 5, utcOffsetS: -18000 };
    const ours = decodeFit(buildFitRun(run));
    const official = decodeFit(buildFitRunWithOfficialEncoder(run));
    assert.deepEqual(ours, official);
    const sdkView = readWithOfficialSdk(buildFitRun(run), { forComparison: true });
    assert.deepEqual(sdkView.errors, []);
    assert.equal(sdkView.messages.recordMesgs?.length, 901);
  });
});
