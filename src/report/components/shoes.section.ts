/** Shoes with their distance, so a clinician can see new or worn pairs around the onset. */
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { distance, longDate } from './display.format.ts';

export function shoesSection(data: ReportData): SafeHtml {
  if (data.shoes.length === 0) {
    return html`<section class="shoes" aria-labelledby="h-shoes">
<h2 id="h-shoes">Shoes</h2>
<p class="empty-state">No shoes recorded.</p>
</section>`;
  }
  const rows = data.shoes.map(
    (s) =>
      html`<tr><td>${s.name}${s.retired ? ' (retired)' : ''}</td><td class="num">${distance(s.distanceM, data.units)}</td><td class="num">${s.runs}</td><td>${longDate(s.firstRunDate)} – ${longDate(s.lastRunDate)}</td><td>${s.alert ?? ''}</td></tr>`,
  );
  return html`<section class="shoes" aria-labelledby="h-shoes">
<h2 id="h-shoes">Shoes</h2>
<table class="grid-table"><caption class="visually-hidden">Shoes and their distance</caption>
<thead><tr><th scope="col">Shoe</th><th scope="col" class="num">Distance</th><th scope="col" class="num">Runs</th><th scope="col">Used</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
