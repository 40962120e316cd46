/**
 * The CLI as a runner uses it: the JSON shapes of ../shared/spec/cli.md, exit codes, and stdout holding only
 * the JSON document. Runs in-process through runCli, on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cliInProcess as cli } from '../../test/support/cli-in-process.ts';
import { CORPUS_DIR } from '../../test/support/corpus.ts';
import { dbTest } from '../../test/support/test-databases.ts';

dbTest('import, activities and load print exactly the spec JSON', async (tdb) => {
  const imported = await cli(
    tdb.url,
    'import',
    join(CORPUS_DIR, 'fit'),
    join(CORPUS_DIR, 'bad', 'empty.fit'),
    '--json',
  );
  assert.equal(imported.code, 0, imported.err);
  const report = JSON.parse(imported.out);
  assert.deepEqual(Object.keys(report).sort(), ['duplicates', 'imported', 'skipped', 'warnings']);
  assert.ok(report.imported > 40);
  assert.ok(
    report.skipped.some(
      (s: { file: string; code: string }) => s.file.endsWith('empty.fit') && s.code === 'EMPTY_FILE',
    ),
  );

  const listed = await cli(tdb.url, 'activities', '--sport', 'run', '--json');
  assert.equal(listed.code, 0, listed.err);
  const { activities } = JSON.parse(listed.out);
  assert.ok(activities.length > 5);
  for (const a of activities) {
    for (const key of [
      'id',
      'start',
      'localDate',
      'sport',
      'distanceM',
      'movingTimeS',
      'elapsedTimeS',
      'ascentM',
      'descentM',
      'avgHeartRate',
      'avgCadenceSpm',
      'shoe',
      'source',
    ]) {
      assert.ok(key in a, `activities[].${key}`);
    }
    assert.ok(['run', 'trail_run', 'treadmill_run', 'track_run'].includes(a.sport));
    assert.match(a.start, /Z$/);
    assert.match(a.localDate, /^\d{4}-\d{2}-\d{2}$/);
  }
  const fenix = activities.find((a: { source: string }) => a.source.endsWith('garmin-fenix2-run.fit'));
  assert.ok(Math.abs(fenix.distanceM - 9008.22) < 1, 'the session distance');
  assert.ok(
    fenix.avgCadenceSpm > 150 && fenix.avgCadenceSpm < 180,
    `steps per minute, got ${fenix.avgCadenceSpm}`,
  );

  const load = await cli(tdb.url, 'load', '--as-of', '2021-10-10', '--json');
  assert.equal(load.code, 0, load.err);
  const l = JSON.parse(load.out);
  assert.equal(l.asOf, '2021-10-10');
  for (const r of l.runs) {
    for (const key of [
      'activityId',
      'localDate',
      'distanceM',
      'longestPrev30dM',
      'spikePct',
      'spikeCategory',
    ])
      assert.ok(key in r);
    assert.ok(['none', 'small', 'moderate', 'large', 'no-baseline'].includes(r.spikeCategory));
  }
  for (const w of l.weeks)
    for (const key of ['weekStart', 'distanceM', 'durationS', 'runs', 'changePct']) assert.ok(key in w);
  assert.ok('nextRunCeilingM' in l);
});

dbTest('bad usage exits 2 with a message naming what was expected, and nothing on stdout', async (tdb) => {
  const badDate = await cli(tdb.url, 'load', '--as-of', '10/10/2021', '--json');
  assert.equal(badDate.code, 2);
  assert.equal(badDate.out, '');
  assert.match(badDate.err, /YYYY-MM-DD/);
  const badSport = await cli(tdb.url, 'activities', '--sport', 'skiing', '--json');
  assert.equal(badSport.code, 2);
  const missing = await cli(tdb.url, 'import', '/nonexistent/file.fit', '--json');
  // A mistyped path is bad input (exit 2) named in the message, and nothing is imported.
  assert.equal(missing.code, 2);
  assert.equal(missing.out, '');
  assert.match(missing.err, /no file or folder at "\/nonexistent\/file\.fit"/);
});
