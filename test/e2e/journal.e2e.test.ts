/**
 * The journal in a real browser over the seeded runner (today = 29 Jun 2025): check in after the run of
 * 26 Jun (side, regions on the knee map, pain sliders moved with the keyboard, swelling, a note), see the
 * entry in the list and on the calendar day, edit it, delete it — each step checked against the API too.
 * Screenshots: desktop, 360 px, dark.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { JournalCalendar, PainList } from '../../web/src/types/journal.ts';
import { SEED_NOTE } from '../factories/report-seed.fixture.ts';
import { auditPage } from '../support/a11y-audit.ts';
import {
  apiGet,
  browserSkipReason,
  openPage,
  startSeededServer,
  useBrowser,
  useServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, startSeededServer);

const RUN_DAY = '2025-06-26';
const NOTE = 'e2e: felt it on the last hill';

/** Moves a 0–10 slider to `value` with the arrow keys, as a keyboard user would. */
async function slide(page: Page, slider: Locator, value: number): Promise<void> {
  await slider.focus();
  const now = Number(await slider.inputValue());
  const key = value > now ? 'ArrowRight' : 'ArrowLeft';
  for (let i = 0; i < Math.abs(value - now); i += 1) await page.keyboard.press(key);
  assert.equal(await slider.inputValue(), String(value));
}

function dayCell(page: Page, date: string): Locator {
  return page.locator(`.pain-calendar td[data-date="${date}"]`);
}

