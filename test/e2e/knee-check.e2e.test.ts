/**
 * The knee check in a real browser over a fresh runner: the adaptive questionnaire answered through the UI
 * (radio groups, number fields, "I don't know", Back) with the knee map used by mouse and by keyboard, to a
 * saved result. A patellofemoral story ends in self-care or soon with patellofemoral pain first; an injury
 * where the leg cannot take weight, and a hot swollen knee with a fever, raise the alarm as soon as those
 * answers are given. Screenshots: the question with the map (desktop, 360 px, dark), both kinds of result,
 * the early warning, the saved check.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { auditPage } from '../support/a11y-audit.ts';
import {
  apiGet,
  browserSkipReason,
  openPage,
  startTestServer,
  useBrowser,
  useServer,
} from '../support/browser.ts';
import { answerUntil, type Story } from '../support/knee-check-ui.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, () => startTestServer());

/** A runner in her twenties with a gradual ache around the kneecap on stairs, squats and long sitting. */
const KNEECAP_STORY: Story = {
  age: 27,
  sex: 'female',
  trauma: false,
  canBearWeight: true,
  redHotJoint: false,
  fever: false,
  calfPain: false,
  calfSwelling: false,
  lockedNow: false,
  nightPain: false,
  painAtRest: false,
  swelling: 'none',
  durationDays: 10,
  improving: true,
  groinPain: false,
  numbness: false,
  onset: 'gradual',
  stairsPain: true,
  squattingPain: true,
  sittingPain: true,
  downhillPain: true,
  risingFromChairPain: true,
  kneelingPain: false,
  jumpingPain: false,
  locking: false,
  givingWay: false,
  catching: false,
  popHeard: false,
  twistingPain: false,
  warmsUp: false,
  painStartsAfterKm: 0,
  jointLineTenderness: false,
  focalBoneTenderness: false,
};

/** A twisting fall; the leg will not take weight since. */
const INJURY_STORY: Story = {
  age: 41,
  trauma: true,
  canBearWeight: false,
  couldWalk4StepsImmediately: false,
  canWalk4StepsNow: false,
};

/**
 * Answers every question from the story (anything it does not know gets "I don't know"); the pain-location
 * question is handed to `onLocation`. Stops early when `stopWhen` says so. Returns the keys asked, in order.
 */
async function answerStory(
  page: Page,
  story: Story,
  onLocation: (form: Locator) => Promise<void>,
  stopWhen: (key: string, step: number) => Promise<boolean> = async () => false,
): Promise<string[]> {
  // A story may be answered in several parts: the shared driver continues from wherever it stands.
  return answerUntil(page, story, stopWhen, onLocation);
}

/** Tabs forward until the focused element is the map region `region` (proves it is in the tab order). */
async function tabToRegion(page: Page, region: string): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-region') ?? null);
    if (at === region) return;
  }
  throw new Error(`Tab never reached the "${region}" region of the knee map`);
}

async function regionState(form: Locator, region: string) {
  return {
    map: await form.locator(`[role="checkbox"][data-region="${region}"]`).getAttribute('aria-checked'),
    list: await form.locator(`input[type="checkbox"][value="${region}"]`).isChecked(),
  };
}

