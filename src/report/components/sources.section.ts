/** Every source the report's statements rest on, numbered once. */
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';

export function sourcesSection(data: ReportData): SafeHtml {
  if (data.sources.length === 0) return html``;
  return html`<section class="sources" aria-labelledby="h-sources">
<h2 id="h-sources">Sources</h2>
<ol class="sources-list">${data.sources.map((s) => html`<li>${s}</li>`)}</ol>
</section>`;
}
