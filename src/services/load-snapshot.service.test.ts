import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeRun } from '../../test/factories/history.factory.ts';
import { addedActivities } from './load-snapshot.service.ts';

describe('addedActivities', () => {
  const a = makeRun({ id: 'a', localDate: '2025-06-01', distanceM: 5000 });
  const b = makeRun({ id: 'b', localDate: '2025-06-03', distanceM: 8000 });
  const c = makeRun({ id: 'c', localDate: '2025-06-05', distanceM: 6000 });

  it('lists the activities only the new history has, in any order', () => {
    assert.deepEqual(addedActivities([a, b], [c, b, a]), [c]);
    assert.deepEqual(addedActivities([a, b], [a, b]), []);
    assert.deepEqual(addedActivities([], [a]), [a]);
  });

  it('is null when an activity was removed or changed', () => {
    assert.equal(addedActivities([a, b], [a, c]), null);
    assert.equal(addedActivities([a, b], [a, { ...b, distanceM: 8001 }]), null);
    assert.equal(addedActivities([a, b], [a, { ...b, localDate: '2025-06-04' }, c]), null);
  });
});
