import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import { DEFAULT_SETTINGS } from '../../domain/settings.ts';
import { DEFAULT_SHOE_THRESHOLDS } from '../../domain/shoes/shoe-thresholds.ts';
import { cliJson, errorOf, harness } from './route-test.support.ts';
import { settingsRoutes } from './settings.routes.ts';

dbTest('settings: defaults, a partial PUT is stored, repeated, and read back by the CLI', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: settingsRoutes });
  try {
    assert.deepEqual(await h.get('/settings'), DEFAULT_SETTINGS);
    assert.equal(DEFAULT_SETTINGS.shoeNudgeM, DEFAULT_SHOE_THRESHOLDS.nudgeM);

    const change = {
      units: 'mi',
      restingHr: 50,
      maxHr: 188,
      timeZone: 'Europe/Copenhagen',
      shoeNudgeM: 500_000,
    };
    const first = await h.call('PUT', '/settings', change);
    assert.equal(first.status, 200);
    const expected = { ...DEFAULT_SETTINGS, ...change };
    assert.deepEqual(await first.json(), expected);
    const again = await h.call('PUT', '/settings', change);
    assert.deepEqual(await again.json(), expected, 'the same PUT twice gives the same settings');
    assert.deepEqual(await h.get('/settings'), expected, 'visible on the next read');
    assert.deepEqual(await cliJson(tdb.url, ['settings', '--json']), expected, 'the CLI reads the same');

    const cleared = await h.call('PUT', '/settings', { timeZone: null, sex: 'other' });
    assert.deepEqual(await cleared.json(), { ...expected, timeZone: null, sex: 'other' });
  } finally {
    await h.close();
  }
});

dbTest('settings: a bad value is a 400 naming the field, and nothing is stored', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: settingsRoutes });
  try {
    const cases: [unknown, string, RegExp][] = [
      [{ units: 'furlongs' }, 'INVALID_REQUEST', /^body\.units: /],
      [{ weekStart: 'friday' }, 'INVALID_REQUEST', /^body\.weekStart: /],
      [{ birthYear: 1850 }, 'INVALID_REQUEST', /^body\.birthYear: /],
      // The test clock's year is 2025: a runner born in 2030, or last year, is a typo.
      [{ birthYear: 2030 }, 'BAD_SETTING', /^birthYear: expected a year of birth up to 2020 .*, got 2030$/],
      [{ birthYear: 2024 }, 'BAD_SETTING', /^birthYear: expected a year of birth up to 2020/],
      [{ restingHr: 60.5 }, 'INVALID_REQUEST', /^body\.restingHr: /],
      [{ timeZone: 'Mars/Olympus' }, 'INVALID_REQUEST', /^body\.timeZone: expected an IANA time zone/],
      [{ shoeCheckM: -5 }, 'INVALID_REQUEST', /^body\.shoeCheckM: /],
      [{ colour: 'blue' }, 'INVALID_REQUEST', /colour/],
      [
        { restingHr: 110, maxHr: 105 },
        'BAD_SETTING',
        /^maxHr: expected the maximum heart rate \(105\) to be above/,
      ],
      [{ shoeNudgeM: 900_000 }, 'BAD_SETTING', /^shoeNudgeM: expected the first shoe reminder/],
    ];
    for (const [body, code, message] of cases) {
      const error = await errorOf(await h.call('PUT', '/settings', body), 400);
      assert.equal(error.code, code, JSON.stringify(body));
      assert.match(error.message, message, JSON.stringify(body));
    }
    assert.equal((await errorOf(await h.call('PUT', '/settings', '{not json'), 400)).code, 'INVALID_JSON');

    // The pair rule holds whichever side changes: a resting HR above the stored maximum is refused too.
    await h.call('PUT', '/settings', { maxHr: 100 });
    const error = await errorOf(await h.call('PUT', '/settings', { restingHr: 110 }), 400);
    assert.match(error.message, /^restingHr: /);
    assert.deepEqual(await h.get('/settings'), { ...DEFAULT_SETTINGS, maxHr: 100 });
  } finally {
    await h.close();
  }
});

dbTest('kneewise settings sets the shoe reminders in km and checks them as a pair', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: settingsRoutes });
  try {
    const set = (await cliJson(tdb.url, [
      'settings',
      '--shoe-nudge-km',
      '400',
      '--shoe-check-km',
      '700',
      '--json',
    ])) as Record<string, unknown>;
    assert.equal(set.shoeNudgeM, 400_000);
    assert.equal(set.shoeCheckM, 700_000);
    assert.deepEqual(await h.get('/settings'), {
      ...DEFAULT_SETTINGS,
      shoeNudgeM: 400_000,
      shoeCheckM: 700_000,
    });
    await assert.rejects(
      cliJson(tdb.url, ['settings', '--shoe-nudge-km', '750', '--json']),
      /exited 2: .*shoeNudgeM/,
    );
  } finally {
    await h.close();
  }
});
