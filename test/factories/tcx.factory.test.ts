import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedActivity } from '../../src/domain/activity/activity.ts';
import { parseTcx } from '../../src/import/tcx/tcx.parser.ts';
import { DEFAULT_START_MS } from './synthetic-track.ts';
import { buildTcx } from './tcx.factory.ts';

describe('buildTcx → parseTcx round trip', () => {
  it('a 1 Hz run with HR, RunCadence and 3 laps: stream and summed lap totals', () => {
    const result = parseTcx(buildTcx({ durationS: 900, laps: 3, heartRate: true, cadence: true }));
    assert.deepEqual(result.warnings, []);
    const a = result.activities[0] as ParsedActivity;
    const s = a.streams!;
    assert.equal(a.sport, 'run');
    assert.equal(a.startMs, DEFAULT_START_MS);
    assert.equal(a.device, 'Forerunner Synthetic');
    assert.equal(s.timeS.length, 901);
    assert.equal(s.timeS[900], 900);
    assert.equal(s.cadenceSpm?.[0], 170);
    assert.equal(s.heartRateBpm?.[0], 140);
    assert.ok(Math.abs((s.distanceM?.[900] as number) - 2700) < 0.01);
    assert.ok(Math.abs((a.totals.distanceM as number) - 2700) < 0.05);
    assert.ok(Math.abs((a.totals.timerS as number) - 900) < 0.2);
    assert.ok(Math.abs((a.totals.avgCadenceSpm as number) - 172) < 1.5);
    assert.ok(a.totals.maxHeartRate !== null && a.totals.maxHeartRate <= 150 && a.totals.maxHeartRate >= 148);
  });

  it('several activities per file, biking cadence kept as rpm, whitespace before <?xml', () => {
    const result = parseTcx(
      buildTcx({ activities: 2, sport: 'Biking', cadence: true, leadingWhitespace: true, intervalS: 10 }),
    );
    assert.equal(result.activities.length, 2);
    assert.deepEqual(
      result.activities.map((a) => a.sport),
      ['ride', 'ride'],
    );
    assert.equal(result.activities[1]?.startMs, DEFAULT_START_MS + 3 * 3600 * 1000);
    assert.equal(result.activities[0]?.streams?.cadenceSpm?.[0], 85);
    assert.equal(result.activities[0]?.streams?.timeS.length, 61);
  });

  it('is deterministic', () => {
    assert.deepEqual(buildTcx({ laps: 2, heartRate: true }), buildTcx({ laps: 2, heartRate: true }));
  });
});
