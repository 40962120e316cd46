/**
 * Every run as a point: how far it went past the longest run of the 30 days before it (Frandsen 2025's
 * single-session spike), with the study's bins told apart by colour AND shape, and the 10 % line. Runs without
 * a run in the 30 days before have no baseline; they sit on the bottom edge as crosses.
 *
 * Drawn by hand, not by Observable Plot: it is the Training screen's first chart, and Plot is most of the
 * screen's code (its compiling and its drawing held the first chart back by about 0.1 s on a ten-year
 * history). The picture is the one Plot drew (same scales, ticks, labels, shapes and sizes, same SVG marks and
 * ARIA), checked by test/web/spike-timeline-svg.test.ts; the other charts still load Plot (plot-charts.ts).
 */
import type { SpikeCategory } from '../types/load.ts';
import { linearTickFormat, linearTicks } from './linear-ticks.ts';
import { CHART_COLOR, type ChartFrame, dayDate, inUnits, signedPct } from './plot-basics.ts';
import { type SymbolName, symbolPath } from './symbol-paths.ts';
import { utcTickLabels, utcTicks } from './utc-ticks.ts';

export interface SpikeDatum {
  activityId: string;
  localDate: string;
  /** In the runner's units. */
  distance: number;
  baseline: number | null;
  spikePct: number | null;
  category: SpikeCategory;
}

export const SPIKE_CATEGORIES: readonly SpikeCategory[] = [
  'none',
  'small',
  'moderate',
  'large',
  'no-baseline',
];

/** Colour and shape per bin; the legend and the chart read the same table. */
export const SPIKE_STYLE: Readonly<Record<SpikeCategory, { color: string; symbol: SymbolName }>> = {
  none: { color: CHART_COLOR.good, symbol: 'circle' },
  small: { color: CHART_COLOR.warn, symbol: 'triangle' },
  moderate: { color: CHART_COLOR.spike, symbol: 'square' },
  large: { color: CHART_COLOR.danger, symbol: 'diamond' },
  'no-baseline': { color: CHART_COLOR.muted, symbol: 'times' },
};

export const SPIKE_LINE_PCT = 10;

export interface SpikePoint {
  x: number;
  y: number;
  /** Path data centred on x, y. */
  d: string;
  color: string;
  title: string;
}

/** Where everything goes, in SVG units: the chart without the document, so it can be checked on its own. */
export interface SpikeTimelineLayout {
  width: number;
  height: number;
  narrow: boolean;
  margin: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; lines: string[] }[];
  yTicks: { y: number; label: string }[];
  yLabel: string;
  /** The y of 0 % and of the 10 % line. */
  zeroY: number;
  lineY: number;
  /** Runs with a baseline, drawn filled, the larger (spike) points last so they sit on top. */
  measured: SpikePoint[];
  /** Runs without one: crosses along the bottom edge. */
  unmeasured: SpikePoint[];
}

/** Plot's default for a radius channel: the lower quartile of the radii is drawn 3 px, area proportional. */
function radiusScale(values: readonly number[]): (value: number) => number {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return () => 0;
  const at = (sorted.length - 1) * 0.25;
  const low = sorted[Math.floor(at)]!;
  const q25 = low + (sorted[Math.ceil(at)]! - low) * (at - Math.floor(at));
  const largest = 3 * Math.sqrt(sorted.at(-1)! / q25);
  const shrink = largest > 30 ? 30 / largest : 1;
  return (value) => 3 * Math.sqrt(value / q25) * shrink;
}

