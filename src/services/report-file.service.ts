/**
 * The clinician report as files for the HTTP API: the HTML as text (shown in a frame, downloaded as is) and
 * the PDF printed by the browser into the server's scratch folder, read back and removed again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { KneewiseError } from '../domain/errors.ts';
import { renderReportHtml } from '../report/components/report.document.ts';
import type { PdfRenderer } from '../report/pdf-renderer.ts';
import type { ReportData } from '../report/report-data.ts';
import { type ReportOptions, ReportService, whyCauseAnalyser, writeReport } from './report.service.ts';

export function buildReport(
  db: Kysely<Database>,
  athlete: Athlete,
  now: () => Date,
  options: ReportOptions,
): Promise<ReportData> {
  return new ReportService(db, athlete, now, whyCauseAnalyser(db, athlete, now)).build(options);
}

export function reportHtml(data: ReportData): string {
  return renderReportHtml(data);
}

/** The PDF needs a browser; without one the dashboard offers the HTML and says how to get the PDF. */
export function reportNoBrowserError(): KneewiseError {
  return new KneewiseError(
    'REPORT_NO_BROWSER',
    'report.pdf: no Chromium on this computer to print the PDF. Install chromium or set CHROMIUM_PATH to a ' +
      'Chromium or Chrome executable and restart kneewise serve; meanwhile open the HTML report and print it to PDF.',
    'input',
    { httpStatus: 503 },
  );
}

/** Prints the report to PDF in a folder of its own under `scratchDir`, which is removed whatever happens. */
export async function reportPdf(
  data: ReportData,
  renderer: PdfRenderer | null,
  scratchDir: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (renderer === null) throw reportNoBrowserError();
  mkdirSync(scratchDir, { recursive: true });
  const dir = mkdtempSync(join(scratchDir, 'report-'));
  try {
    const pdf = join(dir, 'report.pdf');
    await writeReport(data, { html: join(dir, 'report.html'), pdf }, renderer);
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
