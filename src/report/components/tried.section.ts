/** What the runner has done since onset: running, rest days, programme sessions, cross-training. */
import { countOf } from '../../domain/units.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { distance, duration, longDate, sport } from './display.format.ts';

export function triedSection(data: ReportData): SafeHtml {
  const t = data.tried;
  if (t === null) return html``;
  const p = t.programmeSessions;
  const programme =
    p.count === 0
      ? 'none logged'
      : `${p.count} session${p.count === 1 ? '' : 's'} (${p.programmes.join(', ')}), ${longDate(p.first)} – ${longDate(p.last)}`;
  const cross =
    t.crossTraining.length === 0
      ? 'none recorded'
      : t.crossTraining
          .map(
            (c) =>
              `${sport(c.sport)}: ${c.sessions} session${c.sessions === 1 ? '' : 's'}, ${duration(c.durationS)}`,
          )
          .join('; ');
  return html`<section class="tried" aria-labelledby="h-tried">
<h2 id="h-tried">What has been tried since onset <span class="sub">(${t.daysSince} days)</span></h2>
<table class="facts"><caption class="visually-hidden">Since onset</caption><tbody>
<tr><th scope="row">Running</th><td>${countOf(t.runs, 'run')}, ${distance(t.distanceM, data.units)}</td></tr>
<tr><th scope="row">Rest</th><td>${t.daysWithoutRun} of ${t.daysSince} days without a run</td></tr>
<tr><th scope="row">Exercise programme</th><td>${programme}</td></tr>
<tr><th scope="row">Cross-training</th><td>${cross}</td></tr>
</tbody></table>
</section>`;
}