export function spikeTimelineLayout(
  runs: readonly SpikeDatum[],
  frame: ChartFrame & { unitLabel: string },
): SpikeTimelineLayout {
  const { width, height } = frame;
  const narrow = width < 480;
  const margin = { left: narrow ? 40 : 48, right: narrow ? 8 : 16, top: 22, bottom: 28 };
  const measuredRuns = runs.filter((r) => r.spikePct !== null);
  const unmeasuredRuns = runs.filter((r) => r.spikePct === null);
  let low = -50;
  let high = 40;
  for (const r of measuredRuns) {
    low = Math.min(low, r.spikePct!);
    high = Math.max(high, r.spikePct!);
  }
  // Room under the lowest point for the no-baseline row.
  const floor = low - (high - low) * 0.08;
  const top = high * 1.05;

  const [d0, d1] = [frame.xDomain[0].getTime(), frame.xDomain[1].getTime()];
  const [x0, x1] = [margin.left, width - margin.right];
  const x = (date: Date) => x0 + ((date.getTime() - d0) / (d1 - d0)) * (x1 - x0);
  const [y0, y1] = [height - margin.bottom, margin.top];
  const y = (value: number) => y0 + ((value - floor) / (top - floor)) * (y1 - y0);

  const xTickDates = utcTicks(frame.xDomain[0], frame.xDomain[1], Math.max(2, Math.floor(width / 110)));
  const xLabels = utcTickLabels(xTickDates);
  const yCount = narrow ? 4 : 6;
  const yFormat = linearTickFormat(floor, top, yCount);

  const title = (r: SpikeDatum) =>
    `${r.localDate}: ${inUnits(r.distance, frame.unitLabel)}` +
    (r.spikePct === null || r.baseline === null
      ? ', no run in the 30 days before to compare with'
      : `, ${signedPct(r.spikePct)} against the 30-day longest (${inUnits(r.baseline, frame.unitLabel)})`);
  const size = narrow ? 3.5 : 4.5;
  const radiusOf = (r: SpikeDatum) => (r.category === 'none' ? size : size + 1.5);
  const radius = radiusScale(measuredRuns.map(radiusOf));
  const point = (r: SpikeDatum, py: number, pr: number): SpikePoint => ({
    x: x(dayDate(r.localDate)),
    y: py,
    d: symbolPath(SPIKE_STYLE[r.category].symbol, pr),
    color: SPIKE_STYLE[r.category].color,
    title: title(r),
  });
  const measured = measuredRuns
    .map((r) => ({ r, size: radiusOf(r) }))
    // A stable sort: the larger points after the smaller ones, each group in date order.
    .sort((a, b) => a.size - b.size)
    .map(({ r, size: s }) => point(r, y(r.spikePct!), radius(s)));
  const unmeasured = unmeasuredRuns.map((r) => point(r, y(floor) - 6, size));

  return {
    width,
    height,
    narrow,
    margin,
    xTicks: xTickDates.map((d, i) => ({ x: x(d), lines: xLabels[i]! })),
    yTicks: linearTicks(floor, top, yCount).map((v) => ({ y: y(v), label: yFormat(v) })),
    yLabel: '% past 30-day longest',
    zeroY: y(0),
    lineY: y(SPIKE_LINE_PCT),
    measured,
    unmeasured,
  };
}

type Attributes = Readonly<Record<string, string | number>>;

