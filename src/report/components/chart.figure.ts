/**
 * A chart as the report prints it: a visible title with its unit above the picture and a key for every colour
 * and mark drawn in it, so a printed page reads without the dashboard beside it.
 */
import { html, type SafeHtml } from '../html.template.ts';

export interface LegendItem {
  /** CSS class of the swatch: the same class the chart draws with. */
  swatch: string;
  label: string;
}

export function chartFigure(
  title: string,
  unit: string,
  legend: readonly LegendItem[],
  chart: SafeHtml,
): SafeHtml {
  const keys = legend.map(
    (item) =>
      html`<span class="key"><span class="swatch ${item.swatch}" aria-hidden="true"></span>${item.label}</span>`,
  );
  return html`<figure class="chart-figure"><figcaption><strong>${title}</strong> <span class="unit-note">(${unit})</span>${keys.length === 0 ? '' : html`<span class="keys">${keys}</span>`}</figcaption>${chart}</figure>`;
}