test('a kneecap story, map by mouse and keyboard, ends in self-care or soon with patellofemoral pain first', {
  skip,
}, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/knee-check' });
  const { page, problems } = watched;
  await page.getByRole('heading', { level: 1, name: 'Knee check' }).waitFor();

  // Back: answer age and trauma, go back one, the previous answer is still selected.
  await page.locator('form.question[data-step="0"] input[type="number"]').fill('27');
  await page.getByRole('button', { name: 'Next' }).click();
  const trauma = page.locator('form.question[data-step="1"][data-question-key="trauma"]');
  await trauma.waitFor();
  // The server's estimate: every screen and core question that applies, and the usual adaptive ones.
  const shown = (await trauma.locator('.question-progress').textContent()) ?? '';
  const promised = Number(shown.match(/^Question 2 of about (\d+) · warning signs$/)?.[1]);
  assert.ok(promised >= 30 && promised <= 45, `"${shown}": about as many as a check asks (35 on average)`);
  await trauma.getByRole('radio', { name: 'No', exact: true }).check();
  await trauma.getByRole('button', { name: 'Next' }).click();
  await page.locator('form.question[data-step="2"]').waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  await trauma.waitFor();
  assert.equal(await trauma.getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
  assert.equal(
    await trauma.locator('.question-progress').textContent(),
    shown,
    'Back shows the same estimate',
  );
  await page.getByRole('button', { name: 'Back' }).click();
  const age = page.locator('form.question[data-step="0"][data-question-key="age"]');
  assert.equal(await age.locator('input[type="number"]').inputValue(), '27');
  // Age is required: no "I don't know" there, and a wrong value is refused with a message.
  assert.equal(await age.getByRole('button', { name: "I don't know" }).count(), 0);
  await age.locator('input[type="number"]').fill('200');
  await age.getByRole('button', { name: 'Next' }).click();
  assert.match((await age.locator('.field-error').textContent()) ?? '', /whole number from 5 to 100/);

  const asked = await answerStory(page, KNEECAP_STORY, async (form) => {
    await form.locator('.knee-view-front').waitFor();
    await form.locator('.knee-view-back').waitFor();
    await watched.screenshot('knee-check-map');
    assert.deepEqual(await auditPage(page), [], 'the map question passes the audit');
    // Mouse: the kneecap on the front view.
    await form.locator('.knee-view-front [data-region="anterior"]').click();
    assert.deepEqual(await regionState(form, 'anterior'), { map: 'true', list: true });
    // Keyboard: Tab to "below the kneecap", Space selects it, Enter deselects it.
    await form.locator('.question-text').focus();
    await tabToRegion(page, 'inferior-patellar');
    await page.keyboard.press('Space');
    assert.deepEqual(await regionState(form, 'inferior-patellar'), { map: 'true', list: true });
    await page.keyboard.press('Enter');
    assert.deepEqual(await regionState(form, 'inferior-patellar'), { map: 'false', list: false });
    assert.deepEqual(await regionState(form, 'anterior'), { map: 'true', list: true });
    await form.getByRole('button', { name: 'Next' }).click();
  });
  assert.equal(asked[0], 'age');
  assert.ok(asked.indexOf('painLocation') > asked.indexOf('canBearWeight'), 'red flags come before location');
  assert.equal(
    await page.locator('.early-warning').count(),
    0,
    `no alarm for a kneecap ache: ${await page.locator('.early-warning').allTextContents()} after ${asked.join(' ')}`,
  );

  await page.getByRole('button', { name: 'See my result' }).click();
  const banner = page.locator('.assessment-result .urgency-banner');
  await banner.waitFor();
  const urgency = await banner.getAttribute('data-urgency');
  assert.ok(urgency === 'self-care' || urgency === 'soon', `urgency ${urgency}`);
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'result-headline',
    'focus moves to the verdict',
  );
  // The differential's likely conditions (after anything that must be ruled out) open with the kneecap.
  const likely = page.locator('.assessment-result li.condition[data-kind="likely"]');
  assert.equal(await likely.first().getAttribute('data-condition'), 'pfps');
  const first = (await likely.first().textContent()) ?? '';
  assert.match(first, /Patellofemoral pain/);
  assert.match(
    first,
    /For: .*Where does it hurt\?.* — Around or behind the kneecap/s,
    'reasons name the answers',
  );
  await likely.first().locator('summary').click();
  assert.match(
    first + ((await likely.first().locator('.sources').textContent()) ?? ''),
    /Willy RW|Crossley KM/,
  );
  assert.ok(await page.getByRole('link', { name: /See the programme/ }).isVisible());
  assert.equal(await page.getByRole('link', { name: 'Clinician report' }).getAttribute('href'), '#/report');
  assert.match((await page.locator('.assessment-result').textContent()) ?? '', /education, not a diagnosis/i);

  await watched.screenshot(`knee-check-result-${urgency}`);
  assert.deepEqual(await auditPage(page), [], 'the result passes the audit');

  const saved = await apiGet<{ id: string; urgency: string; answers: Record<string, unknown> }>(
    server(),
    '/assessments/latest',
  );
  assert.equal(saved.urgency, urgency);
  assert.deepEqual(saved.answers.painLocation, ['anterior']);
  assert.equal(saved.answers.age, 27);
  assert.equal(saved.answers.trauma, false);

  // Coming back shows the saved check and offers a new one.
  await page.reload();
  const again = page.getByRole('button', { name: 'Start a new check' });
  await again.waitFor();
  assert.match((await page.locator('.latest-note').textContent()) ?? '', /Your last check, saved on/);
  assert.equal(
    await page.locator('.assessment-result .urgency-banner').getAttribute('data-urgency'),
    urgency,
  );
  await watched.screenshot('knee-check-saved');
  await again.click();
  await page.locator('form.question[data-question-key="age"]').waitFor();

  assert.deepEqual(problems, []);
  await watched.close();
});

