/**
 * The cause analysis (`kneewise why`): what changed in the runner's training before the onset. Strong and
 * moderate factors get a row with the runner's own numbers; weak ones a line, so the page stays readable.
 */
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';

export function causesSection(data: ReportData): SafeHtml {
  const c = data.causes;
  if (c === null) return html``;
  if (c.status === 'unavailable') {
    return html`<section class="causes" aria-labelledby="h-causes">
<h2 id="h-causes">Cause analysis</h2>
<p class="empty-state">${c.reason}</p>
</section>`;
  }
  const main = c.factors.filter((f) => f.strength === 'strong' || f.strength === 'moderate');
  const weak = c.factors.filter((f) => f.strength === 'weak');
  const absent = c.factors.filter((f) => f.strength === 'none').map((f) => f.label.toLowerCase());
  const rows = main.map((f) => html`<tr><td>${f.label}</td><td>${f.strength}</td><td>${f.summary}</td></tr>`);
  return html`<section class="causes" aria-labelledby="h-causes">
<h2 id="h-causes">Cause analysis <span class="sub">(training changes before ${c.onset}; associations, not proof)</span></h2>
${
  main.length === 0
    ? html`<p>No strong or moderate training change stands out before the onset.</p>`
    : html`<table class="grid-table"><caption class="visually-hidden">Training changes before onset, strongest first</caption>
<thead><tr><th scope="col">Factor</th><th scope="col">Strength</th><th scope="col">The runner's numbers</th></tr></thead>
<tbody>${rows}</tbody></table>`
}
${weak.length === 0 ? '' : html`<p class="small"><strong>Weaker signals:</strong> ${weak.map((f) => f.label.toLowerCase()).join(', ')}</p>`}
${absent.length === 0 ? '' : html`<p class="small">Checked and not found: ${absent.join(', ')}.</p>`}
</section>`;
}
