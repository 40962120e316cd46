/**
 * The alarm where it matters most, on a 390 px phone and a 1280 px desktop: a 58-year-old with a hot, red,
 * swollen knee and a fever. When the answers reach emergency mid-questionnaire, focus and scroll go to the
 * banner; it stays in the window while the runner keeps answering (and the question is not hidden under it);
 * the result's banner takes focus and stays in view while the result is read. The tier words are the same
 * everywhere and an emergency never says "needs checking today". The differential puts what must be ruled
 * out first and the likely conditions under "Once the urgent cause is excluded".
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { auditPage } from '../support/a11y-audit.ts';
import {
  ARTIFACTS,
  browserSkipReason,
  openPage,
  startTestServer,
  useBrowser,
  useServer,
} from '../support/browser.ts';
import {
  answerFromStory,
  answerUntil,
  inWindow,
  nextQuestion,
  placeInWindow,
  type Story,
} from '../support/knee-check-ui.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, () => startTestServer());

/** Warmth and redness are asked apart in the newer questionnaire and together in the older one: both here. */
const HOT_KNEE: Story = {
  age: 58,
  sex: 'male',
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
  nightPain: false,
  painAtRest: true,
  swelling: 'severe',
  skinBreak: false,
  rednessSpreading: false,
  swellingLocation: 'whole-joint',
  painLocation: 'diffuse',
};

for (const { width, height } of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`at ${width} px the emergency banner takes focus, stays in view while answering, and leads the result`, {
    skip,
  }, async () => {
    const watched = await openPage(browser(), server(), { path: '/#/knee-check', width, height });
    const { page, problems } = watched;
    const start = page.getByRole('button', { name: 'Start a new check' });
    await page.locator('form.question').or(start).first().waitFor();
    if (await start.isVisible()) await start.click();

    const warning = page.locator('.early-warning');
    const banner = warning.locator('.urgency-banner');
    const tier = () => banner.getAttribute('data-urgency');
    // First alarm (a hot, red knee is same-day care on its own): focus and scroll go to the banner.
    const firstPart = await answerUntil(page, HOT_KNEE, async () => warning.isVisible());
    const first = await tier();
    assert.ok(
      first === 'urgent' || first === 'emergency',
      `alarm tier ${first} after ${firstPart.join(' ')}`,
    );
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'early-warning-headline');
    assert.ok(
      await inWindow(banner),
      `the banner is in view: ${JSON.stringify(await placeInWindow(banner))}`,
    );
    assert.match(
      (await warning.textContent()) ?? '',
      first === 'urgent' ? /Urgent.*How fast: Today/s : /Emergency/,
    );
    await watched.screenshot(`knee-alarm-first-${width}`);
    if (first === 'urgent') {
      // The fever makes it an emergency: the banner says so, and takes focus again.
      await answerUntil(page, HOT_KNEE, async () => (await tier()) === 'emergency');
    }
    assert.equal(await tier(), 'emergency');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'early-warning-headline');
    assert.ok(
      await inWindow(banner),
      `the banner is in view: ${JSON.stringify(await placeInWindow(banner))}`,
    );
    const alarmText = (await warning.textContent()) ?? '';
    assert.match(alarmText, /Emergency/);
    assert.match(alarmText, /emergency department now/);
    assert.match(alarmText, /How fast: Now — do not wait/);
    assert.doesNotMatch(
      `${alarmText} ${await page.locator('.early-warning-details').textContent()}`,
      /checking today|same day|get seen today/i,
      'an emergency speaks only of emergency care',
    );
    await watched.screenshot(`knee-alarm-raised-${width}`);

    // Keep answering: after each answer the banner is still in the window, and the question is not under it.
    let step = Number(await page.locator('form.question').getAttribute('data-step'));
    for (let more = 0; more < 4; more += 1, step += 1) {
      const key = await nextQuestion(page, step);
      if (key === null) break;
      await answerFromStory(page, step, key, HOT_KNEE);
      const next = page.locator(`form.question[data-step="${step + 1}"], .question-done`).first();
      await next.waitFor();
      assert.ok(
        await inWindow(banner),
        `after "${key}" the banner is in view: ${JSON.stringify(await placeInWindow(banner))}`,
      );
      const question = await placeInWindow(next);
      const alarm = await placeInWindow(banner);
      assert.ok(
        question.top >= alarm.bottom - 1,
        `the next question starts below the banner (${question.top} < ${alarm.bottom})`,
      );
    }
    // Even scrolled to the very bottom, the banner is on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    assert.ok(await inWindow(banner), 'scrolled to the bottom, the banner is still in view');
    await watched.screenshot(`knee-alarm-answering-${width}`);
    // What the runner sees in the window (a full-page shot cannot show a sticky banner where it sits).
    await page.screenshot({ path: join(ARTIFACTS, `knee-alarm-answering-${width}-window.png`) });

    await warning.getByRole('button', { name: 'See my result now' }).click();
    const result = page.locator('.assessment-result .urgency-banner');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-urgency'), 'emergency');
    await page.waitForFunction(() => document.activeElement?.id === 'result-headline');
    assert.ok(await inWindow(result), 'the result banner is in view');
    const screen = (await page.locator('main').textContent()) ?? '';
    assert.doesNotMatch(screen, /checking today/i, 'no "needs checking today" under an emergency');
    assert.match(screen, /education, not a diagnosis|education and triage, not a diagnosis/i);

    // The differential: what must be ruled out first, the likely ones only once it is excluded (and last,
    // any danger only an unanswered question keeps open: data-open).
    const entries = page.locator('.assessment-result li.condition:not([data-open])');
    const kinds = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.ok(kinds.length > 0 && kinds[0] === 'must-not-miss', `dangers first: ${kinds.join(' ')}`);
    assert.match((await entries.first().textContent()) ?? '', /Must be ruled out/);
    assert.match((await page.locator('.assessment-result').textContent()) ?? '', /Joint infection/);
    const lastDanger = kinds.lastIndexOf('must-not-miss');
    assert.ok(
      kinds.slice(0, lastDanger).every((k) => k === 'must-not-miss'),
      'one block of dangers, then the rest',
    );
    if (kinds.includes('likely')) {
      const divider = page.locator('.differential-divider');
      assert.match((await divider.textContent()) ?? '', /Once the urgent cause is excluded/);
      const dividerBeforeLikely = await page.evaluate(() => {
        const d = document.querySelector('.differential-divider');
        const l = document.querySelector('li.condition[data-kind="likely"]');
        return !!d && !!l && (d.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      });
      assert.ok(dividerBeforeLikely, 'the likely conditions sit under the heading');
    }
    await watched.screenshot(`knee-alarm-result-${width}`);

    // Reading on: the banner stays in the window.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    assert.ok(await inWindow(result), 'half way down the result the banner is in view');
    await page.screenshot({ path: join(ARTIFACTS, `knee-alarm-result-${width}-window.png`) });
    assert.deepEqual(await auditPage(page), [], 'the emergency result passes the audit');
    if (width === 390) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 390, `no sideways scrolling (scroll width ${scrollWidth})`);
    }
    assert.deepEqual(problems, []);
    await watched.close();
  });
}
