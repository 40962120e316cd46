/** Training from before the onset to now, as the four charts the dashboard shows, plus the load flags. */
import { cadenceChart } from '../charts/cadence.chart.ts';
import { descentChart } from '../charts/descent.chart.ts';
import { runSpikesChart } from '../charts/run-spikes.chart.ts';
import { weeklyDistanceChart } from '../charts/weekly-distance.chart.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { longDate } from './display.format.ts';

export function trainingSection(data: ReportData): SafeHtml {
  const t = data.training;
  const onset = data.episode?.onset ?? null;
  const window = { from: t.from, to: t.to };
  // With a cause analysis the flags repeat it; they stand in for it when it is missing.
  const flags = (data.causes?.status === 'ok' ? [] : t.flags.slice(0, 3)).map((f) => html`<li>${f}</li>`);
  return html`<section class="training" aria-labelledby="h-training">
<h2 id="h-training">Training ${onset === null ? 'in recent weeks' : 'before and since onset'} <span class="sub">(${longDate(t.from)} – ${longDate(t.to)})</span></h2>
${t.note === null ? '' : html`<p class="small">${t.note}</p>`}
<div class="charts">
<figure>${weeklyDistanceChart(t.weeks, onset, data.units)}</figure>
<figure>${runSpikesChart(t.runs, window, onset, data.units)}</figure>
<figure>${descentChart(t.weeks, onset)}</figure>
<figure>${cadenceChart(t.runs, window, onset)}</figure>
</div>
${flags.length === 0 ? '' : html`<h3>Load flags</h3><ul class="small">${flags}</ul>`}
</section>`;
}
