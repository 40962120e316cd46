/**
 * The demo runner's three pairs: one retired last year, one that has gone well past 700 km and was still in
 * use when the knee started hurting, and a new pair bought a week after, now the default for runs. Runs from
 * before the runner started logging shoes have none, as in many real exports.
 */
import { isRunningSport } from '../activity/sport.ts';
import { dateOfDay, dayNumber } from '../load/calendar-day.ts';
import type { DemoActivity, DemoShoe, DemoShoeKey } from './demo-runner.types.ts';
import type { DemoTimeline } from './demo-timeline.ts';

export function demoShoes(t: DemoTimeline): DemoShoe[] {
  return [
    {
      key: 'retired',
      name: 'Blue Cruisers',
      brand: 'Northpace',
      model: 'Cruise 2',
      startDistanceM: 40_000,
      addedOn: dateOfDay(t.shoesLoggedFrom),
      retiredOn: dateOfDay(t.wornFrom),
      defaultForRun: false,
    },
    {
      key: 'worn',
      name: 'Grey daily trainers',
      brand: 'Northpace',
      model: 'Cruise 3',
      startDistanceM: 0,
      addedOn: dateOfDay(t.wornFrom),
      retiredOn: null,
      defaultForRun: false,
    },
    {
      key: 'new',
      name: 'New daily trainers',
      brand: 'Northpace',
      model: 'Cruise 4',
      startDistanceM: 0,
      addedOn: dateOfDay(t.newShoesFrom),
      retiredOn: null,
      defaultForRun: true,
    },
  ];
}

/** The pair each run was done in; rides and runs before shoes were logged have none. */
export function withShoes(activities: readonly DemoActivity[], t: DemoTimeline): DemoActivity[] {
  return activities.map((a) => ({ ...a, shoe: shoeFor(a, t) }));
}

function shoeFor(a: DemoActivity, t: DemoTimeline): DemoShoeKey | null {
  if (!isRunningSport(a.sport)) return null;
  const day = dayNumber(a.localDate);
  if (day < t.shoesLoggedFrom) return null;
  if (day < t.wornFrom) return 'retired';
  if (day < t.newShoesFrom) return 'worn';
  return 'new';
}
