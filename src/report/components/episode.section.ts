/** The current pain episode: when, where, how bad over time, swelling and what provokes it. */
import { painChart } from '../charts/pain.chart.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { longDate, regions, score, sides } from './display.format.ts';

export function episodeSection(data: ReportData): SafeHtml {
  const e = data.episode;
  if (e === null) {
    return html`<section class="episode" aria-labelledby="h-episode">
<h2 id="h-episode">Current episode</h2>
<p class="empty-state">No pain episode in the journal: the runner has not logged knee pain. Training is shown below.</p>
</section>`;
  }
  const rows = e.entries
    .slice(-8)
    .map(
      (p) =>
        html`<tr><td>${longDate(p.date)}</td><td class="num">${score(p.during)}</td><td class="num">${score(p.after)}</td><td class="num">${score(p.nextMorning)}</td><td>${p.swelling ?? '–'}</td><td>${p.note ?? ''}</td></tr>`,
    );
  const hidden = e.entries.length - rows.length;
  return html`<section class="episode" aria-labelledby="h-episode">
<h2 id="h-episode">Current episode</h2>
<div class="two-col">
<div>
<table class="facts"><caption class="visually-hidden">Episode facts</caption><tbody>
<tr><th scope="row">Onset</th><td>${longDate(e.onset)}${e.onsetType === null ? '' : ` (${e.onsetType})`}</td></tr>
<tr><th scope="row">Last entry</th><td>${longDate(e.lastDate)}</td></tr>
<tr><th scope="row">Side</th><td>${sides(e.sides)}</td></tr>
<tr><th scope="row">Where</th><td>${regions(e.regions)}</td></tr>
<tr><th scope="row">Worst pain</th><td>${e.peakPain} / 10</td></tr>
<tr><th scope="row">Swelling</th><td>${e.swelling ?? 'not recorded'}</td></tr>
<tr><th scope="row">Worse with</th><td>${e.worseWith.length === 0 ? 'not recorded' : e.worseWith.join(', ')}</td></tr>
</tbody></table>
</div>
<figure>${painChart(e.entries, { from: e.onset, to: e.lastDate })}</figure>
</div>
<table class="grid-table"><caption>Pain journal (0–10)${hidden > 0 ? `, latest ${rows.length} of ${e.entries.length} entries` : ''}</caption>
<thead><tr><th scope="col">Date</th><th scope="col" class="num">During</th><th scope="col" class="num">After</th><th scope="col" class="num">Next morning</th><th scope="col">Swelling</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
