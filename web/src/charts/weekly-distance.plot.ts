/**
 * Weekly running distance as bars. A week holding a run that spiked past the 30-day longest (Frandsen 2025)
 * is drawn in the spike colour AND carries a triangle above its bar; the week still in progress is faded.
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, DAY_MS, dayDate, inUnits, timeFrame } from './plot-basics.ts';

export interface WeekDistanceDatum {
  weekStart: string;
  /** In the runner's units. */
  distance: number;
  runs: number;
  changePct: number | null;
  /** A run in this week went more than 10 % past its 30-day longest. */
  spike: boolean;
  /** False for the week holding the report's date when that week is not over. */
  complete: boolean;
}

export function weeklyDistancePlot(
  weeks: readonly WeekDistanceDatum[],
  frame: ChartFrame & { unitLabel: string },
): Element {
  const perWeekPx =
    frame.width / Math.max(1, (frame.xDomain[1].getTime() - frame.xDomain[0].getTime()) / (7 * DAY_MS));
  const gap = perWeekPx > 5 ? 1 : 0;
  const title = (d: WeekDistanceDatum) =>
    `Week of ${d.weekStart}: ${inUnits(d.distance, frame.unitLabel)}, ${d.runs} run${d.runs === 1 ? '' : 's'}` +
    (d.spike ? ', holds a spike run' : '') +
    (d.complete ? '' : ' (week not over)');
  const start = (d: WeekDistanceDatum) => dayDate(d.weekStart);
  const end = (d: WeekDistanceDatum) => new Date(dayDate(d.weekStart).getTime() + 7 * DAY_MS);
  const middle = (d: WeekDistanceDatum) => new Date(dayDate(d.weekStart).getTime() + 3.5 * DAY_MS);
  const spikes = weeks.filter((w) => w.spike);
  return Plot.plot({
    ...timeFrame(frame, `${frame.unitLabel} per week`),
    color: { domain: [false, true], range: [CHART_COLOR.primary, CHART_COLOR.spike] },
    marks: [
      Plot.rectY(weeks, {
        x1: start,
        x2: end,
        y: 'distance',
        fill: 'spike',
        fillOpacity: (d: WeekDistanceDatum) => (d.complete ? 1 : 0.45),
        insetLeft: gap,
        insetRight: gap,
        title,
      }),
      Plot.dot(spikes, {
        x: middle,
        y: 'distance',
        dy: -9,
        r: perWeekPx > 8 ? 5 : 3.5,
        symbol: 'triangle',
        fill: CHART_COLOR.spike,
        stroke: 'var(--surface)',
        strokeWidth: 0.75,
        title,
      }),
      Plot.ruleY([0]),
    ],
  });
}
