/**
 * Every run as a stem at its date, its height the distance, its colour the spike category (how much longer it
 * was than the longest run of the 30 days before: Frandsen et al., BJSM 2025). Large spikes carry their %.
 */
import { dayNumber } from '../../domain/load/calendar-day.ts';
import { type DistanceUnits, metresToUnits } from '../../domain/units.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { TrainingRun } from '../report-data.ts';
import {
  chartSvg,
  dateTicks,
  emptyBody,
  linearScale,
  niceCount,
  niceMax,
  onsetMarker,
  PLOT,
  round1,
  yAxis,
} from './chart-frame.ts';

export function dayAxis(from: string, to: string) {
  const d0 = dayNumber(from);
  const d1 = Math.max(d0 + 1, dayNumber(to));
  const x = linearScale([d0, d1], [PLOT.left + 4, PLOT.right - 4]);
  const ticks: { x: number; date: string }[] = [];
  const step = Math.max(7, Math.ceil((d1 - d0) / 5 / 7) * 7);
  for (let d = d0; d <= d1; d += step) ticks.push({ x: x(d), date: isoOf(d) });
  return { x: (date: string) => x(dayNumber(date)), ticks: dateTicks(ticks, 6) };
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function runSpikesChart(
  runs: readonly TrainingRun[],
  window: { from: string; to: string },
  onset: string | null,
  units: DistanceUnits,
): SafeHtml {
  const title = `Each run's distance and spike (${units})`;
  if (runs.length === 0) {
    return chartSvg({
      id: 'chart-spikes',
      title,
      desc: 'No runs in this period.',
      body: emptyBody('No runs'),
    });
  }
  const values = runs.map((r) => metresToUnits(r.distanceM, units));
  const max = niceMax(Math.max(...values) * 1.15);
  const y = linearScale([0, max], [PLOT.bottom, PLOT.top]);
  const axis = dayAxis(window.from, window.to);
  const stems = runs.map((r, i) => {
    const px = round1(axis.x(r.date));
    const py = round1(y(values[i] ?? 0));
    const label =
      r.spikeCategory === 'large' || r.spikeCategory === 'moderate'
        ? html`<text class="spike-label" x="${px}" y="${round1(py - 5)}" text-anchor="middle">+${Math.round(r.spikePct ?? 0)}%</text>`
        : html``;
    return html`<line class="stem" x1="${px}" x2="${px}" y1="${PLOT.bottom}" y2="${py}"/><circle class="dot cat-${r.spikeCategory}" cx="${px}" cy="${py}" r="2.6"/>${label}`;
  });
  const risky = runs.filter((r) => r.spikeCategory === 'moderate' || r.spikeCategory === 'large');
  const desc =
    `${runs.length} runs. ` +
    (risky.length === 0
      ? 'No run was more than 30 % longer than the longest of the 30 days before it.'
      : `Runs more than 30 % longer than the 30-day longest: ${risky
          .map(
            (r) =>
              `${r.date} ${metresToUnits(r.distanceM, units).toFixed(1)} ${units} (+${Math.round(r.spikePct ?? 0)} %)`,
          )
          .join('; ')}.`);
  return chartSvg({
    id: 'chart-spikes',
    title,
    desc,
    body: html`${yAxis(y, 0, max, niceCount(max), units)}${onsetMarker(onset === null ? null : axis.x(onset))}${stems}${axis.ticks}`,
  });
}
