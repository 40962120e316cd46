/**
 * The Report screen in a real browser over a seeded runner: the preview frame shows the clinician report,
 * Download PDF gives a real PDF (printed by the server's Chromium), Download HTML gives the report's HTML,
 * and a server without Chromium (503 REPORT_NO_BROWSER) leaves the runner with its message and the HTML.
 * Screenshots: desktop, 360 px dark.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, openPage, startSeededServer, useBrowser, useServer } from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, startSeededServer);

async function previewHeading(page: Page): Promise<string> {
  const frame = page.frameLocator('iframe[title^="Preview of the report"]');
  return (await frame.locator('h1').textContent({ timeout: 20_000 })) ?? '';
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path()) ?? '') };
}

test('the report previews, and downloads as PDF and as HTML', { skip, timeout: 120_000 }, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/report' });
  const { page, problems } = watched;
  await page.waitForSelector('#screen-title');
  assert.match((await page.locator('.intro').textContent()) ?? '', /physiotherapist or sports doctor/);
  assert.match((await page.locator('.not-diagnosis').textContent()) ?? '', /not a diagnosis/);
  assert.equal(await previewHeading(page), 'Knee report: pain since 15 Jun 2025');
  // The frame follows the weeks chosen.
  await page.selectOption('#report-weeks', '12');
  assert.match((await page.locator('iframe').getAttribute('src')) ?? '', /weeks=12/);
  assert.equal(await previewHeading(page), 'Knee report: pain since 15 Jun 2025');
  await page.waitForLoadState('networkidle');
  await watched.screenshot('report-desktop');

  const pdf = await downloaded(page, () => page.click('button:has-text("Download PDF")'));
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.name, /^kneewise-report-2025-06-29\.pdf$/);
  assert.ok(pdf.bytes.length > 10_000, `a PDF of ${pdf.bytes.length} bytes is too small to hold the report`);
  await page.waitForSelector('.report-status:has-text("in your downloads")');

  const html = await downloaded(page, () => page.click('a:has-text("Download HTML")'));
  const text = html.bytes.toString('utf8');
  assert.match(text, /^<!doctype html>/i);
  assert.match(text, /<h1>Knee report: pain since 15 Jun 2025<\/h1>/);
  assert.match(html.name, /\.html$/);

  assert.deepEqual(problems, []);
  await watched.close();
});

test('without Chromium on the server the message shows and the HTML is still offered', { skip }, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/report', width: 360, colorScheme: 'dark' });
  const { page, problems } = watched;
  const message = 'No Chromium found to print the PDF: install chromium or set CHROMIUM_PATH.';
  // The server here has Chromium, so its 503 is played back as the API documents it.
  await page.route('**/api/report.pdf?*', (route) =>
    route.fulfill({ status: 503, json: { error: { code: 'REPORT_NO_BROWSER', message } } }),
  );
  await page.waitForSelector('#screen-title');
  assert.match(await previewHeading(page), /^Knee report/);
  await page.click('button:has-text("Download PDF")');
  const alert = page.locator('.report-controls [role="alert"]');
  await alert.waitFor();
  const said = (await alert.textContent()) ?? '';
  assert.ok(said.includes(message), `the server's message is shown: ${said}`);
  const html = await downloaded(page, () => alert.locator('a:has-text("download the HTML")').click());
  assert.match(html.bytes.toString('utf8'), /<h1>Knee report/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await page.waitForLoadState('networkidle');
  await watched.screenshot('report-phone-dark-no-pdf');

  // The browser reports the failed request itself; that one line is the expected 503, anything else is not.
  const unexpected = problems.filter((p) => !/Failed to load resource.*503/.test(p));
  assert.deepEqual(unexpected, []);
  await watched.close();
});
