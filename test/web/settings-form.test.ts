import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { changeOf, formOf, serverErrors, withUnits } from '../../web/src/screens/settings-form.ts';

test('an untouched form sends nothing; an edit sends only that field', () => {
  const loaded = formOf({ ...DEFAULT_SETTINGS, birthYear: 1991 });
  assert.deepEqual(changeOf(loaded, loaded), { change: {}, errors: {} });
  assert.deepEqual(changeOf({ ...loaded, maxHr: ' 188 ' }, loaded), { change: { maxHr: 188 }, errors: {} });
  assert.deepEqual(changeOf({ ...loaded, birthYear: '' }, loaded).change, { birthYear: null });
  assert.deepEqual(changeOf({ ...loaded, sex: 'female', timeZone: 'Europe/Oslo' }, loaded).change, {
    sex: 'female',
    timeZone: 'Europe/Oslo',
  });
});

test('numbers out of range or not whole are refused before a request', () => {
  const loaded = formOf(DEFAULT_SETTINGS);
  assert.deepEqual(changeOf({ ...loaded, maxHr: '300', restingHr: '55.5' }, loaded), {
    change: {},
    errors: {
      restingHr: 'Enter beats per minute as a whole number, or leave it empty.',
      maxHr: 'Enter beats per minute from 100 to 240.',
    },
  });
});

test('shoe reminders are typed in the runner units and sent in metres', () => {
  const loaded = formOf(DEFAULT_SETTINGS);
  assert.equal(loaded.shoeNudgeM, '482.8');
  assert.deepEqual(changeOf({ ...loaded, shoeNudgeM: '400' }, loaded).change, { shoeNudgeM: 400_000 });
  const miles = withUnits(loaded, 'mi');
  assert.equal(miles.shoeNudgeM, '300');
  assert.equal(miles.shoeCheckM, '500');
  // Switching units alone must not round the stored metres: only the units change.
  assert.deepEqual(changeOf(miles, loaded).change, { units: 'mi' });
  assert.deepEqual(changeOf({ ...miles, shoeCheckM: '450' }, loaded).change, {
    units: 'mi',
    shoeCheckM: 724_205,
  });
  assert.deepEqual(changeOf({ ...loaded, shoeCheckM: '0' }, loaded).errors, {
    shoeCheckM: 'Enter a distance in km above 0.',
  });
});

test("the server's refusal lands next to the field it names, in the runner's words and units", () => {
  const km = (m: number) => `${(m / 1000).toFixed(1)} km`;
  assert.deepEqual(
    serverErrors(
      'body.maxHr: Too big: expected number to be <=240',
      {
        field: 'body.maxHr',
        issues: [{ path: 'maxHr', message: 'Too big: expected number to be <=240' }],
      },
      km,
    ),
    { fields: { maxHr: 'Too big: expected number to be <=240' }, general: null },
  );
  assert.deepEqual(
    serverErrors(
      'shoeNudgeM: expected the first shoe reminder (900000 m) at or below the "check them" distance (804672 m)',
      { field: 'shoeNudgeM' },
      km,
    ).fields,
    {
      shoeNudgeM:
        'expected the first shoe reminder (900.0 km) at or below the "check them" distance (804.7 km)',
    },
  );
  assert.deepEqual(serverErrors('body: expected a JSON document', {}, km), {
    fields: {},
    general: 'body: expected a JSON document',
  });
});
