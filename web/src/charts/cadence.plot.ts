/**
 * Cadence (steps per minute) of each run as points, with the runner's usual — the median of the 8 weeks
 * before each run — as a dashed line. Runs 5 % or more under their usual are drawn as triangles in the spike
 * colour: a lower step rate loads the knee more with each step (Heiderscheit 2011).
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, dayDate, timeFrame } from './plot-basics.ts';
import { wholeNumberAxis } from './whole-ticks.ts';

export interface CadenceDatum {
  localDate: string;
  cadenceSpm: number;
  baselineSpm: number | null;
  /** Positive when cadence dropped under the baseline. */
  dropPct: number | null;
  /** Past kneewise's own flag threshold (5 % under the usual; a heuristic). */
  dropped: boolean;
}

export function cadencePlot(runs: readonly CadenceDatum[], frame: ChartFrame): Element {
  const x = (d: CadenceDatum) => dayDate(d.localDate);
  const title = (d: CadenceDatum) =>
    `${d.localDate}: ${Math.round(d.cadenceSpm)} steps/min` +
    (d.baselineSpm === null ? ', no 8-week usual yet' : `, your usual ${Math.round(d.baselineSpm)}`);
  const narrow = frame.width < 480;
  // Whole steps per minute on the axis (never 172.5), over the runs and their usual.
  const axis = wholeNumberAxis(
    runs.flatMap((r) => (r.baselineSpm === null ? [r.cadenceSpm] : [r.cadenceSpm, r.baselineSpm])),
    narrow ? 4 : 6,
  );
  return Plot.plot({
    ...timeFrame(frame, 'steps per minute'),
    y: {
      label: 'steps per minute',
      grid: true,
      domain: axis.domain,
      ticks: axis.ticks,
      tickFormat: 'd',
      inset: 8,
    },
    marks: [
      Plot.lineY(
        runs.filter((r) => r.baselineSpm !== null),
        { x, y: 'baselineSpm', stroke: CHART_COLOR.baseline, strokeWidth: 2.5, strokeDasharray: '4 2' },
      ),
      Plot.dot(
        runs.filter((r) => !r.dropped),
        { x, y: 'cadenceSpm', fill: CHART_COLOR.primary, r: narrow ? 3 : 3.5, title },
      ),
      Plot.dot(
        runs.filter((r) => r.dropped),
        { x, y: 'cadenceSpm', fill: CHART_COLOR.spike, symbol: 'triangle', r: narrow ? 4.5 : 5.5, title },
      ),
    ],
  });
}
