/**
 * First run in a real browser against a real server over an empty database: the welcome shows, a Strava
 * export ZIP (with one corrupt activity file) goes in through the file input, progress shows, the summary
 * counts what arrived and names the corrupt file with its reason, and Today then shows the ceiling. Also: the
 * same through a drop of loose files, and the demo runner in and out again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatDistance } from '../../src/domain/units.ts';
import { buildStravaExportZip, type StravaExportActivity } from '../factories/export.factory.ts';
import { buildFitRun } from '../factories/fit.factory.ts';
import { auditPage } from '../support/a11y-audit.ts';
import {
  browserSkipReason,
  openPage,
  startTestServer,
  type TestServer,
  useBrowser,
  withServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

const DAY_MS = 86_400_000;
/** The runs are 1–13 June 2025; "now" a few days later keeps them all inside the 30-day window. */
const NOW = new Date('2025-06-16T12:00:00.000Z');
const FIRST_RUN_MS = Date.UTC(2025, 5, 1, 6, 0, 0);
/** Not a FIT, GPX or TCX file by content, whatever its name says. */
const CORRUPT = new Uint8Array([0x50, 0x4b, 0x00, 0x13, 0x37, 0x42, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

function fitRun(day: number, durationS: number): Uint8Array {
  return buildFitRun({ startMs: FIRST_RUN_MS + day * DAY_MS, durationS, speedMps: 3, seed: day });
}

/**
 * Four runs with FIT files (two gzipped, as Strava stores them) and a fifth whose file is corrupt. Strava's
 * activities.csv lists that fifth run too, so it is still imported from the CSV row's summary: 5 activities,
 * and the corrupt file is reported as skipped.
 */
function stravaExport(): Uint8Array {
  const activities: StravaExportActivity[] = [0, 3, 6, 9].map((day, i) => ({
    id: 1000 + i,
    type: 'Run',
    date: FIRST_RUN_MS + day * DAY_MS,
    distanceM: 0,
    movingS: 2400 + i * 300,
    elapsedS: 2400 + i * 300,
    name: `Morning run ${i + 1}`,
    file: { name: `${1000 + i}.fit`, bytes: fitRun(day, 2400 + i * 300), gzip: i % 2 === 1 },
  }));
  activities.push({
    id: 2000,
    type: 'Run',
    date: FIRST_RUN_MS + 12 * DAY_MS,
    distanceM: 5000,
    movingS: 1800,
    elapsedS: 1800,
    file: { name: '2000.fit', bytes: CORRUPT },
  });
  return buildStravaExportZip({ activities });
}

async function freshServer(): Promise<TestServer> {
  return startTestServer({ now: () => NOW });
}

/** Records every state the import panel passes through, however briefly (its headings are h3 under "Bring in your runs"). */
async function watchUploadPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { seenUpload: Set<string> }).seenUpload = seen;
    (window as unknown as { progressLines: Set<string> }).progressLines = new Set();
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('.upload-progress h3')) seen.add(h.textContent ?? '');
      // While reading: every line of the panel (the visible count and the announced one).
      const reading =
        document.querySelector('.upload-progress h3')?.textContent === 'Reading your activities';
      for (const line of reading ? document.querySelectorAll('.upload-progress p') : [])
        (window as unknown as { progressLines: Set<string> }).progressLines.add(line.textContent ?? '');
      if (document.querySelector('.upload-progress progress')) seen.add('progress element');
      if (document.querySelector('.upload-progress [aria-live]')) seen.add('live text');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function seenUpload(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { seenUpload: Set<string> }).seenUpload].sort());
}

async function ceilingFromApi(url: string): Promise<string> {
  const today = (await (await fetch(new URL('/api/today', url))).json()) as {
    load: { nextRunCeilingM: number | null };
  };
  assert.ok(today.load.nextRunCeilingM !== null, 'the imported runs give a ceiling');
  return formatDistance(today.load.nextRunCeilingM, 'km', { roundDown: true });
}

