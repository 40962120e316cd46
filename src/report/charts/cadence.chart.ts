/** Cadence per run (steps per minute) as a line: a lower cadence means longer strides and more load per step. */
import { html, type SafeHtml } from '../html.template.ts';
import type { TrainingRun } from '../report-data.ts';
import { chartSvg, emptyBody, linearScale, onsetMarker, PLOT, round1, yAxis } from './chart-frame.ts';
import { dayAxis } from './run-spikes.chart.ts';

const CADENCE_TICKS = 4;

export function cadenceChart(
  runs: readonly TrainingRun[],
  window: { from: string; to: string },
  onset: string | null,
): SafeHtml {
  const title = 'Cadence per run (steps/min)';
  const known = runs.filter((r): r is TrainingRun & { cadenceSpm: number } => r.cadenceSpm !== null);
  if (known.length === 0) {
    return chartSvg({
      id: 'chart-cadence',
      title,
      desc: 'No cadence recorded in these runs.',
      body: emptyBody('No cadence recorded'),
    });
  }
  const values = known.map((r) => r.cadenceSpm);
  const lo = Math.floor((Math.min(...values) - 5) / 10) * 10;
  // Four tick steps over a span that is a multiple of 20: every tick a whole multiple of 5 steps/min (a span
  // of 30 would put one at 172.5, a cadence nobody runs at).
  const hi = lo + Math.ceil((Math.max(...values) + 5 - lo) / (CADENCE_TICKS * 5)) * CADENCE_TICKS * 5;
  const y = linearScale([lo, hi], [PLOT.bottom, PLOT.top]);
  const axis = dayAxis(window.from, window.to);
  const points = known.map((r) => `${round1(axis.x(r.date))},${round1(y(r.cadenceSpm))}`);
  const dots = known.map(
    (r) =>
      html`<circle class="dot cad" cx="${round1(axis.x(r.date))}" cy="${round1(y(r.cadenceSpm))}" r="1.8"/>`,
  );
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const desc = `${known.length} runs with cadence, from ${Math.round(Math.min(...values))} to ${Math.round(
    Math.max(...values),
  )} steps per minute, mean ${Math.round(mean)}.`;
  return chartSvg({
    id: 'chart-cadence',
    title,
    desc,
    body: html`${yAxis(y, lo, hi, CADENCE_TICKS, 'spm')}${onsetMarker(onset === null ? null : axis.x(onset))}<polyline class="line" points="${points.join(' ')}"/>${dots}${axis.ticks}`,
  });
}
