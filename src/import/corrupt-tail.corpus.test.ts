import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS_DIR } from '../../test/support/corpus.ts';
import { checkActivity, PLAUSIBILITY_CODES } from '../domain/activity/plausibility.ts';
import { summarizeActivity } from '../domain/activity/summary.ts';
import { decodeActivityFile } from './decode-file.ts';

test('a truncated phone recording whose last record is dated decades later imports with its own totals', () => {
  // Strava Android: the file is cut mid-message and the last decoded record's time is garbage.
  const bytes = readFileSync(join(CORPUS_DIR, 'fit/strava-android-run-truncated.fit'));
  const [parsed] = decodeActivityFile(bytes).activities;
  const checked = checkActivity(parsed!, Date.parse('2026-12-07T12:00:00Z'), (p) =>
    summarizeActivity(p, () => ({ utcOffsetS: 0, basis: 'user' as const })),
  );
  // EXPECTED.tsv: 11,274.04 m in 3,558 s.
  assert.equal(Math.round(checked.summary.distanceM), 11_274);
  assert.equal(checked.summary.elapsedTimeS, 3558);
  assert.ok(checked.warnings.some((w) => w.code === PLAUSIBILITY_CODES.SAMPLES_TRIMMED));
  assert.equal(checked.parsed.streams!.timeS.length, parsed!.streams!.timeS.length - 1);
});
