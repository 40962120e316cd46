/**
 * The whole clinician report as one HTML document: the self-report notice first, then the sections in the
 * order a clinician reads them: the knee first (runner, episode with its load-and-pain timeline, assessment),
 * then the running. Sections flow without forced breaks so the whole fits on one or two A4 pages. The same function serves the CLI (file → PDF) and the dashboard (HTTP response).
 */
import { html, type SafeHtml, trusted } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { assessmentSection } from './assessment.section.ts';
import { causesSection } from './causes.section.ts';
import { longDate } from './display.format.ts';
import { episodeSection } from './episode.section.ts';
import { REPORT_CSS } from './report.styles.ts';
import { runnerSection } from './runner.section.ts';
import { shoesSection } from './shoes.section.ts';
import { sourcesSection } from './sources.section.ts';
import { trainingSection } from './training.section.ts';
import { triedSection } from './tried.section.ts';

export const SELF_REPORT_NOTICE =
  'Self-report summary, not a diagnosis. Everything here comes from what the runner logged and from their ' +
  'imported training files; likely conditions are scored from questionnaire answers without an examination. ' +
  'Please use it as background for your own assessment.';

export function reportDocument(data: ReportData): SafeHtml {
  const title =
    data.episode === null ? 'Knee report' : `Knee report: pain since ${longDate(data.episode.onset)}`;
  return html`${trusted('<!doctype html>')}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — kneewise</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">Prepared by kneewise on ${longDate(data.generatedOn)} for the runner to show a physiotherapist or sports doctor. Distances in ${data.units}; pain scores 0 (none) to 10 (worst imaginable).${data.isDemo ? ' Demo data.' : ''}</p>
<p class="notice" role="note"><strong>${SELF_REPORT_NOTICE}</strong></p>
</header>
<main>
${runnerSection(data)}
${episodeSection(data)}
${assessmentSection(data)}
${trainingSection(data, triedSection(data))}
${shoesSection(data)}
${causesSection(data)}
${sourcesSection(data)}
</main>
</body>
</html>
`;
}

export function renderReportHtml(data: ReportData): string {
  return reportDocument(data).value;
}
