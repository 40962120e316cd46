import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { makeOffsetResolver } from './time-zone.ts';

const JULY = Date.UTC(2025, 6, 1, 12);
const JANUARY = Date.UTC(2025, 0, 1, 12);

test('a start with coordinates takes the zone found there, whatever the home zone', () => {
  const resolve = makeOffsetResolver('Asia/Tokyo');
  // Boulder, Colorado: UTC-6 in summer, UTC-7 in winter.
  assert.deepEqual(resolve(JULY, 40.015, -105.27), { utcOffsetS: -6 * 3600, basis: 'coordinates' });
  assert.deepEqual(resolve(JANUARY, 40.015, -105.27), { utcOffsetS: -7 * 3600, basis: 'coordinates' });
  assert.deepEqual(resolve(JULY, null, null), { utcOffsetS: 9 * 3600, basis: 'user' });
});

test('without a home zone, a start without coordinates takes this computer’s zone', () => {
  // In a process of its own: the computer's zone is fixed for a process once looked up.
  const script = `
    const { makeOffsetResolver } = await import(${JSON.stringify(new URL('./time-zone.ts', import.meta.url).href)});
    const resolve = makeOffsetResolver(null);
    console.log(JSON.stringify([resolve(${JULY}, null, null), resolve(${JANUARY}, null, null)]));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'America/Denver' },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    { utcOffsetS: -6 * 3600, basis: 'user' },
    { utcOffsetS: -7 * 3600, basis: 'user' },
  ]);
});
