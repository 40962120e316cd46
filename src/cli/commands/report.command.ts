import type { Command } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import { renderReportHtml } from '../../report/components/report.document.ts';
import { defaultPdfRenderer, type PdfRenderer } from '../../report/pdf-renderer.ts';
import { ReportService, whyCauseAnalyser, writeReport } from '../../services/report.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

interface ReportFlags {
  episode?: string;
  html?: string;
  pdf?: string;
  weeks?: string;
  json?: boolean;
}

/**
 * `kneewise report [--episode DATE] [--html FILE] [--pdf FILE] [--weeks N]` (../shared/spec/cli.md). Without
 * --html or --pdf the HTML goes to stdout (`kneewise report > report.html`): nothing is written into the current
 * folder unasked. `renderer` is for tests.
 */
export function registerReportCommand(
  program: Command,
  ctx: AppContext,
  renderer: () => PdfRenderer | null = () => defaultPdfRenderer(),
): void {
  program
    .command('report')
    .description('A one-to-two page report of your knee and training to show a physiotherapist or doctor')
    .option('--episode <date>', 'a day inside the pain episode to report, YYYY-MM-DD (default: the latest)')
    .option('--html <file>', 'write the report as HTML')
    .option('--pdf <file>', 'write the report as A4 PDF (needs Chromium: CHROMIUM_PATH or /usr/bin/chromium)')
    .option('--weeks <n>', 'weeks of training shown before the onset (default 8)')
    .option('--json', 'print JSON only')
    .action(async (opts: ReportFlags) => {
      const weeks = opts.weeks === undefined ? undefined : parseWeeks(opts.weeks);
      const toStdout = opts.html === undefined && opts.pdf === undefined;
      if (toStdout && opts.json) {
        throw new KneewiseError(
          'REPORT_INVALID',
          '--json describes the files written: give --html FILE or --pdf FILE with it (or leave --json out to ' +
            'print the HTML)',
        );
      }
      await ctx.withStore(async (store, athlete) => {
        const service = new ReportService(
          store.db,
          athlete,
          ctx.now,
          whyCauseAnalyser(store.db, athlete, ctx.now),
        );
        const data = await service.build({
          ...(opts.episode === undefined ? {} : { episode: opts.episode }),
          ...(weeks === undefined ? {} : { weeks }),
        });
        if (toStdout) {
          ctx.io.stdout.write(renderReportHtml(data));
          if (ctx.io.isTTY) {
            ctx.io.stderr.write(
              'That was the report as HTML. Save it with: kneewise report --html report.html (or --pdf report.pdf)\n',
            );
          }
          return;
        }
        const target = {
          ...(opts.html === undefined ? {} : { html: opts.html }),
          ...(opts.pdf === undefined ? {} : { pdf: opts.pdf }),
        };
        try {
          const written = await writeReport(data, target, opts.pdf === undefined ? null : renderer());
          const summary = {
            html: written.htmlPath,
            pdf: written.pdfPath,
            episode:
              data.episode === null ? null : { onset: data.episode.onset, lastDate: data.episode.lastDate },
            assessment:
              data.assessment === null
                ? null
                : { date: data.assessment.date, urgency: data.assessment.urgency },
          };
          if (opts.json) return printJson(ctx.io, summary);
          if (data.episode === null)
            ctx.io.stdout.write('No pain episode in the journal: the report shows training only.\n');
          if (written.htmlPath !== null) ctx.io.stdout.write(`HTML report: ${written.htmlPath}\n`);
          if (written.pdfPath !== null) ctx.io.stdout.write(`PDF report: ${written.pdfPath}\n`);
        } catch (error) {
          // The HTML is already on disk when the PDF fails: say so before the error line.
          if (error instanceof KneewiseError && target.html !== undefined) {
            ctx.io.stderr.write(`HTML report written to ${target.html}\n`);
          }
          throw error;
        }
      });
    });
}

function parseWeeks(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 52) {
    throw new KneewiseError(
      'REPORT_INVALID',
      `--weeks: expected a whole number from 1 to 52, got "${value}"`,
    );
  }
  return n;
}
