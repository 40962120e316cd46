import assert from 'node:assert/strict';
import { test } from 'node:test';
import { episodePlace } from './episode-place.ts';

test("the journal's side and place win; the knee check's answers fill what the journal left out", () => {
  assert.deepEqual(
    episodePlace({ sides: [], regions: [] }, { side: 'right', painLocation: 'lateral' }),
    { sides: ['right'], regions: ['lateral'] },
    'scores only in the journal: the knee map answer is where it hurts',
  );
  assert.deepEqual(
    episodePlace({ sides: ['left'], regions: ['anterior'] }, { side: 'right', painLocation: ['lateral'] }),
    { sides: ['left'], regions: ['anterior'] },
  );
  assert.deepEqual(
    episodePlace({ sides: [], regions: [] }, { painLocation: ['medial', 'posterior', 'medial'] }),
    { sides: [], regions: ['medial', 'posterior'] },
  );
  assert.deepEqual(
    episodePlace({ sides: [], regions: [] }, { side: 'up', painLocation: 7 }),
    { sides: [], regions: [] },
    'nothing that is not an answer of the questionnaire',
  );
});
