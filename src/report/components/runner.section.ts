/** Who the runner is, in four facts a clinician asks first. */
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { distance } from './display.format.ts';

export function runnerSection(data: ReportData): SafeHtml {
  const r = data.runner;
  const volume =
    r.weeklyVolumeM === null
      ? 'no runs recorded'
      : `${distance(r.weeklyVolumeM, data.units)} per week${r.runsPerWeek === null ? '' : `, ${r.runsPerWeek.toFixed(1)} runs per week`} (mean of the ${r.volumeWeeks} weeks before ${data.episode === null ? 'today' : 'onset'})`;
  return html`<section class="runner" aria-labelledby="h-runner">
<h2 id="h-runner">The runner</h2>
<table class="facts"><caption class="visually-hidden">Runner facts</caption><tbody>
<tr><th scope="row">Age</th><td>${r.ageBand ?? 'not given'}</td><th scope="row">Sex</th><td>${r.sex ?? 'not given'}</td></tr>
<tr><th scope="row">Experience</th><td colspan="3">${r.experience}</td></tr>
<tr><th scope="row">Weekly volume</th><td colspan="3">${volume}</td></tr>
</tbody></table>
</section>`;
}
