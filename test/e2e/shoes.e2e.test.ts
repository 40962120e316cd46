/**
 * Shoes with a seeded runner (report-seed.fixture.ts, as of 2025-06-29: "Road Trainer" with 300 km from before
 * plus 280 km of runs, "Trail <New>" with the last three runs). Through the form: an empty name is refused by
 * its field, a pair is added, made the default for runs, renamed and retired, and the API agrees at each step.
 * In miles the distances and the typed distance follow the runner's units.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ShoeList, ShoeView } from '../../web/src/types/shoes.ts';
import { SEED_NOW } from '../factories/report-seed.fixture.ts';
import { horizontalOverflow } from '../support/a11y-audit.ts';
import {
  apiGet,
  browserSkipReason,
  openPage,
  startSeededServer,
  startTestServer,
  type TestServer,
  useBrowser,
  withServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

async function apiShoes(server: TestServer): Promise<ShoeView[]> {
  return (await apiGet<ShoeList>(server, '/shoes?includeRetired=true')).shoes;
}

async function apiShoe(server: TestServer, name: string): Promise<ShoeView> {
  const shoe = (await apiShoes(server)).find((s) => s.name === name);
  assert.ok(shoe, `the API knows "${name}"`);
  return shoe;
}

function card(page: Page, name: string) {
  return page.locator(`.shoe-grid article[data-shoe="${name}"]`);
}

test('Shoes: add (with a field error first), make default, rename and retire', { skip }, async () => {
  await withServer(startSeededServer(), async (server) => {
    const watched = await openPage(browser(), server, { path: '/#/shoes' });
    const { page } = watched;
    await card(page, 'Road Trainer').waitFor();
    const road = (await card(page, 'Road Trainer').textContent()) ?? '';
    assert.match(road, /580\.0 km/);
    assert.match(road, /35 runs/);
    assert.match(road, /"Road Trainer" has 580\.0 km: past 482\.8 km/);
    assert.match(road, /Folk wisdom/);
    assert.match(road, /no trial shows that replacing shoes at a set distance prevents injury/);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Malisoux et al\., Scand J Med Sci Sports 2015/,
    );

    // An empty name is refused next to the field, which takes focus; nothing is sent.
    const name = page.getByLabel('Name (required)');
    await page.getByRole('button', { name: 'Add shoes' }).click();
    const nameError = page.locator('#shoe-name-error');
    await nameError.waitFor();
    assert.match((await nameError.textContent()) ?? '', /Give the shoes a name/);
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match((await name.getAttribute('aria-describedby')) ?? '', /shoe-name-error/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'shoe-name');
    assert.equal((await apiShoes(server)).length, 2);

    // A distance that is not a number is refused by its field too.
    await name.fill('Blue Pegasus');
    await page.getByLabel('Distance already on them (km)').fill('lots');
    await page.getByRole('button', { name: 'Add shoes' }).click();
    await page.locator('#shoe-startDistance-error').waitFor();
    assert.equal(await page.locator('#shoe-name-error').count(), 0);

    await page.getByLabel('Brand').fill('Nike');
    await page.getByLabel('Model').fill('Pegasus 41');
    await page.getByLabel('Distance already on them (km)').fill('120.5');
    await page.getByRole('button', { name: 'Add shoes' }).click();
    await card(page, 'Blue Pegasus').waitFor();
    assert.match(
      (await card(page, 'Blue Pegasus').textContent()) ?? '',
      /Nike Pegasus 41.*120\.5 km.*0 runs/,
    );
    assert.match((await page.getByRole('status').textContent()) ?? '', /"Blue Pegasus" added\./);
    assert.equal(await name.inputValue(), '', 'the form is cleared');
    const added = await apiShoe(server, 'Blue Pegasus');
    assert.equal(added.startDistanceM, 120_500);
    assert.deepEqual(added.defaultFor, []);

    // Make it the default for runs.
    await card(page, 'Blue Pegasus').getByRole('button', { name: 'Make default for runs' }).click();
    await card(page, 'Blue Pegasus').locator('.shoe-default-badge').waitFor();
    assert.deepEqual((await apiShoe(server, 'Blue Pegasus')).defaultFor, ['run']);

    // Rename another pair in place.
    await card(page, 'Trail <New>').getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByLabel('New name for Trail <New>');
    // The field takes focus, so a keyboard user can type straight away.
    await page.waitForFunction(() => document.activeElement?.id.startsWith('rename-') === true);
    await rename.fill('Trail Racer');
    await page.getByRole('button', { name: 'Save name' }).click();
    await card(page, 'Trail Racer').waitFor();
    await apiShoe(server, 'Trail Racer');

    await watched.screenshot('shoes-after-add');

    // Retire after a confirmation; it moves to Retired and stops being the default.
    await card(page, 'Blue Pegasus').getByRole('button', { name: 'Retire' }).click();
    await card(page, 'Blue Pegasus').getByRole('button', { name: 'Keep them' }).click();
    assert.equal(await card(page, 'Blue Pegasus').getByRole('button', { name: 'Retire' }).count(), 1);
    await card(page, 'Blue Pegasus').getByRole('button', { name: 'Retire' }).click();
    await card(page, 'Blue Pegasus').getByRole('button', { name: 'Yes, retire them' }).click();
    const retiredRow = page.locator('.shoes-retired li[data-shoe="Blue Pegasus"]');
    await retiredRow.waitFor();
    assert.equal(await card(page, 'Blue Pegasus').count(), 0);
    assert.match((await retiredRow.textContent()) ?? '', /120\.5 km, 0 runs; retired 2025-06-29/);
    const retired = await apiShoe(server, 'Blue Pegasus');
    assert.equal(retired.retiredAt, '2025-06-29');
    assert.deepEqual(retired.defaultFor, []);
    await page.waitForFunction(() => document.activeElement?.id === 'shoes-retired-title');

    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('Shoes: choose the pair of a run (and none), and the defaults per kind of run', { skip }, async () => {
  await withServer(startSeededServer(), async (server) => {
    type Run = { id: string; localDate: string; shoe: string | null };
    const latestRun = async () =>
      (await apiGet<{ activities: Run[] }>(server, '/activities?sport=run&limit=1')).activities[0]!;
    const before = await latestRun();
    assert.equal(before.shoe, 'Trail <New>', 'the seed runs the last runs in the new pair');

    const watched = await openPage(browser(), server, { path: '/#/shoes' });
    const { page } = watched;
    const select = page.locator(`#run-shoe-${before.id}`);
    await select.waitFor();
    assert.match((await page.locator(`label[for="run-shoe-${before.id}"]`).textContent()) ?? '', /km/);
    const road = await apiShoe(server, 'Road Trainer');
    await select.selectOption(road.id);
    await page
      .getByRole('status')
      .filter({ hasText: /is now in "Road Trainer"/ })
      .waitFor();
    assert.equal((await latestRun()).shoe, 'Road Trainer');
    assert.equal((await apiShoe(server, 'Road Trainer')).runs, road.runs + 1);

    await select.selectOption('');
    await page
      .getByRole('status')
      .filter({ hasText: /has no shoes now/ })
      .waitFor();
    assert.equal((await latestRun()).shoe, null);

    // Trail runs go to the trail pair; runs stay with the pair that had them.
    const runsDefault = (await apiShoes(server)).filter((s) => s.defaultFor.includes('run'));
    await card(page, 'Trail <New>').getByRole('button', { name: 'Defaults…' }).click();
    await card(page, 'Trail <New>').getByLabel('Trail runs').check();
    await card(page, 'Trail <New>').getByRole('button', { name: 'Save defaults' }).click();
    await card(page, 'Trail <New>').locator('.shoe-default-badge', { hasText: 'trail runs' }).waitFor();
    assert.deepEqual((await apiShoe(server, 'Trail <New>')).defaultFor, ['trail_run']);
    assert.deepEqual(
      (await apiShoes(server)).filter((s) => s.defaultFor.includes('run')).map((s) => s.name),
      runsDefault.map((s) => s.name),
      'the default for runs did not move',
    );
    // Runs too: taken from the pair that had them, so only one pair is the default for runs.
    await card(page, 'Trail <New>').getByRole('button', { name: 'Defaults…' }).click();
    await card(page, 'Trail <New>').getByLabel('Runs', { exact: true }).check();
    await card(page, 'Trail <New>').getByRole('button', { name: 'Save defaults' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /default for runs, trail runs/ })
      .waitFor();
    const defaults = (await apiShoes(server)).filter((s) => s.defaultFor.includes('run'));
    assert.deepEqual(
      defaults.map((s) => s.name),
      ['Trail <New>'],
    );
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('Shoes in miles, at 360 px and in dark mode', { skip }, async () => {
  await withServer(startSeededServer(), async (server) => {
    for (const variant of [
      { suffix: 'desktop', width: 1280, colorScheme: 'light' as const },
      { suffix: '360', width: 360, colorScheme: 'light' as const },
      { suffix: 'dark', width: 1280, colorScheme: 'dark' as const },
    ]) {
      const watched = await openPage(browser(), server, { path: '/#/shoes', ...variant });
      await card(watched.page, 'Road Trainer').waitFor();
      assert.ok(
        (await horizontalOverflow(watched.page)) <= 0,
        `no horizontal overflow at ${variant.width}px`,
      );
      await watched.screenshot(`shoes-${variant.suffix}`);
      assert.deepEqual(watched.problems, []);
      await watched.close();
    }

    const put = await fetch(new URL('/api/settings', server.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ units: 'mi' }),
    });
    assert.equal(put.status, 200);
    const watched = await openPage(browser(), server, { path: '/#/shoes', width: 360 });
    const { page } = watched;
    await card(page, 'Road Trainer').waitFor();
    assert.match((await card(page, 'Road Trainer').textContent()) ?? '', /360\.4 mi/);
    await page.getByLabel('Name (required)').fill('Miler');
    await page.getByLabel('Distance already on them (mi)').fill('100');
    await page.getByRole('button', { name: 'Add shoes' }).click();
    await card(page, 'Miler').waitFor();
    assert.match((await card(page, 'Miler').textContent()) ?? '', /100\.0 mi/);
    assert.equal((await apiShoe(server, 'Miler')).startDistanceM, 160_934);
    await watched.screenshot('shoes-miles-360');
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('Shoes with none stored: an empty state and the form', { skip }, async () => {
  await withServer(startTestServer({ now: () => SEED_NOW }), async (server) => {
    const watched = await openPage(browser(), server, { path: '/#/shoes', width: 360, colorScheme: 'dark' });
    const { page } = watched;
    const empty = page.locator('.empty-state');
    await empty.waitFor();
    assert.match((await empty.textContent()) ?? '', /No pairs in use yet/);
    assert.match((await page.locator('.shoes-retired').textContent()) ?? '', /No retired pairs/);
    assert.match((await page.locator('main').textContent()) ?? '', /No runs from/);
    await page.getByLabel('Name (required)').fill('First pair');
    await page.getByLabel('Use them for new runs by default').check();
    await page.getByRole('button', { name: 'Add shoes' }).click();
    await card(page, 'First pair').locator('.shoe-default-badge').waitFor();
    assert.deepEqual((await apiShoe(server, 'First pair')).defaultFor, ['run']);
    await watched.screenshot('shoes-empty-then-added-dark-360');
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('Runs without a pair: the rotation says so once, in dates, and what to do', { skip }, async () => {
  const starting = startSeededServer({
    alsoSeed: async (store) => {
      await store.db.updateTable('activities').set({ shoe_id: null }).execute();
      await store.db.deleteFrom('shoes').execute();
    },
  });
  await withServer(starting, async (server) => {
    const watched = await openPage(browser(), server, { path: '/#/shoes' });
    const rotation = watched.page.locator('section[aria-labelledby="shoe-rotation-title"] p').first();
    await rotation.waitFor();
    const text = (await rotation.textContent()) ?? '';
    assert.match(
      text,
      /^None of your \d+ runs from \d{1,2} [A-Z][a-z]+ \d{4} to 26 Jun 2025 has a pair recorded: add your shoes/,
    );
    assert.doesNotMatch(text, /0 of \d+ runs/, 'not a count of nothing followed by the same thing in words');
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});
