/**
 * The clinician report: GET /report.html (shown in a frame, or downloaded with ?download=true) and
 * GET /report.pdf (printed by Chromium; 503 REPORT_NO_BROWSER without one).
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { buildReport, reportHtml, reportPdf } from '../../services/report-file.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { queryOf } from '../validate.ts';
import { booleanFlag, localDate, wholeNumber } from './common.schemas.ts';

const query = z.object({
  weeks: wholeNumber(1, 52).optional(),
  /** A day inside the episode to report (default: the latest episode). */
  episode: localDate.optional(),
  download: booleanFlag.optional(),
});

export function reportRoutes(deps: HttpDeps): Hono<AppEnv> {
  const build = (c: Context<AppEnv>) => {
    const { weeks, episode, download } = queryOf(c, query);
    const data = buildReport(deps.store.db, c.get('athlete'), deps.now, {
      ...(weeks === undefined ? {} : { weeks }),
      ...(episode === undefined ? {} : { episode }),
    });
    return { data, download: download ?? false };
  };
  return new Hono<AppEnv>()
    .get('/report.html', async (c) => {
      const { data, download } = build(c);
      const report = await data;
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (download)
        headers['content-disposition'] = `attachment; filename="kneewise-report-${report.generatedOn}.html"`;
      return c.body(reportHtml(report), 200, headers);
    })
    .get('/report.pdf', async (c) => {
      const report = await build(c).data;
      const pdf = await reportPdf(report, deps.pdfRenderer, deps.scratchDir);
      return c.body(pdf, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="kneewise-report-${report.generatedOn}.pdf"`,
      });
    });
}
