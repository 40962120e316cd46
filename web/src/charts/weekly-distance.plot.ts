/**
 * Weekly running distance as bars. A week holding a run that spiked past the 30-day longest (Frandsen 2025)
 * is drawn in the spike colour AND carries a triangle above its bar; the week still in progress is faded.
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, inUnits, timeFrame } from './plot-basics.ts';
import { weekBars, weekFlags } from './week-bars.ts';

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
  const bars = weekBars(frame);
  const title = (d: WeekDistanceDatum) =>
    `Week of ${d.weekStart}: ${inUnits(d.distance, frame.unitLabel)}, ${d.runs} run${d.runs === 1 ? '' : 's'}` +
    (d.spike ? ', holds a spike run' : '') +
    (d.complete ? '' : ' (week not over)');
  const spikes = weeks.filter((w) => w.spike);
  return Plot.plot({
    ...timeFrame(frame, `${frame.unitLabel} per week`),
    color: { domain: [false, true], range: [CHART_COLOR.primary, CHART_COLOR.spike] },
    marks: [
      Plot.rectY(weeks, {
        x1: bars.start,
        x2: bars.end,
        y: 'distance',
        fill: 'spike',
        fillOpacity: (d: WeekDistanceDatum) => (d.complete ? 1 : 0.45),
        insetLeft: bars.gap,
        insetRight: bars.gap,
        title,
      }),
      weekFlags(spikes, bars, 'distance', title),
      Plot.ruleY([0]),
    ],
  });
}