test('an injury that stops the leg taking weight raises the alarm at once, and the result is saved', {
  skip,
}, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/knee-check' });
  const { page, problems } = watched;
  await page.getByRole('button', { name: 'Start a new check' }).click();

  // Three answers in, the alarm is up: age, "a twist started it", "I cannot put weight on it".
  const warning = page.locator('.early-warning');
  const firstThree = await answerStory(
    page,
    INJURY_STORY,
    async () => {},
    async (_key, step) => step === 3,
  );
  assert.deepEqual(firstThree, ['age', 'trauma', 'canBearWeight']);
  await warning.waitFor({ timeout: 5000 });
  const early = await warning.locator('.urgency-banner').getAttribute('data-urgency');
  assert.ok(early === 'emergency' || early === 'urgent', `early tier ${early}`);
  assert.equal(await warning.getAttribute('role'), 'alert');
  assert.match(
    (await page.locator('.early-warning-details').textContent()) ?? '',
    /Can you stand and put your weight on that leg now\? — No/,
  );
  await watched.screenshot('knee-check-early-warning');

  // The runner may keep answering (here up to where it hurts: keyboard for the inner side, mouse for the back).
  let located = false;
  const rest = await answerStory(
    page,
    INJURY_STORY,
    async (form) => {
      await form.locator('.question-text').focus();
      await tabToRegion(page, 'medial');
      await page.keyboard.press('Space');
      await form.locator('.knee-view-back [data-region="posterior"]').click();
      assert.deepEqual(await regionState(form, 'medial'), { map: 'true', list: true });
      assert.deepEqual(await regionState(form, 'posterior'), { map: 'true', list: true });
      // The sides seen from behind answer the mouse too: the same choice as the front view's.
      await form.locator('.knee-view-back [data-region="medial"]').click();
      assert.deepEqual(await regionState(form, 'medial'), { map: 'false', list: false });
      await form.locator('.knee-view-back [data-region="medial"]').click();
      await form.getByRole('button', { name: 'Next' }).click();
      located = true;
    },
    async () => located,
  );
  assert.ok(rest.includes('canFlex90'), 'the Ottawa items follow an injury');
  assert.ok(await warning.isVisible(), 'the alarm stays up while answering');

  await warning.getByRole('button', { name: 'See my result now' }).click();
  const banner = page.locator('.assessment-result .urgency-banner');
  await banner.waitFor();
  const urgency = await banner.getAttribute('data-urgency');
  assert.ok(urgency === 'emergency' || urgency === 'urgent', `urgency ${urgency}`);
  assert.match((await banner.textContent()) ?? '', /today|emergency department now/i);
  assert.match((await page.locator('#why-level').locator('..').textContent()) ?? '', /weight/);
  await watched.screenshot(`knee-check-result-${urgency}`);

  const saved = await apiGet<{ urgency: string; answers: Record<string, unknown> }>(
    server(),
    '/assessments/latest',
  );
  assert.equal(saved.urgency, urgency);
  assert.equal(saved.answers.canBearWeight, false);
  assert.deepEqual(saved.answers.painLocation, ['medial', 'posterior']);
  assert.deepEqual(problems, []);
  await watched.close();
});

test('a hot swollen knee with a fever, on a phone in dark mode, says emergency plainly', {
  skip,
}, async () => {
  const watched = await openPage(browser(), server(), {
    path: '/#/knee-check',
    width: 360,
    height: 780,
    colorScheme: 'dark',
  });
  const { page, problems } = watched;
  await page.getByRole('button', { name: 'Start a new check' }).click();
  const story: Story = {
    age: 58,
    trauma: false,
    canBearWeight: true,
    redHotJoint: true,
    kneeWarm: true,
    kneeRed: true,
    fever: true,
    calfPain: false,
    calfSwelling: false,
    lockedNow: false,
    nightPain: false,
    painAtRest: false,
    swelling: 'severe',
    temperatureC: 38.6,
    skinBreak: false,
    rednessSpreading: false,
    swellingLocation: 'whole-joint',
  };
  const warning = page.locator('.early-warning');
  await answerStory(
    page,
    story,
    async () => {},
    // Warmth, redness and the fever may come in any order: go on until the alarm says emergency.
    async () =>
      (await warning.isVisible()) &&
      (await warning.locator('.urgency-banner').getAttribute('data-urgency')) === 'emergency',
  );
  await warning.waitFor({ timeout: 5000 });
  assert.equal(await warning.locator('.urgency-banner').getAttribute('data-urgency'), 'emergency');
  await watched.screenshot('knee-check-early-warning-360-dark');

  // The map at phone width, in dark mode.
  let located = false;
  await answerStory(
    page,
    story,
    async (form) => {
      await form.locator('.knee-view-front [data-region="lateral"]').click();
      await form.getByRole('checkbox', { name: 'All over / hard to pin down' }).check();
      assert.equal(await form.locator('button[data-region="diffuse"]').getAttribute('aria-pressed'), 'true');
      await watched.screenshot('knee-check-map-360-dark');
      assert.deepEqual(await auditPage(page), [], 'the map at 360 px in dark mode passes the audit');
      await form.getByRole('button', { name: 'Next' }).click();
      located = true;
    },
    async () => located,
  );
  await warning.getByRole('button', { name: 'See my result now' }).click();
  const banner = page.locator('.assessment-result .urgency-banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-urgency'), 'emergency');
  assert.match((await page.locator('#why-level').locator('..').textContent()) ?? '', /joint infection/);
  // The danger to rule out opens the differential, labelled as such.
  assert.match(
    (await page.locator('.assessment-result li.condition').first().textContent()) ?? '',
    /Must be ruled out.*Joint infection \(septic arthritis\)/s,
  );
  await watched.screenshot('knee-check-result-emergency-360-dark');
  assert.deepEqual(await auditPage(page), [], 'the emergency result at 360 px in dark mode passes the audit');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the result fits 360 px (scroll width ${width})`);
  assert.deepEqual(problems, []);
  await watched.close();
});
