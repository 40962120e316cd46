import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countOf,
  formatChangePct,
  formatDistance,
  formatElevation,
  formatElevationPerDistance,
  groupThousands,
  inRunnerUnits,
  isDistanceUnits,
  metresToUnits,
  unitsToMetres,
} from './units.ts';

describe('units', () => {
  it('converts km and international miles', () => {
    assert.equal(metresToUnits(1_609.344, 'mi'), 1);
    assert.equal(metresToUnits(11_200, 'km'), 11.2);
    assert.equal(unitsToMetres(26.2, 'mi'), 42_164.8128);
    assert.equal(isDistanceUnits('mi'), true);
    assert.equal(isDistanceUnits('miles'), false);
  });

  it('formats one decimal, and truncates ceilings so the shown number is never above the real one', () => {
    assert.equal(formatDistance(11_249, 'km'), '11.2 km');
    assert.equal(formatDistance(11_250, 'km'), '11.3 km');
    assert.equal(formatDistance(11_290, 'km', { roundDown: true }), '11.2 km');
    assert.equal(formatDistance(11_200, 'km', { roundDown: true }), '11.2 km');
    assert.equal(formatDistance(11_000, 'mi', { roundDown: true }), '6.8 mi');
    assert.equal(formatDistance(0, 'mi'), '0.0 mi');
  });

  it('shows climbs in feet for a miles runner and metres otherwise, per their own distance unit', () => {
    assert.equal(formatElevation(796, 'km'), '796 m');
    assert.equal(formatElevation(796, 'mi'), '2,612 ft');
    assert.equal(formatElevation(-0.2, 'km'), '0 m');
    // 32 m per km is 169 ft per mile: the same hilliness.
    assert.equal(formatElevationPerDistance(0.032, 'km'), '32 m per km');
    assert.equal(formatElevationPerDistance(0.032, 'mi'), '169 ft per mi');
  });

  it('never writes a negative zero change, and counts agree with their noun', () => {
    assert.equal(formatChangePct(-0.04, 1), '0.0 %');
    assert.equal(formatChangePct(-0.4), '0 %');
    assert.equal(formatChangePct(14.6), '+15 %');
    assert.equal(formatChangePct(-48.2), '-48 %');
    assert.equal(countOf(1, 'run'), '1 run');
    assert.equal(countOf(0, 'run'), '0 runs');
  });

  it('drops the km conversion of a quoted rule for a miles runner only', () => {
    const rule = 'replace them every 300–500 miles (480–800 km) comes from';
    assert.equal(inRunnerUnits(rule, 'mi'), 'replace them every 300–500 miles comes from');
    assert.equal(inRunnerUnits(rule, 'km'), rule);
  });
  it('groups thousands exactly as toLocaleString(en-US) does', () => {
    for (const n of [0, 7, -7, 999, 1000, -1000, 1250, 12_345, -98_765, 999_999, 1_000_000, 2_147_483_647]) {
      assert.equal(groupThousands(n), n.toLocaleString('en-US'), String(n));
    }
    assert.equal(formatElevation(-0.2, 'km'), '0 m');
    assert.equal(formatElevation(1234.4, 'km'), '1,234 m');
  });
});