/** The SVG of a spike timeline, drawn into `frame.document` (the page's by default). */
export function spikeTimelineSvg(
  runs: readonly SpikeDatum[],
  frame: ChartFrame & { unitLabel: string },
): Element {
  const doc = frame.document ?? document;
  const layout = spikeTimelineLayout(runs, frame);
  const { width, height, margin } = layout;
  const el = (name: string, attributes: Attributes, ...children: (Node | string)[]) => {
    const node = doc.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    node.append(...children);
    return node;
  };
  const right = width - margin.right;
  const bottom = height - margin.bottom;
  const dots = (points: readonly SpikePoint[], attributes: Attributes, filled: boolean) =>
    el(
      'g',
      { 'aria-label': 'dot', ...attributes },
      ...points.map((p) =>
        el(
          'path',
          {
            transform: `translate(${p.x},${p.y})`,
            d: p.d,
            ...(filled ? { fill: p.color } : {}),
            stroke: p.color,
          },
          el('title', {}, p.title),
        ),
      ),
    );

  return el(
    'svg',
    {
      fill: 'currentColor',
      'font-family': 'system-ui, sans-serif',
      'font-size': 10,
      'text-anchor': 'middle',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'aria-label': frame.ariaLabel,
      style: `font-size: ${layout.narrow ? 11 : 12}px; overflow: visible;`,
    },
    el(
      'g',
      {
        'aria-label': 'y-grid',
        'aria-hidden': 'true',
        stroke: 'currentColor',
        'stroke-opacity': 0.1,
        transform: 'translate(0,0.5)',
      },
      ...layout.yTicks.map((t) => el('line', { x1: margin.left, x2: right, y1: t.y, y2: t.y })),
    ),
    el(
      'g',
      {
        'aria-label': 'y-axis tick',
        'aria-hidden': 'true',
        fill: 'none',
        stroke: 'currentColor',
        transform: 'translate(0,0.5)',
      },
      ...layout.yTicks.map((t) =>
        el('path', { transform: `translate(${margin.left},${t.y})`, d: 'M0,0L-6,0' }),
      ),
    ),
    el(
      'g',
      {
        'aria-label': 'y-axis tick label',
        'text-anchor': 'end',
        'font-variant': 'tabular-nums',
        transform: 'translate(-8.5,0.5)',
      },
      ...layout.yTicks.map((t) =>
        el('text', { y: '0.32em', transform: `translate(${margin.left},${t.y})` }, t.label),
      ),
    ),
    el(
      'g',
      { 'aria-label': 'y-axis label', 'text-anchor': 'start', transform: 'translate(3.5,3.5)' },
      el('text', { y: '0.71em' }, `↑ ${layout.yLabel}`),
    ),
    el(
      'g',
      {
        'aria-label': 'x-axis tick',
        'aria-hidden': 'true',
        fill: 'none',
        stroke: 'currentColor',
        transform: 'translate(0.5,0)',
      },
      ...layout.xTicks.map((t) => el('path', { transform: `translate(${t.x},${bottom})`, d: 'M0,0L0,6' })),
    ),
    el(
      'g',
      { 'aria-label': 'x-axis tick label', 'font-variant': 'tabular-nums', transform: 'translate(0.5,9.5)' },
      ...layout.xTicks.map((t) =>
        t.lines.length === 1
          ? el('text', { y: '0.71em', transform: `translate(${t.x},${bottom})` }, t.lines[0]!)
          : el(
              'text',
              { transform: `translate(${t.x},${bottom})` },
              ...t.lines.map((line, i) =>
                el('tspan', i === 0 ? { x: 0, y: '0.71em' } : { x: 0, dy: '1em' }, line),
              ),
            ),
      ),
    ),
    el(
      'g',
      {
        'aria-label': 'rule',
        stroke: CHART_COLOR.muted,
        'stroke-opacity': 0.6,
        transform: 'translate(0,0.5)',
      },
      el('line', { x1: margin.left, x2: right, y1: layout.zeroY, y2: layout.zeroY }),
    ),
    el(
      'g',
      {
        'aria-label': 'rule',
        stroke: CHART_COLOR.danger,
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
        transform: 'translate(0,0.5)',
      },
      el('line', { x1: margin.left, x2: right, y1: layout.lineY, y2: layout.lineY }),
    ),
    el(
      'g',
      {
        'aria-label': 'text',
        fill: CHART_COLOR.danger,
        'text-anchor': 'end',
        'font-weight': 600,
        transform: 'translate(0.5,-6.5)',
      },
      el(
        'text',
        { y: '0.32em', transform: `translate(${right},${layout.lineY})` },
        `${SPIKE_LINE_PCT} % line`,
      ),
    ),
    dots(layout.measured, { 'stroke-width': 1.5, transform: 'translate(0.5,0.5)' }, true),
    dots(layout.unmeasured, { fill: 'none', 'stroke-width': 2, transform: 'translate(0.5,0.5)' }, false),
  );
}
