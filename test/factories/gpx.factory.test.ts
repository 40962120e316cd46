import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedActivity } from '../../src/domain/activity/activity.ts';
import { ImportError } from '../../src/domain/errors.ts';
import { parseGpx } from '../../src/import/gpx/gpx.parser.ts';
import { buildGpx } from './gpx.factory.ts';
import { DEFAULT_START_MS } from './synthetic-track.ts';

function last(a: Float64Array | Float32Array | null): number {
  assert.ok(a !== null && a.length > 0);
  return a[a.length - 1] as number;
}

describe('buildGpx → parseGpx round trip', () => {
  for (const version of ['1.0', '1.1'] as const) {
    it(`GPX ${version}: 1 Hz run with HR and cadence`, () => {
      const result = parseGpx(buildGpx({ version, durationS: 600, heartRate: true, cadence: true }));
      const a = result.activities[0] as ParsedActivity;
      const s = a.streams!;
      assert.equal(result.activities.length, 1);
      assert.deepEqual(result.warnings, []);
      assert.equal(a.sport, 'run');
      assert.equal(a.startMs, DEFAULT_START_MS);
      assert.equal(s.timeS.length, 601);
      assert.equal(last(s.timeS), 600);
      assert.ok(Math.abs(last(s.distanceM) - 1800) < 1, `distance ${last(s.distanceM)}`);
      assert.equal(s.heartRateBpm?.[0], 140);
      assert.equal(s.cadenceSpm?.[0], 170); // 85 strides/min written
      assert.equal(s.cadenceSpm?.[1], 172);
    });
  }

  it('joins segments into one stream: the pause is in the time, not in the distance', () => {
    const a = parseGpx(buildGpx({ durationS: 600, segments: 2, pauseS: 120, intervalS: 5 })).activities[0]!;
    const s = a.streams!;
    assert.equal(s.timeS.length, 2 * 61);
    assert.equal(last(s.timeS), 720);
    assert.ok(Math.abs(last(s.distanceM) - 1800) < 1);
  });

  it('makes one activity per track, and a ride keeps its cadence as rpm', () => {
    const result = parseGpx(buildGpx({ tracks: 3, type: 'cycling', cadence: true, durationS: 60 }));
    assert.equal(result.activities.length, 3);
    assert.deepEqual(
      result.activities.map((a) => [a.sport, a.name]),
      [
        ['ride', 'Synthetic run 1'],
        ['ride', 'Synthetic run 2'],
        ['ride', 'Synthetic run 3'],
      ],
    );
    assert.equal(result.activities[0]?.streams?.cadenceSpm?.[0], 85);
  });

  it("an untyped, unnamed track is 'other'; a track without times is refused", () => {
    assert.equal(parseGpx(buildGpx({ type: null, name: null })).activities[0]?.sport, 'other');
    assert.throws(
      () => parseGpx(buildGpx({ withoutTime: true })),
      (e: unknown) => e instanceof ImportError && e.code === 'NO_TIMESTAMPS',
    );
  });

  it('is deterministic', () => {
    assert.deepEqual(buildGpx({ heartRate: true, segments: 3 }), buildGpx({ heartRate: true, segments: 3 }));
  });
});
