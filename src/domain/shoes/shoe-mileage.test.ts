import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedsFromGarminGear, seedsFromStravaShoes } from './shoe-catalogue.mapper.ts';
import { rotationStats, type ShoeRunRef, shoeMileage } from './shoe-mileage.ts';
import { DEFAULT_SHOE_THRESHOLDS, shoeWearStatus } from './shoe-thresholds.ts';

const runs: ShoeRunRef[] = [
  { shoeId: 'a', sport: 'run', localDate: '2025-05-01', distanceM: 10_000 },
  { shoeId: 'a', sport: 'walk', localDate: '2025-05-02', distanceM: 5_000 },
  { shoeId: 'b', sport: 'trail_run', localDate: '2025-05-03', distanceM: 8_000 },
  { shoeId: 'a', sport: 'run', localDate: '2025-05-05', distanceM: 12_000 },
  { shoeId: null, sport: 'run', localDate: '2025-05-06', distanceM: 6_000 },
];

test('distance = start distance + running only, optionally up to a day', () => {
  const shoe = { id: 'a', name: 'A', startDistanceM: 470_000, retiredAt: null };
  const m = shoeMileage(shoe, runs);
  assert.equal(m.distanceM, 492_000);
  assert.equal(m.runs, 2);
  assert.equal(m.status, 'nudge');
  assert.equal(shoeMileage(shoe, runs, { upTo: '2025-05-04' }).distanceM, 480_000);
});

test('thresholds are 300 and 500 miles by default', () => {
  assert.equal(DEFAULT_SHOE_THRESHOLDS.nudgeM, 482_803);
  assert.equal(DEFAULT_SHOE_THRESHOLDS.checkM, 804_672);
  assert.equal(shoeWearStatus(804_672), 'check');
  assert.equal(shoeWearStatus(100_000, { nudgeM: 50_000, checkM: 90_000 }), 'check');
});

test('rotation counts running distance per pair in the window', () => {
  const r = rotationStats(runs, '2025-05-06', 90);
  assert.equal(r.runs, 4);
  assert.equal(r.runsWithShoe, 3);
  assert.deepEqual(
    r.shares.map((s) => [s.shoeId, s.share]),
    [
      ['a', 0.733],
      ['b', 0.267],
    ],
  );
  assert.equal(r.rotating, true);
});

test('Strava shoes.csv rows and Garmin gear become seeds', () => {
  const strava = seedsFromStravaShoes([
    { name: 'Speedy', brand: 'Hoka', model: 'Clifton 9', defaultSportTypes: ['Run', 'TrailRun', 'Ride'] },
  ]);
  assert.deepEqual(strava[0]!.defaultSports, ['run', 'trail_run']);
  const garmin = seedsFromGarminGear([
    {
      gearDTOS: [
        {
          gearPk: 5,
          customMakeModel: 'Asics Novablast',
          gearTypeName: 'Shoes',
          gearStatusName: 'retired',
          dateEnd: '2024-03-01T00:00:00.0',
        },
      ],
      gearActivityDTOs: { '5': [{ activityId: 123 }] },
    },
  ]);
  assert.deepEqual(garmin[0], {
    name: 'Asics Novablast',
    brand: null,
    model: 'Asics Novablast',
    defaultSports: [],
    retiredAt: '2024-03-01',
    limitM: null,
    linkedExternalIds: ['123'],
  });
  assert.throws(
    () => seedsFromGarminGear([{ gearDTOS: 'x' }], 'u_gear.json'),
    /u_gear\.json: "gearDTOS" should be an array/,
  );
});
