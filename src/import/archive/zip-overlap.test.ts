import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OverlapDetector } from './zip-overlap.ts';

describe('OverlapDetector', () => {
  it('accepts entries laid out one after another, in any order', () => {
    const d = new OverlapDetector();
    // Each entry: 30-byte header + a name + data; the next starts after all of it.
    assert.equal(d.overlaps(200, 50), false);
    assert.equal(d.overlaps(0, 100), false);
    assert.equal(d.overlaps(140, 20), false);
    assert.equal(d.overlaps(300, 0), false);
  });

  it('flags two entries sharing one local header', () => {
    const d = new OverlapDetector();
    assert.equal(d.overlaps(0, 1000), false);
    assert.equal(d.overlaps(0, 1000), true);
  });

  it('flags an entry whose data runs into the next one, before or after it in the listing', () => {
    const d = new OverlapDetector();
    assert.equal(d.overlaps(1000, 500), false);
    assert.equal(d.overlaps(900, 200), true, 'runs into the entry after it');
    assert.equal(d.overlaps(1200, 10), true, 'starts inside the entry before it');
  });
});
