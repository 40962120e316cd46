import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { PainEntry } from '../../domain/journal/pain-entry.ts';
import type { JournalCalendar } from '../../services/journal-calendar.service.ts';
import { journalRoutes } from './journal.routes.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';

dbTest(
  'pain: list is the CLI document; log once, edit, delete, each visible on the next read',
  async (tdb) => {
    const h = await harness(tdb, { routes: journalRoutes });
    try {
      const listed = await h.get<{ entries: PainEntry[]; episodes: unknown[] }>('/pain');
      assert.deepEqual(listed, await cliJson(tdb.url, ['pain', 'list', '--json']));
      assert.equal(listed.entries.length, 5);
      const ranged = await h.get<{ entries: PainEntry[] }>('/pain?from=2025-06-16&to=2025-06-22');
      assert.deepEqual(
        ranged,
        await cliJson(tdb.url, ['pain', 'list', '--from', '2025-06-16', '--to', '2025-06-22', '--json']),
      );
      assert.equal(ranged.entries.length, 3);

      const body = {
        date: '2025-06-26',
        side: 'right',
        regions: ['anterior'],
        during: 2,
        after: 3,
        note: 'easy 5k',
      };
      const logged = await h.call('POST', '/pain', body);
      assert.equal(logged.status, 201);
      const { entry } = (await logged.json()) as { entry: PainEntry };
      assert.equal(entry.activityId, 'act-0038', "tied to that day's run");
      assert.deepEqual([entry.painDuring, entry.painAfter, entry.note], [2, 3, 'easy 5k']);
      const twice = await h.call('POST', '/pain', body);
      assert.equal(twice.status, 200, 'the same entry sent again is not stored again');
      assert.equal(((await twice.json()) as { entry: PainEntry }).entry.id, entry.id);
      assert.equal((await h.get<{ entries: PainEntry[] }>('/pain')).entries.length, 6);

      const today = await h.call('POST', '/pain', { morning: 1, run: null });
      assert.equal(
        ((await today.json()) as { entry: PainEntry }).entry.localDate,
        '2025-06-29',
        'default: today',
      );

      const patched = await h.call('PATCH', `/pain/${entry.id}`, { after: 5, note: null });
      assert.equal(patched.status, 200);
      const edited = ((await patched.json()) as { entry: PainEntry }).entry;
      assert.deepEqual([edited.painDuring, edited.painAfter, edited.note], [2, 5, null]);
      assert.equal(
        (await h.get<{ entries: PainEntry[] }>('/pain')).entries.find((e) => e.id === entry.id)?.painAfter,
        5,
      );

      const deleted = await h.call('DELETE', `/pain/${entry.id}`);
      assert.equal(((await deleted.json()) as { deleted: PainEntry }).deleted.id, entry.id);
      assert.equal(
        (await errorOf(await h.call('DELETE', `/pain/${entry.id}`), 404)).code,
        'PAIN_ENTRY_NOT_FOUND',
      );
      assert.equal(
        (await errorOf(await h.call('PATCH', '/pain/nope', { after: 1 }), 404)).code,
        'PAIN_ENTRY_NOT_FOUND',
      );
    } finally {
      await h.close();
    }
  },
);

dbTest('pain: bad bodies are 400s naming the field', async (tdb) => {
  const h = await harness(tdb, { routes: journalRoutes });
  try {
    const cases: [unknown, string, RegExp][] = [
      [
        { date: '2025-06-20', after: 11 },
        'INVALID_REQUEST',
        /^body\.after: expected a pain score from 0 to 10/,
      ],
      [{ date: '2025-06-31', after: 1 }, 'INVALID_REQUEST', /^body\.date: expected a calendar date/],
      [{ after: 1, side: 'middle' }, 'INVALID_REQUEST', /^body\.side: /],
      [{ after: 1, regions: ['knee'] }, 'INVALID_REQUEST', /^body\.regions/],
      [{ after: 1, time: '25:00' }, 'INVALID_REQUEST', /^body\.time: expected a time as HH:MM/],
      [{ after: 1, durnig: 3 }, 'INVALID_REQUEST', /durnig/],
      // Named as the request's fields, never as the CLI's flags the dashboard user never typed.
      [
        { date: '2025-06-20' },
        'PAIN_INVALID',
        /^body\.during\/after\/morning: expected at least one pain score/,
      ],
      [{ after: 1, run: 'act-9999' }, 'RUN_NOT_FOUND', /^body\.run: no activity with id "act-9999"$/],
    ];
    for (const [body, code, message] of cases) {
      const response = await h.call('POST', '/pain', body);
      const error = await errorOf(response, code === 'RUN_NOT_FOUND' ? 404 : 400);
      assert.equal(error.code, code, JSON.stringify(body));
      assert.match(error.message, message, JSON.stringify(body));
    }
    assert.equal((await h.get<{ entries: PainEntry[] }>('/pain')).entries.length, 5, 'nothing stored');
  } finally {
    await h.close();
  }
});

dbTest('journal calendar: running and the worst pain per day, default last 12 weeks', async (tdb) => {
  const h = await harness(tdb, { routes: journalRoutes });
  try {
    const calendar = await h.get<JournalCalendar>('/journal/calendar');
    assert.equal(calendar.to, '2025-06-29');
    assert.equal(calendar.from, '2025-04-07', 'the Monday eleven weeks before this week');
    assert.equal(calendar.days.length, 84);
    const day = (date: string) => calendar.days.find((d) => d.date === date);
    assert.deepEqual(day('2025-06-15'), {
      date: '2025-06-15',
      distanceM: 24_000,
      runs: 1,
      maxPain: 6,
      entries: 1,
    });
    assert.deepEqual(day('2025-06-16'), {
      date: '2025-06-16',
      distanceM: 0,
      runs: 0,
      maxPain: 5,
      entries: 1,
    });
    assert.deepEqual(
      day('2025-06-19'),
      { date: '2025-06-19', distanceM: 0, runs: 0, maxPain: null, entries: 0 },
      'a ride is not running',
    );
    assert.deepEqual(day('2025-06-13'), {
      date: '2025-06-13',
      distanceM: 8000,
      runs: 1,
      maxPain: null,
      entries: 0,
    });

    const week = await h.get<JournalCalendar>('/journal/calendar?from=2025-06-15&to=2025-06-21');
    assert.deepEqual(
      week.days.map((d) => [d.date, d.maxPain]),
      [
        ['2025-06-15', 6],
        ['2025-06-16', 5],
        ['2025-06-17', null],
        ['2025-06-18', 4],
        ['2025-06-19', null],
        ['2025-06-20', null],
        ['2025-06-21', null],
      ],
    );
    const backwards = await errorOf(
      await h.call('GET', '/journal/calendar?from=2025-06-21&to=2025-06-15'),
      400,
    );
    assert.equal(backwards.code, 'CALENDAR_RANGE_INVALID');
    assert.match(backwards.message, /^from: /);
    const tooLong = await errorOf(
      await h.call('GET', '/journal/calendar?from=2020-01-01&to=2025-06-15'),
      400,
    );
    assert.match(tooLong.message, /^to: expected at most 731 days/);
    const badDate = await errorOf(await h.call('GET', '/journal/calendar?from=June'), 400);
    assert.match(badDate.message, /^query\.from: /);
  } finally {
    await h.close();
  }
});
