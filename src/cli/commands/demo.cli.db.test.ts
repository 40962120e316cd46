/**
 * `kneewise demo` as a runner types it, on SQLite and PostgreSQL: the JSON document, the text that says it is
 * demo data and how to remove it, no second copy, and `--remove`.
 */
import assert from 'node:assert/strict';
import { cliInProcess as cli } from '../../../test/support/cli-in-process.ts';
import { dbTest } from '../../../test/support/test-databases.ts';

dbTest(
  'demo --json seeds once; the text says it is demo data and how to remove it; --remove removes it',
  async (tdb) => {
    const seeded = await cli(tdb.url, 'demo', '--json');
    assert.equal(seeded.code, 0, seeded.err);
    const doc = JSON.parse(seeded.out);
    for (const key of [
      'seeded',
      'activities',
      'shoes',
      'painEntries',
      'assessments',
      'programmeSessions',
      'from',
      'to',
      'onset',
    ]) {
      assert.ok(key in doc, key);
    }
    assert.equal(doc.seeded, true);
    assert.ok(doc.activities > 300);
    assert.equal(doc.shoes, 3);
    assert.ok(doc.spike.spikePct > 100);

    const text = await cli(tdb.url, 'demo');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /already here/);
    assert.match(text.out, /demo data, not yours/);
    assert.match(text.out, /kneewise demo --remove/);
    assert.match(text.out, new RegExp(`started hurting on ${doc.onset}`));

    const listed = JSON.parse((await cli(tdb.url, 'activities', '--sport', 'all', '--json')).out);
    assert.equal(listed.activities.length, doc.activities, 'stored once, however often demo ran');
    assert.ok(listed.activities.every((a: { source: string }) => a.source === 'kneewise demo runner'));

    const removed = await cli(tdb.url, 'demo', '--remove', '--json');
    assert.equal(removed.code, 0, removed.err);
    assert.equal(JSON.parse(removed.out).removed.activities, doc.activities);
    const again = await cli(tdb.url, 'demo', '--remove');
    assert.match(again.out, /no demo data to remove/);
  },
);