test('check in after a run, see it in the list and on the calendar, edit it, delete it', {
  skip,
}, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/journal' });
  const { page, problems } = watched;
  const form = page.locator('form.check-in');
  await form.getByRole('heading', { name: "How's your knee?" }).waitFor();
  await page.locator('.pain-calendar').waitFor();
  await page.locator('.journal-entry').first().waitFor();

  // The calendar: weeks start on Monday (the runner's setting), twelve of them, a sentence per day.
  assert.deepEqual(await page.locator('.pain-calendar thead th').allTextContents(), [
    'Week',
    'Mon',
    'Tue',
    'Wed',
    'Thu',
    'Fri',
    'Sat',
    'Sun',
  ]);
  assert.equal(await page.locator('.pain-calendar tbody tr').count(), 12);
  assert.equal(
    await dayCell(page, RUN_DAY).locator('.visually-hidden').textContent(),
    'Thu 26 Jun: 5.0 km, no pain noted',
  );
  // The seeded note holds markup: shown as text, never as HTML.
  assert.ok(await page.getByText(`“${SEED_NOTE}”`).isVisible());

  // The latest run (three days ago) is offered first; pick it anyway, as a runner would.
  const run = form.getByLabel('After which run?');
  const runOption = run.locator('option', { hasText: 'Thu 26 Jun · 5.0 km' });
  const runId = await runOption.getAttribute('value');
  assert.ok(runId);
  assert.equal(await run.inputValue(), runId, 'the latest run is preselected');
  await run.selectOption(runId);
  assert.equal(await form.getByLabel('Day', { exact: true }).inputValue(), RUN_DAY);
  await form.getByRole('radio', { name: 'Right' }).check();
  await form.locator('.knee-view-front [data-region="lateral"]').click();
  await form
    .locator('.knee-region-list')
    .getByRole('checkbox', { name: 'Around or behind the kneecap' })
    .check();
  assert.equal(
    await form
      .locator('.knee-view-front [role="checkbox"][data-region="anterior"]')
      .getAttribute('aria-checked'),
    'true',
  );
  await slide(page, form.getByRole('slider', { name: 'During the run' }), 3);
  await slide(page, form.getByRole('slider', { name: 'After the run' }), 4);
  assert.equal(
    await form.getByRole('slider', { name: 'After the run' }).getAttribute('aria-valuetext'),
    '4/10, moderate',
  );
  assert.match((await form.locator('.pain-score').nth(1).textContent()) ?? '', /4\/10, moderate/);
  assert.equal(
    await form.getByRole('slider', { name: 'The next morning' }).isDisabled(),
    true,
    'not noted yet',
  );
  await form.getByRole('radio', { name: 'A little' }).check();
  await form.getByLabel('Note', { exact: true }).fill(NOTE);
  await watched.screenshot('journal-check-in-form');
  await form.getByRole('button', { name: 'Save check-in' }).click();

  const message = page.locator('.journal-message');
  await message.filter({ hasText: 'Saved your check-in for Thursday 26 June 2025.' }).waitFor();
  assert.equal(await message.getAttribute('aria-live'), 'polite');
  const entry = page.locator('.journal-entry', { hasText: NOTE });
  await entry.waitFor();
  const entryText = (await entry.textContent()) ?? '';
  assert.match(entryText, /Thu 26 Jun · right knee/);
  assert.match(entryText, /During: 3\/10, mild/);
  assert.match(entryText, /After: 4\/10, moderate/);
  assert.match(entryText, /Where: Kneecap, Outer side\./);
  assert.match(entryText, /Swelling: a little\./);
  assert.match(entryText, /After the 5\.0 km run\./);
  await page.waitForFunction(
    (d) => document.querySelector(`td[data-date="${d}"] .cal-pain`)?.textContent === '4',
    RUN_DAY,
  );
  assert.equal(await dayCell(page, RUN_DAY).getByRole('button').getAttribute('aria-pressed'), 'false');
  assert.equal(
    await dayCell(page, RUN_DAY).locator('.visually-hidden').textContent(),
    'Thu 26 Jun: 5.0 km, pain 4/10 (moderate), 1 journal entry',
  );
  const stored = (await apiGet<PainList>(server(), '/pain')).entries.find((e) => e.note === NOTE);
  assert.ok(stored);
  assert.deepEqual(
    {
      date: stored.localDate,
      side: stored.side,
      regions: stored.regions,
      during: stored.painDuring,
      after: stored.painAfter,
      morning: stored.painNextMorning,
      swelling: stored.swelling,
      run: stored.activityId,
    },
    {
      date: RUN_DAY,
      side: 'right',
      regions: ['anterior', 'lateral'],
      during: 3,
      after: 4,
      morning: null,
      swelling: 'mild',
      run: runId,
    },
  );
  await watched.screenshot('journal-desktop');
  assert.deepEqual(await auditPage(page), [], 'the journal passes the audit');

  // The calendar day opens that day's entries.
  await dayCell(page, RUN_DAY).getByRole('button').click();
  await page.getByText('Showing Thu 26 Jun only.').waitFor();
  assert.equal(await page.locator('.journal-entry').count(), 1);

  // Edit: less pain after the run, and a next-morning score.
  await entry.getByRole('button', { name: 'Edit the entry of Thursday 26 June 2025' }).click();
  const edit = page.locator('form.check-in', {
    has: page.getByRole('heading', { name: 'Edit the entry of Thu 26 Jun' }),
  });
  await edit.waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'Edit the entry of Thu 26 Jun',
  );
  assert.equal(await edit.getByLabel('Note', { exact: true }).inputValue(), NOTE);
  assert.equal(
    await edit
      .locator('.knee-region-list')
      .getByRole('checkbox', { name: 'Outer side of the knee' })
      .isChecked(),
    true,
  );
  await slide(page, edit.getByRole('slider', { name: 'After the run' }), 2);
  await edit.getByRole('checkbox', { name: 'The next morning: Not noted' }).uncheck();
  await slide(page, edit.getByRole('slider', { name: 'The next morning' }), 1);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await message.filter({ hasText: 'Saved the changes to Thursday 26 June 2025.' }).waitFor();
  await page.waitForFunction(
    (d) => document.querySelector(`td[data-date="${d}"] .cal-pain`)?.textContent === '3',
    RUN_DAY,
  );
  const edited = (await entry.textContent()) ?? '';
  assert.match(edited, /After: 2\/10, mild/);
  assert.match(edited, /Next morning: 1\/10, mild/);
  const afterEdit = (await apiGet<PainList>(server(), '/pain')).entries.find((e) => e.id === stored.id);
  assert.equal(afterEdit?.painAfter, 2);
  assert.equal(afterEdit?.painNextMorning, 1);
  assert.equal(afterEdit?.activityId, runId, 'still linked to its run');

  // Delete, with a second confirmation in place.
  await entry.getByRole('button', { name: 'Delete the entry of Thursday 26 June 2025' }).click();
  await entry.getByRole('button', { name: 'Yes, delete' }).click();
  await message.filter({ hasText: 'Deleted the entry of Thursday 26 June 2025.' }).waitFor();
  await page.locator('.journal-entry', { hasText: NOTE }).waitFor({ state: 'detached' });
  await page.waitForFunction(
    (d) => document.querySelector(`td[data-date="${d}"] .cal-pain`)?.textContent === '',
    RUN_DAY,
  );
  assert.equal(await dayCell(page, RUN_DAY).getByRole('button').count(), 0);
  assert.equal(
    (await apiGet<PainList>(server(), '/pain')).entries.some((e) => e.id === stored.id),
    false,
  );
  const calendar = await apiGet<JournalCalendar>(server(), '/journal/calendar');
  assert.equal(calendar.days.find((d) => d.date === RUN_DAY)?.maxPain ?? null, null);

  assert.deepEqual(problems, []);
  await watched.close();
});

test('the journal at 360 px and in dark mode', { skip }, async () => {
  for (const [name, options] of [
    ['journal-360', { width: 360, height: 800 }],
    ['journal-dark', { colorScheme: 'dark' as const }],
    ['journal-360-dark', { width: 360, height: 800, colorScheme: 'dark' as const }],
  ] as const) {
    const watched = await openPage(browser(), server(), { path: '/#/journal?date=2025-06-18', ...options });
    const { page, problems } = watched;
    await page.locator('.pain-calendar').waitFor();
    await page.locator('.journal-entry').first().waitFor();
    // A link with ?date= opens that day's entries.
    await page.getByText('Showing Wed 18 Jun only.').waitFor();
    assert.equal(await page.locator('.journal-entry').count(), 1);
    assert.equal(await dayCell(page, '2025-06-18').getByRole('button').getAttribute('aria-pressed'), 'true');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const viewport = page.viewportSize()?.width ?? 0;
    assert.ok(width <= viewport, `${name}: page scroll width ${width} > ${viewport}`);
    await watched.screenshot(name);
    assert.deepEqual(await auditPage(page), [], `${name} passes the audit`);
    assert.deepEqual(problems, [], name);
    await watched.close();
  }
});
