/** The plan's goal in the runner's units and its start on the runner's first day of the week. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KneewiseError } from '../domain/errors.ts';
import { parsePlanFlags } from './plan.service.ts';

const TODAY = '2026-03-04'; // a Wednesday

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
}

describe('plan flags', () => {
  it('takes the weekly goal in km, in miles, or with its unit; a bare number is in the runner units', () => {
    assert.equal(parsePlanFlags({ goalKm: '40' }, TODAY).goalKm, 40);
    close(parsePlanFlags({ goalMi: '25' }, TODAY).goalKm ?? 0, 40.2336);
    close(parsePlanFlags({ goal: '25mi' }, TODAY).goalKm ?? 0, 40.2336);
    assert.equal(parsePlanFlags({ goal: '30 km' }, TODAY, 'mi').goalKm, 30);
    close(parsePlanFlags({ goal: '25' }, TODAY, 'mi').goalKm ?? 0, 40.2336);
    assert.equal(parsePlanFlags({ goal: '25' }, TODAY, 'km').goalKm, 25);
    assert.equal(parsePlanFlags({}, TODAY).goalKm, null);
  });

  it('refuses a goal given twice, an unknown unit, or one out of range, naming the flag', () => {
    const refuses = (raw: Parameters<typeof parsePlanFlags>[0], pattern: RegExp) =>
      assert.throws(
        () => parsePlanFlags(raw, TODAY),
        (e: unknown) =>
          e instanceof KneewiseError && e.code === 'PLAN_GOAL_INVALID' && pattern.test(e.message),
      );
    refuses({ goalKm: '40', goalMi: '25' }, /--goal-km and --goal-mi/);
    refuses({ goal: '20furlongs' }, /--goal must be .*"20furlongs"/);
    refuses({ goalMi: '25mi' }, /--goal-mi must be a weekly distance in mi/);
    refuses({ goalMi: '500' }, /--goal-mi must be .* at most 300 km/);
  });
});
