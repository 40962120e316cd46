/**
 * Metres (or feet) of descent per week as bars, with the runner's own baseline — the mean of the 4 weeks
 * before — as a dashed line across each week. Downhill running raises impact and braking forces at the knee
 * (Gottschall & Kram 2005). Weeks whose runs carry no altitude have no bar (unknown is not flat).
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, DAY_MS, dayDate, timeFrame } from './plot-basics.ts';

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
  const start = (d: DescentDatum) => dayDate(d.weekStart);
  const end = (d: DescentDatum) => new Date(dayDate(d.weekStart).getTime() + 7 * DAY_MS);
  const perWeekPx =
    frame.width / Math.max(1, (frame.xDomain[1].getTime() - frame.xDomain[0].getTime()) / (7 * DAY_MS));
  const gap = perWeekPx > 5 ? 1 : 0;
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
          x1: start,
          x2: end,
          y: 'descent',
          fill: (d: DescentDatum) => (jump(d) ? CHART_COLOR.spike : CHART_COLOR.primary),
          insetLeft: gap,
          insetRight: gap,
          title,
        },
      ),
      Plot.ruleY(
        weeks.filter((w) => w.baseline !== null),
        {
          x1: start,
          x2: end,
          y: 'baseline',
          stroke: CHART_COLOR.baseline,
          strokeWidth: 2.5,
          strokeDasharray: '4 2',
          title,
        },
      ),
      Plot.dot(weeks.filter(jump), {
        x: (d: DescentDatum) => new Date(dayDate(d.weekStart).getTime() + 3.5 * DAY_MS),
        y: 'descent',
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
