/**
 * Training around the onset as three charts, each with a title, its unit and a key for every colour: each
 * run's distance and spike, weekly descent and cadence per run. The weekly load sits with the pain in the
 * episode's timeline. Load flags stand in for the cause analysis when that could not run.
 */
import { elevationUnitOf } from '../../domain/units.ts';
import { cadenceChart } from '../charts/cadence.chart.ts';
import { descentChart } from '../charts/descent.chart.ts';
import { runSpikesChart } from '../charts/run-spikes.chart.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { chartFigure } from './chart.figure.ts';
import { longDate } from './display.format.ts';

const ONSET_KEY = { swatch: 'sw-onset-line', label: 'pain onset' };

/** `beside`: what fills the fourth cell of the chart grid (what was tried since onset), so no cell is empty. */
export function trainingSection(data: ReportData, beside: SafeHtml = html``): SafeHtml {
  const t = data.training;
  const onset = data.episode?.onset ?? null;
  const window = { from: t.from, to: t.to };
  const onsetKey = onset === null ? [] : [ONSET_KEY];
  const elevation = elevationUnitOf(data.units);
  // With a cause analysis the flags repeat it; they stand in for it when it is missing.
  const flags = (data.causes?.status === 'ok' ? [] : t.flags.slice(0, 3)).map((f) => html`<li>${f}</li>`);
  return html`<section class="training" aria-labelledby="h-training">
<h2 id="h-training">Training ${onset === null ? 'in recent weeks' : 'before and since onset'} <span class="sub">(${longDate(t.from)} – ${longDate(t.to)})</span></h2>
${t.note === null ? '' : html`<p class="small">${t.note}</p>`}
<div class="charts">
${chartFigure(
  'Each run: distance and spike',
  `${data.units} per run`,
  [
    { swatch: 'sw-cat-small', label: 'up to 30 % over the 30-day longest' },
    { swatch: 'sw-cat-moderate', label: '30–100 % over' },
    { swatch: 'sw-cat-large', label: 'more than 100 % over' },
    { swatch: 'sw-cat-no-baseline', label: 'no run in the 30 days before' },
    ...onsetKey,
  ],
  runSpikesChart(t.runs, window, onset, data.units),
)}
${chartFigure(
  'Weekly descent',
  `${elevation} per week`,
  [
    { swatch: 'sw-bar-descent', label: 'descent' },
    ...(onset === null ? [] : [{ swatch: 'sw-bar-onset', label: 'onset week' }]),
  ],
  descentChart(t.weeks, onset, data.units),
)}
${chartFigure(
  'Cadence per run',
  'steps per minute',
  [{ swatch: 'sw-cad', label: 'run average' }, ...onsetKey],
  cadenceChart(t.runs, window, onset),
)}
${beside}
</div>
${flags.length === 0 ? '' : html`<h3>Load flags</h3><ul class="small">${flags}</ul>`}
</section>`;
}
