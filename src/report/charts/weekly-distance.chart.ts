/**
 * Weekly running distance as bars, the onset week outlined, weeks holding a risky single-run spike marked with
 * a triangle (the per-run spike is the signal the evidence supports, not the weekly 10 % rule).
 */
import { dayNumber } from '../../domain/load/calendar-day.ts';
import { type DistanceUnits, metresToUnits } from '../../domain/units.ts';
import { html } from '../html.template.ts';
import type { TrainingWeek } from '../report-data.ts';
import {
  chartSvg,
  dateTicks,
  emptyBody,
  linearScale,
  niceMax,
  PLOT,
  round1,
  shortDate,
  yAxis,
} from './chart-frame.ts';

export function weeklyDistanceChart(
  weeks: readonly TrainingWeek[],
  onset: string | null,
  units: DistanceUnits,
): ReturnType<typeof chartSvg> {
  const title = `Weekly running distance (${units})`;
  if (weeks.length === 0) {
    return chartSvg({
      id: 'chart-weekly',
      title,
      desc: 'No runs in this period.',
      body: emptyBody('No runs'),
    });
  }
  const values = weeks.map((w) => metresToUnits(w.distanceM, units));
  const max = niceMax(Math.max(...values));
  const y = linearScale([0, max], [PLOT.bottom, PLOT.top]);
  const slot = (PLOT.right - PLOT.left) / weeks.length;
  const onsetDay = onset === null ? null : dayNumber(onset);
  const bars = weeks.map((w, i) => {
    const v = values[i] ?? 0;
    const x = round1(PLOT.left + i * slot + slot * 0.15);
    const top = round1(y(v));
    const start = dayNumber(w.weekStart);
    const isOnset = onsetDay !== null && onsetDay >= start && onsetDay < start + 7;
    const cls = isOnset ? 'bar bar-onset' : start > (onsetDay ?? Infinity) ? 'bar bar-after' : 'bar';
    const spike = w.hasSpike
      ? html`<path class="spike" d="M${round1(x + slot * 0.35)} ${round1(top - 9)} l4 7 h-8 z"/>`
      : html``;
    return html`<rect class="${cls}" x="${x}" y="${top}" width="${round1(slot * 0.7)}" height="${round1(PLOT.bottom - top)}"/>${spike}`;
  });
  const ticks = dateTicks(
    weeks.map((w, i) => ({ x: PLOT.left + (i + 0.5) * slot, date: w.weekStart })),
    6,
  );
  const words = weeks
    .map(
      (w, i) =>
        `week of ${shortDate(w.weekStart)}: ${(values[i] ?? 0).toFixed(1)} ${units}${w.hasSpike ? ' (run spike)' : ''}`,
    )
    .join('; ');
  const desc = `Bars per week. ${onset === null ? '' : `Pain began ${onset}. `}${words}.`;
  return chartSvg({
    id: 'chart-weekly',
    title,
    desc,
    body: html`${yAxis(y, 0, max, 4, units)}${bars}${ticks}`,
  });
}
