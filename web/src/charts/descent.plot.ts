/**
 * Metres (or feet) of descent per week as bars, with the runner's own baseline — the mean of the 4 weeks
 * before — as a dashed line across each week. Downhill running raises impact and braking forces at the knee
 * (Gottschall & Kram 2005). Weeks whose runs carry no altitude have no bar (unknown is not flat).
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, timeFrame } from './plot-basics.ts';
import { weekBars, weekFlags } from './week-bars.ts';

export interface DescentDatum {
  weekStart: string;
  /** In m or ft; null when unknown. */
  descent: number | null;
  baseline: number | null;
  changePct: number | null;
  /** Past kneewise's own flag threshold (+50 % and 100 m more than the baseline; a heuristic). */
  jump: boolean;
}

export function descentPlot(
  weeks: readonly DescentDatum[],
  frame: ChartFrame & { elevationLabel: string },
): Element {
  const bars = weekBars(frame);
  const unit = frame.elevationLabel;
  const jump = (d: DescentDatum) => d.jump;
  const title = (d: DescentDatum) =>
    `Week of ${d.weekStart}: ${d.descent === null ? 'descent unknown' : `${Math.round(d.descent)} ${unit} down`}` +
    (d.baseline === null
      ? ', no 4-week baseline yet'
      : `, your 4-week average ${Math.round(d.baseline)} ${unit}`);
  return Plot.plot({
    ...timeFrame(frame, `${unit} of descent per week`),
    marks: [
      Plot.rectY(
        weeks.filter((w) => w.descent !== null),
        {
          x1: bars.start,
          x2: bars.end,
          y: 'descent',
          fill: (d: DescentDatum) => (jump(d) ? CHART_COLOR.spike : CHART_COLOR.primary),
          insetLeft: bars.gap,
          insetRight: bars.gap,
          title,
        },
      ),
      Plot.ruleY(
        weeks.filter((w) => w.baseline !== null),
        {
          x1: bars.start,
          x2: bars.end,
          y: 'baseline',
          stroke: CHART_COLOR.baseline,
          strokeWidth: 2.5,
          strokeDasharray: '4 2',
          title,
        },
      ),
      weekFlags(weeks.filter(jump), bars, 'descent', title),
      Plot.ruleY([0]),
    ],
  });
}
