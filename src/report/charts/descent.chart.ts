/** Weekly descent (metres down) as bars: downhill running loads the front of the knee more than flat running. */
import { dayNumber } from '../../domain/load/calendar-day.ts';
import {
  type DistanceUnits,
  elevationUnitOf,
  formatElevation,
  metresToElevationUnits,
} from '../../domain/units.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { TrainingWeek } from '../report-data.ts';
import {
  chartSvg,
  dateTicks,
  emptyBody,
  linearScale,
  niceCount,
  niceMax,
  PLOT,
  round1,
  shortDate,
  yAxis,
} from './chart-frame.ts';

export function descentChart(
  weeks: readonly TrainingWeek[],
  onset: string | null,
  units: DistanceUnits = 'km',
): SafeHtml {
  const unit = elevationUnitOf(units);
  const title = `Weekly descent (${unit})`;
  const shown = (m: number) => metresToElevationUnits(m, units);
  // A week without a run has no descent to show (the load report counts it as 0 m): after a break every
  // week is one, and bars of 0 on an axis to 1 would read as flat running.
  const measured = (w: TrainingWeek) => w.descentM !== null && w.runs > 0;
  const known = weeks.filter(measured);
  if (weeks.length > 0 && weeks.every((w) => w.runs === 0)) {
    return chartSvg({
      id: 'chart-descent',
      title,
      desc: 'No runs in this period.',
      body: emptyBody('No runs'),
    });
  }
  if (known.length === 0) {
    return chartSvg({
      id: 'chart-descent',
      title,
      desc: 'No elevation data in these runs.',
      body: emptyBody('No elevation data'),
    });
  }
  const max = niceMax(Math.max(...known.map((w) => shown(w.descentM ?? 0))));
  const y = linearScale([0, max], [PLOT.bottom, PLOT.top]);
  const slot = (PLOT.right - PLOT.left) / weeks.length;
  const onsetDay = onset === null ? null : dayNumber(onset);
  const bars = weeks.map((w, i) => {
    if (!measured(w) || w.descentM === null) return html``;
    const x = round1(PLOT.left + i * slot + slot * 0.15);
    const top = round1(y(shown(w.descentM)));
    const start = dayNumber(w.weekStart);
    const isOnset = onsetDay !== null && onsetDay >= start && onsetDay < start + 7;
    return html`<rect class="${isOnset ? 'bar bar-onset' : 'bar bar-descent'}" x="${x}" y="${top}" width="${round1(slot * 0.7)}" height="${round1(PLOT.bottom - top)}"/>`;
  });
  const ticks = dateTicks(weeks.map((w, i) => ({ x: PLOT.left + (i + 0.5) * slot, date: w.weekStart })));
  const desc = `Descent per week. ${known
    .map((w) => `week of ${shortDate(w.weekStart)}: ${formatElevation(w.descentM ?? 0, units)}`)
    .join('; ')}.`;
  return chartSvg({
    id: 'chart-descent',
    title,
    desc,
    body: html`${yAxis(y, 0, max, niceCount(max), unit)}${bars}${ticks}`,
  });
}
