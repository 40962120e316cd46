/**
 * A runner who set miles reads miles on every screen of the dashboard: Today, Training, Why, Plans, Shoes,
 * Journal and Report. Every distance the page shows ends in "mi", none in "km", and climbs are in feet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AthleteRepository } from '../../src/db/repositories/athlete.repository.ts';
import {
  browserSkipReason,
  openPage,
  startSeededServer,
  useBrowser,
  withServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

const SCREENS = ['today', 'training', 'why', 'plans', 'shoes', 'journal', 'report'];

test('every dashboard screen speaks miles when the runner chose miles', {
  skip,
  timeout: 240_000,
}, async () => {
  await withServer(
    startSeededServer({
      alsoSeed: async (store, athlete) => {
        await new AthleteRepository(store.db).updateSettings(athlete.id, {
          ...athlete.settings,
          units: 'mi',
        });
      },
    }),
    async (server) => {
      for (const screen of SCREENS) {
        const watched = await openPage(browser(), server, { path: `/#/${screen}` });
        const { page } = watched;
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        // Charts and cards fill in after their data arrives.
        await page.waitForTimeout(400);
        await watched.screenshot(`miles-${screen}`);
        const text = await page.evaluate(() => {
          const copy = document.body.cloneNode(true) as HTMLElement;
          // The runner's own journal notes are their words, in their units.
          for (const note of copy.querySelectorAll('.note, .entry-note, blockquote, q')) note.remove();
          return copy.innerText;
        });
        const km = /[^\n]{0,60}\bkm\b[^\n]{0,60}/u.exec(text)?.[0];
        assert.equal(km, undefined, `${screen} shows km: "${km}"`);
        if (screen !== 'journal' && screen !== 'report')
          assert.match(text, /\d mi\b/u, `${screen} shows a distance in miles`);
        await watched.close();
      }
    },
  );
});
