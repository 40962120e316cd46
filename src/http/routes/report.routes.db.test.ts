import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { PdfRenderer } from '../../report/pdf-renderer.ts';
import { reportRoutes } from './report.routes.ts';
import { errorOf, harness } from './route-test.support.ts';

/** Stands in for Chromium: "prints" a PDF that quotes the HTML it was given. */
class FakePdfRenderer implements PdfRenderer {
  seen: string[] = [];
  async render(htmlPath: string, pdfPath: string): Promise<void> {
    this.seen.push(htmlPath);
    const html = readFileSync(htmlPath, 'utf8');
    writeFileSync(pdfPath, `%PDF-1.4 fake ${html.length}`);
  }
}

dbTest('report.html is the clinician report; ?download=true makes it an attachment', async (tdb) => {
  const h = await harness(tdb, { routes: reportRoutes });
  try {
    const response = await h.call('GET', '/report.html');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), null, 'shown in a frame by default');
    const html = await response.text();
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /2025-06-15/, 'the episode onset');
    assert.ok(!html.includes('<b>still</b>'), 'the note is escaped');

    const download = await h.call('GET', '/report.html?download=true&weeks=4');
    assert.equal(
      download.headers.get('content-disposition'),
      'attachment; filename="kneewise-report-2025-06-29.html"',
    );
    assert.notEqual(await download.text(), html, 'four weeks instead of eight');

    const weeks = await errorOf(await h.call('GET', '/report.html?weeks=60'), 400);
    assert.match(weeks.message, /^query\.weeks: expected a whole number from 1 to 52/);
    const episode = await errorOf(await h.call('GET', '/report.html?episode=2025-01-01'), 400);
    assert.equal(episode.code, 'NO_PAIN_EPISODE');
  } finally {
    await h.close();
  }
});

dbTest('report.html without any data still renders a report', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: reportRoutes });
  try {
    const response = await h.call('GET', '/report.html');
    assert.equal(response.status, 200);
    assert.match(await response.text(), /No runs imported\./);
  } finally {
    await h.close();
  }
});

dbTest(
  'report.pdf: 503 REPORT_NO_BROWSER without Chromium; an attachment with one, scratch cleaned',
  async (tdb) => {
    const scratchDir = mkdtempSync(join(tmpdir(), 'kneewise-report-route-'));
    const none = await harness(tdb, { routes: reportRoutes, pdfRenderer: null, scratchDir });
    try {
      const error = await errorOf(await none.call('GET', '/report.pdf'), 503);
      assert.equal(error.code, 'REPORT_NO_BROWSER');
      assert.match(error.message, /CHROMIUM_PATH/);
      assert.equal(error.details, undefined, 'the status hint is not sent');
    } finally {
      await none.close();
    }
    const renderer = new FakePdfRenderer();
    const h = await harness(tdb, { seed: 'none', routes: reportRoutes, pdfRenderer: renderer, scratchDir });
    try {
      const [a, b] = await Promise.all([h.call('GET', '/report.pdf'), h.call('GET', '/report.pdf?weeks=4')]);
      for (const response of [a, b]) {
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pdf');
        assert.equal(
          response.headers.get('content-disposition'),
          'attachment; filename="kneewise-report-2025-06-29.pdf"',
        );
        assert.match(Buffer.from(await response.arrayBuffer()).toString(), /^%PDF-1\.4 fake \d+$/);
      }
      assert.equal(renderer.seen.length, 2);
      assert.notEqual(renderer.seen[0], renderer.seen[1], 'each request prints from its own folder');
      assert.deepEqual(readdirSync(scratchDir), [], 'nothing is left behind');
    } finally {
      await h.close();
      rmSync(scratchDir, { recursive: true, force: true });
    }
  },
);
