import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDistance, isDistanceUnits, metresToUnits, unitsToMetres } from './units.ts';

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
});
