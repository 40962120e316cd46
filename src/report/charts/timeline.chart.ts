/**
 * One timeline of the episode's story: weekly running distance as bars (left axis, the runner's units) and the
 * week's worst logged pain as a line (right axis, 0–10). Load and pain on one time axis let a clinician see
 * whether the pain followed the load, without lining up two charts by eye.
 */
import { dayNumber } from '../../domain/load/calendar-day.ts';
import { type DistanceUnits, metresToUnits } from '../../domain/units.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { PainPoint, TrainingWeek } from '../report-data.ts';
import {
  CHART_WIDTH,
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

export const TIMELINE_TITLE = 'Weekly running distance and worst pain';

/** The worst of during / after / next morning for each week that has a journal entry. */
export function weeklyWorstPain(
  weeks: readonly TrainingWeek[],
  entries: readonly PainPoint[],
): (number | null)[] {
  return weeks.map((w) => {
    const start = dayNumber(w.weekStart);
    let worst: number | null = null;
    for (const e of entries) {
      const d = dayNumber(e.date);
      if (d < start || d >= start + 7) continue;
      for (const v of [e.during, e.after, e.nextMorning])
        if (v !== null && (worst === null || v > worst)) worst = v;
    }
    return worst;
  });
}

export function timelineChart(
  weeks: readonly TrainingWeek[],
  entries: readonly PainPoint[],
  onset: string | null,
  units: DistanceUnits,
): SafeHtml {
  const title = `${TIMELINE_TITLE} (${units} per week; pain 0–10)`;
  if (weeks.length === 0) {
    return chartSvg({
      id: 'chart-timeline',
      title,
      desc: 'No weeks in this period.',
      body: emptyBody('No runs'),
    });
  }
  const values = weeks.map((w) => metresToUnits(w.distanceM, units));
  const max = niceMax(Math.max(1, ...values));
  const y = linearScale([0, max], [PLOT.bottom, PLOT.top]);
  const painY = linearScale([0, 10], [PLOT.bottom, PLOT.top]);
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
  const pain = weeklyWorstPain(weeks, entries);
  const points = pain.flatMap((p, i) =>
    p === null ? [] : [{ x: round1(PLOT.left + (i + 0.5) * slot), y: round1(painY(p)), p }],
  );
  const painLine =
    points.length === 0
      ? html``
      : html`<polyline class="line pain-worst" points="${points.map((p) => `${p.x},${p.y}`).join(' ')}"/>${points.map(
          (p) => html`<circle class="dot pain-worst" cx="${p.x}" cy="${p.y}" r="2.2"/>`,
        )}`;
  // The right axis: pain 0, 5, 10.
  const painAxis = [0, 5, 10].map(
    (v) => html`<text class="tick" x="${PLOT.right + 2}" y="${round1(painY(v) + 3)}">${v}</text>`,
  );
  const ticks = dateTicks(
    weeks.map((w, i) => ({ x: PLOT.left + (i + 0.5) * slot, date: w.weekStart })),
    6,
  );
  const words = weeks
    .map(
      (w, i) =>
        `week of ${shortDate(w.weekStart)}: ${(values[i] ?? 0).toFixed(1)} ${units}` +
        (pain[i] === null || pain[i] === undefined ? '' : `, worst pain ${pain[i]}/10`) +
        (w.hasSpike ? ' (run spike)' : ''),
    )
    .join('; ');
  return chartSvg({
    id: 'chart-timeline',
    title,
    desc: `${onset === null ? '' : `Pain began ${onset}. `}${words}.`,
    body: html`${yAxis(y, 0, max, niceCount(max), units)}<text class="unit" x="${CHART_WIDTH - 1}" y="${PLOT.top - 2}" text-anchor="end">pain</text>${painAxis}${bars}${painLine}${ticks}`,
  });
}
