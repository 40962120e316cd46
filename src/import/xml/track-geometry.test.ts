import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropImplausiblePositions, fillDistanceFromPositions, haversineM } from './track-geometry.ts';

describe('haversineM', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    assert.ok(Math.abs(haversineM(45, 14, 46, 14) - 111_195) < 5);
  });
});

describe('dropImplausiblePositions', () => {
  const times = (n: number) => Float64Array.from({ length: n }, (_, i) => i * 1000);

  it('drops 0/0, a zero coordinate, out-of-range values and half positions', () => {
    const lat = Float64Array.from([0, 0, 95, 46.1, Number.NaN, 46.1]);
    const lon = Float64Array.from([0, 10, 14, 14, 14, 14.00001]);
    assert.equal(dropImplausiblePositions(times(6), lat, lon), 4);
    assert.deepEqual([...lat].map(Number.isNaN), [true, true, true, false, true, false]);
    assert.ok(Number.isNaN(lon[4] as number));
  });

  it('drops a jump faster than 100 m/s and keeps the track around it', () => {
    const lat = Float64Array.from([46.0, 46.00003, 47.0, 46.00006]);
    const lon = Float64Array.from([14, 14, 14, 14]);
    assert.equal(dropImplausiblePositions(times(4), lat, lon), 1);
    assert.ok(Number.isNaN(lat[2] as number));
    assert.equal(lat[3], 46.00006);
  });

  it('accepts a new place after several consistent fixes (the old anchor was the outlier)', () => {
    const lat = Float64Array.from([10.0, 46, 46, 46, 46, 46, 46, 46]);
    const lon = Float64Array.from([10.0, 14, 14, 14, 14, 14, 14, 14]);
    const dropped = dropImplausiblePositions(times(8), lat, lon);
    assert.equal(dropped, 5);
    assert.equal(lat[6], 46);
    assert.equal(lat[7], 46);
  });
});

describe('fillDistanceFromPositions', () => {
  it('accumulates along positions, carries over missing ones, and skips the gap between segments', () => {
    const lat = Float64Array.from([46.0, 46.001, Number.NaN, 46.002, 47.0, 47.001]);
    const lon = Float64Array.from([14, 14, Number.NaN, 14, 14, 14]);
    const distance = new Float64Array(6);
    fillDistanceFromPositions(lat, lon, distance, [0, 4]);
    const step = haversineM(46.0, 14, 46.001, 14);
    assert.equal(distance[0], 0);
    assert.ok(Math.abs((distance[1] as number) - step) < 1e-6);
    assert.equal(distance[2], distance[1]);
    assert.ok(Math.abs((distance[3] as number) - 2 * step) < 0.01);
    assert.equal(distance[4], distance[3]); // new segment: the 111 km gap is not counted
    assert.ok(
      Math.abs((distance[5] as number) - (distance[4] as number) - haversineM(47, 14, 47.001, 14)) < 1e-6,
    );
  });
});
