/**
 * Every screen, as a runner with real data sees it, on a desktop in light mode and on a 360 px phone in dark
 * mode: no accessibility barrier the audit can find, no sideways scrolling, no console error, no request that
 * leaves the machine. Saves a screenshot of each screen in each variant to artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditPage } from '../support/a11y-audit.ts';
import { browserSkipReason, openPage, startSeededServer, useBrowser, useServer } from '../support/browser.ts';

// The dashboard's routes (web/src/routes.ts, which imports the screens and their CSS, so it is not loaded here).
const ROUTES = ['today', 'training', 'knee-check', 'why', 'journal', 'shoes', 'plans', 'report', 'settings'];

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, startSeededServer);

const VARIANTS = [
  { name: 'desktop-light', width: 1280, colorScheme: 'light' as const },
  { name: 'phone-dark', width: 360, colorScheme: 'dark' as const },
];

for (const variant of VARIANTS) {
  test(`every screen passes the audit: ${variant.name}`, { skip }, async () => {
    const failures: string[] = [];
    const watched = await openPage(browser(), server(), {
      path: '/#/today',
      width: variant.width,
      height: 800,
      colorScheme: variant.colorScheme,
    });
    const { page } = watched;
    for (const route of ROUTES) {
      await page.goto(new URL(`/#/${route}`, server().url).toString());
      await page.waitForSelector('#screen-title');
      await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10_000 });
      // Charts draw after their container is measured; give them a frame or two.
      await page.waitForTimeout(300);
      await watched.screenshot(`screen-${route}-${variant.name}`);
      for (const finding of await auditPage(page)) {
        failures.push(`${route}: [${finding.rule}] ${finding.detail}`);
      }
    }
    assert.deepEqual(watched.problems, []);
    assert.deepEqual(failures, []);
    await watched.close();
  });
}

test('keyboard: the first Tab reaches "Skip to content", which moves focus into the page', {
  skip,
}, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/today' });
  const { page } = watched;
  await page.waitForSelector('#screen-title');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('main')?.id ?? null), 'main');
  // Navigating by keyboard to another screen puts focus on its heading, so screen readers announce it.
  const trainingLink = page.getByRole('link', { name: 'Training', exact: true });
  await trainingLink.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'screen-title');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Training');
  assert.deepEqual(watched.problems, []);
  await watched.close();
});