test('the welcome shows on a fresh install, in every size and scheme', { skip }, async () => {
  await withServer(freshServer(), async (server) => {
    for (const variant of [
      { name: 'onboarding-desktop', width: 1280, colorScheme: 'light' as const },
      { name: 'onboarding-360', width: 360, colorScheme: 'light' as const },
      { name: 'onboarding-dark', width: 1280, colorScheme: 'dark' as const },
    ]) {
      const watched = await openPage(browser(), server, variant);
      const { page } = watched;
      await page.getByRole('heading', { name: 'Welcome to kneewise', level: 1 }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      assert.match(text, /Everything stays on this computer/);
      assert.match(text, /Request your archive/);
      assert.match(text, /Export Your Data/);
      // The keyboard way in: real buttons, and the inputs they open carry labels.
      assert.equal(await page.getByRole('button', { name: 'Choose files' }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Choose a folder' }).count(), 1);
      assert.equal(await page.getByLabel('Export ZIP or activity files').getAttribute('multiple'), '');
      assert.equal(await page.getByRole('button', { name: 'Try it with demo data' }).count(), 1);
      if (variant.name === 'onboarding-desktop') {
        // Enter on the focused button opens the system file picker, several files allowed.
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose files' }).press('Enter');
        assert.equal((await chooser).isMultiple(), true);
      }
      // The navigation is there from the start, and a sore knee has its way in beside the import.
      assert.equal(await page.getByRole('navigation', { name: 'Screens' }).count(), 1);
      assert.equal(
        await page.getByRole('link', { name: 'My knee hurts now — check it' }).getAttribute('href'),
        '#/knee-check',
      );
      // Labels, names, contrast, ids, and no sideways scrolling at 360 px.
      assert.deepEqual(await auditPage(page), []);
      await watched.screenshot(variant.name);
      assert.deepEqual(watched.problems, []);
      await watched.close();
    }
  });
});

test('a Strava export through the file input: progress, summary with the corrupt file, then Today', {
  skip,
}, async () => {
  await withServer(freshServer(), async (server) => {
    const watched = await openPage(browser(), server);
    const { page } = watched;
    await page.getByRole('heading', { name: 'Welcome to kneewise', level: 1 }).waitFor();
    await watchUploadPanel(page);
    // Hold the start a moment so the upload phase is on screen long enough to be seen.
    await page.route('**/api/imports/*/start', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });

    // The first poll reports a big export part-way (6 of 75 files), the moment the issue caught "0 % done".
    let held = false;
    await page.route(/\/api\/imports\/[^/?]+$/, async (route) => {
      if (held || route.request().method() !== 'GET') return route.continue();
      held = true;
      const real = (await (await route.fetch()).json()) as { job: Record<string, unknown> };
      const job = { ...real.job, state: 'importing', report: null, queued: false };
      await route.fulfill({
        json: { ...real, job: { ...job, progress: { done: 6, total: 75, current: '2000.fit' } } },
      });
    });
    await page.getByLabel('Export ZIP or activity files').setInputFiles({
      name: 'export_12345.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(stravaExport()),
    });
    const summary = page.getByRole('heading', { name: 'Import finished' });
    await summary.waitFor();

    assert.deepEqual(await seenUpload(page), [
      'Reading your activities',
      'Sending your files to kneewise',
      'live text',
      'progress element',
    ]);
    assert.equal(await page.getByTestId('imported-count').textContent(), '5');
    // The reading line counts files; a percentage beside a file count ("0 % done … 6 of 75") never shows.
    const lines = await page.evaluate(() => [
      ...(window as unknown as { progressLines: Set<string> }).progressLines,
    ]);
    assert.ok(lines.length > 0, 'the reading line was seen');
    for (const line of lines) {
      assert.doesNotMatch(line, /%/, `no percentage while files are read: ${line}`);
    }
    assert.ok(lines.includes('6 of 75 files read.'), `the count of files read: ${lines.join(' | ')}`);
    assert.equal(
      await page.locator('.upload-progress').count(),
      0,
      'the progress is gone once the summary shows',
    );
    const skipped = await page.getByTestId('skipped-list').locator('li').allTextContents();
    assert.equal(skipped.length, 1, skipped.join(' | '));
    assert.match(skipped[0]!, /export_12345\.zip!export_12345\/activities\/2000\.fit/);
    assert.match(skipped[0]!, /Not a FIT, GPX or TCX activity file/);
    assert.match(skipped[0]!, /UNSUPPORTED_FORMAT/);
    // Focus moves to the result so a screen-reader user hears it.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Import finished');
    assert.deepEqual(await auditPage(page), []);
    await watched.screenshot('upload-summary');

    await page.getByRole('button', { name: 'Go to Today' }).click();
    await page.getByTestId('ceiling').waitFor();
    const expected = await ceilingFromApi(server.url);
    assert.match(
      (await page.getByTestId('ceiling').textContent()) ?? '',
      new RegExp(`Keep your next run under\\s*${expected}`),
    );
    assert.equal(new URL(page.url()).hash, '#/today');
    assert.equal(await page.getByRole('navigation').count(), 1);
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('loose files dropped on the drop zone are uploaded one by one and imported', { skip }, async () => {
  await withServer(freshServer(), async (server) => {
    const watched = await openPage(browser(), server, { path: '/#/welcome' });
    const { page } = watched;
    await page.getByTestId('drop-zone').waitFor();
    const files = [
      { name: 'morning.fit', bytes: fitRun(2, 2000) },
      { name: 'long.fit', bytes: fitRun(8, 3600) },
      { name: 'broken.fit', bytes: CORRUPT },
      { name: 'notes.txt', bytes: new TextEncoder().encode('not an activity') },
    ].map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));

    // A synthetic drop: the same DataTransfer a real drag from the file manager hands the page.
    await page.evaluate((dropped) => {
      const data = new DataTransfer();
      for (const f of dropped) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name));
      }
      const zone = document.querySelector('[data-testid="drop-zone"]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, files);

    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    assert.equal(await page.getByTestId('imported-count').textContent(), '2');
    const skipped = await page.getByTestId('skipped-list').locator('li').allTextContents();
    assert.equal(skipped.length, 1, skipped.join(' | '));
    assert.match(skipped[0]!, /broken\.fit/);
    // The text file never left the page, and the summary says so.
    assert.match((await page.locator('.upload-summary').textContent()) ?? '', /Not sent \(1\).*notes\.txt/s);

    const overview = (await (await fetch(new URL('/api/overview', server.url))).json()) as {
      counts: { activities: number };
    };
    assert.equal(overview.counts.activities, 2);
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('the demo runner: Today with data and the banner, then removed, back to the welcome', {
  skip,
}, async () => {
  await withServer(freshServer(), async (server) => {
    const watched = await openPage(browser(), server);
    const { page } = watched;
    await page.getByRole('button', { name: 'Try it with demo data' }).click();
    // The demo runner's knee is settling after a long-run spike: the plan's run leads, the ceiling is context.
    const card = page.getByTestId('today-ceiling');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-leads'), 'pain');
    assert.match((await page.getByTestId('next-run-session').textContent()) ?? '', /about \d+\.\d km/);
    assert.match(
      (await page.getByTestId('ceiling-context').textContent()) ?? '',
      /the 10 % ceiling is \d+\.\d km.*leaves out the \d+\.\d km run on .*, when the pain began/s,
    );
    const banner = page.getByRole('complementary', { name: 'Demo data' });
    assert.match((await banner.textContent()) ?? '', /made-up runner/);
    await watched.screenshot('today-demo');

    await banner.getByRole('button', { name: 'Remove demo data' }).click();
    await page.getByRole('heading', { name: 'Welcome to kneewise', level: 1 }).waitFor();
    assert.equal(await page.getByRole('complementary', { name: 'Demo data' }).count(), 0);
    const overview = (await (await fetch(new URL('/api/overview', server.url))).json()) as {
      counts: { activities: number };
      hasDemo: boolean;
    };
    assert.equal(overview.hasDemo, false);
    assert.equal(overview.counts.activities, 0);
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});
