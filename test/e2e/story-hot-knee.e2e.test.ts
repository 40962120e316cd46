/**
 * Issue 13, second story: a 58-year-old with a hot, swollen knee and a fever who only uses the dashboard, on a
 * 390 px phone. From the first screen to the knee check; when the answers reach emergency the banner takes
 * focus and is in view; the result says emergency with joint infection to rule out first; Today then shows
 * that result (the same tier, the same first entry, running paused), and the report — the preview and the
 * downloaded PDF read back as text — says the same tier and the same first entry. The saved check behind
 * all of them is read from the API once, and every screen is compared with it.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { TIER_LOOK } from '../../web/src/knee/urgency-tiers.ts';
import {
  apiGet,
  browserSkipReason,
  openPage,
  startTestServer,
  useBrowser,
  withServer,
} from '../support/browser.ts';
import { answerUntil, inWindow, placeInWindow, type Story } from '../support/knee-check-ui.ts';
import { pdfText, pdfTextSkipReason } from '../support/story-cli.ts';

const skip = browserSkipReason() || pdfTextSkipReason();
const browser = useBrowser(skip);

const HOT_KNEE: Story = {
  age: 58,
  sex: 'female',
  side: 'left',
  trauma: false,
  canBearWeight: true,
  redHotJoint: true,
  kneeWarm: true,
  kneeRed: true,
  fever: true,
  temperatureC: 38.6,
  calfPain: false,
  calfSwelling: false,
  lockedNow: false,
  nightPain: true,
  painAtRest: true,
  swelling: 'severe',
  skinBreak: false,
  rednessSpreading: false,
  swellingLocation: 'whole-joint',
  painLocation: 'diffuse',
  onset: 'sudden',
  durationDays: 2,
};

interface SavedCheck {
  urgency: keyof typeof TIER_LOOK;
  differential: { id: string; name: string; kind: string }[];
}

test('the hot knee: emergency in the check, on Today and in the report (preview and PDF), phone only', {
  skip,
  timeout: 120_000,
}, async () => {
  await withServer(startTestServer(), async (server) => {
    const watched = await openPage(browser(), server, { width: 390, height: 844 });
    const { page } = watched;
    await page.getByRole('link', { name: 'My knee hurts now — check it' }).click();
    await page.getByRole('heading', { name: 'Knee check', level: 1 }).waitFor();

    // Mid-questionnaire: the alarm reaches emergency, takes focus and stays in the window.
    const warning = page.locator('.early-warning');
    const early = warning.locator('.urgency-banner');
    await answerUntil(
      page,
      HOT_KNEE,
      async () => (await warning.isVisible()) && (await early.getAttribute('data-urgency')) === 'emergency',
    );
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'early-warning-headline');
    assert.ok(await inWindow(early), `the banner is in view: ${JSON.stringify(await placeInWindow(early))}`);
    assert.doesNotMatch((await warning.textContent()) ?? '', /checking today/i);
    await watched.screenshot('story-hot-knee-alarm-390');

    // The rest of the answers, then the result.
    await answerUntil(page, HOT_KNEE);
    await page.getByRole('button', { name: 'See my result', exact: true }).click();
    const banner = page.locator('.assessment-result .urgency-banner');
    await banner.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'result-headline');
    assert.ok(await inWindow(banner), 'the result banner is in view');

    // The saved check: what every surface below must say.
    const saved = await apiGet<SavedCheck>(server, '/assessments/latest');
    assert.equal(saved.urgency, 'emergency');
    const first = saved.differential[0]!;
    assert.equal(first.kind, 'must-not-miss');
    assert.equal(first.id, 'septic_arthritis', 'a joint infection is what must be ruled out first');
    const tier = TIER_LOOK[saved.urgency].name;
    assert.equal(await banner.getAttribute('data-urgency'), saved.urgency);
    assert.match((await banner.textContent()) ?? '', new RegExp(tier));
    const firstOnResult =
      (await page.locator('.assessment-result li.condition h4').first().textContent()) ?? '';
    assert.ok(firstOnResult.includes(first.name), `the result names ${first.name} first: ${firstOnResult}`);
    await watched.screenshot('story-hot-knee-result-390');

    // Today: the same tier and first entry, the urgent banner, and no run before the knee is seen.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Today' }).click();
    const card = page.getByTestId('knee-card');
    await card.getByTestId('knee-card-first').waitFor();
    const cardText = (await card.textContent()) ?? '';
    assert.match(cardText, new RegExp(tier));
    assert.ok(
      ((await card.getByTestId('knee-card-first').textContent()) ?? '').includes(first.name),
      `Today names ${first.name} first: ${cardText}`,
    );
    const urgent = page.getByTestId('urgent-banner');
    await urgent.waitFor();
    assert.match((await urgent.textContent()) ?? '', new RegExp(tier));
    const main = (await page.locator('main').textContent()) ?? '';
    assert.doesNotMatch(main, /checking today|checked promptly/i, 'Today never plays the emergency down');
    // The plan Today shows waits for the knee to be seen, in the check's own words.
    assert.match(
      (await page.getByTestId('plan-paused').textContent()) ?? '',
      /Not before your knee has been seen/,
    );
    assert.match(main, /Your knee check said emergency: go to an emergency department now/);
    await watched.screenshot('story-hot-knee-today-390');

    // The report: the preview and the PDF say the same tier and the same first entry.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Report' }).click();
    const frame = page.frameLocator('iframe[title^="Preview of the report"]');
    const urgency = frame.locator('p.urgency');
    await urgency.waitFor({ timeout: 20_000 });
    assert.match((await urgency.textContent()) ?? '', new RegExp(`Urgency: ${tier}`));
    const preview = ((await frame.locator('body').textContent()) ?? '').replace(/\s+/gu, ' ');
    assert.ok(preview.includes(first.name), `the preview names ${first.name}`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const file = join(await download.path().then((p) => join(p, '..')), 'story-hot-knee.pdf');
    await writeFile(file, await readFile(await download.path()));
    const pdf = pdfText(file);
    assert.ok(pdf.includes(`Urgency: ${tier}`), `the PDF says ${tier}: ${pdf.slice(0, 600)}`);
    assert.ok(pdf.includes(first.name), `the PDF names ${first.name}`);
    assert.ok(
      pdf.indexOf(first.name) <
        Math.min(
          ...saved.differential
            .slice(1)
            .map((d) => pdf.indexOf(d.name))
            .filter((i) => i >= 0),
        ),
      'and names it first',
    );
    const today = /.{0,200}checking today.{0,200}/i.exec(pdf)?.[0];
    assert.equal(today, undefined, 'an emergency report never says "needs checking today"');

    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});
