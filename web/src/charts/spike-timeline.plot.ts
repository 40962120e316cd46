/**
 * Every run as a point: how far it went past the longest run of the 30 days before it (Frandsen 2025's
 * single-session spike), with the study's bins told apart by colour AND shape, and the 10 % line. Runs without
 * a run in the 30 days before have no baseline; they sit on the bottom edge as crosses.
 */
import * as Plot from '@observablehq/plot';
import type { SpikeCategory } from '../types/load.ts';
import { CHART_COLOR, type ChartFrame, dayDate, inUnits, signedPct, timeFrame } from './plot-basics.ts';

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
export const SPIKE_STYLE: Readonly<
  Record<SpikeCategory, { color: string; symbol: 'circle' | 'triangle' | 'square' | 'diamond' | 'times' }>
> = {
  none: { color: CHART_COLOR.good, symbol: 'circle' },
  small: { color: CHART_COLOR.warn, symbol: 'triangle' },
  moderate: { color: CHART_COLOR.spike, symbol: 'square' },
  large: { color: CHART_COLOR.danger, symbol: 'diamond' },
  'no-baseline': { color: CHART_COLOR.muted, symbol: 'times' },
};

export const SPIKE_LINE_PCT = 10;

export function spikeTimelinePlot(
  runs: readonly SpikeDatum[],
  frame: ChartFrame & { unitLabel: string },
): Element {
  const measured = runs.filter((r) => r.spikePct !== null);
  const unmeasured = runs.filter((r) => r.spikePct === null);
  let low = -50;
  let high = 40;
  for (const r of measured) {
    low = Math.min(low, r.spikePct!);
    high = Math.max(high, r.spikePct!);
  }
  // Room under the lowest point for the no-baseline row.
  const floor = low - (high - low) * 0.08;
  const title = (r: SpikeDatum) =>
    `${r.localDate}: ${inUnits(r.distance, frame.unitLabel)}` +
    (r.spikePct === null || r.baseline === null
      ? ', no run in the 30 days before to compare with'
      : `, ${signedPct(r.spikePct)} against the 30-day longest (${inUnits(r.baseline, frame.unitLabel)})`);
  const narrow = frame.width < 480;
  const size = narrow ? 3.5 : 4.5;
  return Plot.plot({
    ...timeFrame(frame, '% over the 30-day longest run'),
    y: {
      ...timeFrame(frame, '').y,
      label: '% past 30-day longest',
      domain: [floor, high * 1.05],
      nice: false,
    },
    color: {
      domain: [...SPIKE_CATEGORIES],
      range: SPIKE_CATEGORIES.map((c) => SPIKE_STYLE[c].color),
    },
    symbol: {
      domain: [...SPIKE_CATEGORIES],
      range: SPIKE_CATEGORIES.map((c) => SPIKE_STYLE[c].symbol),
    },
    marks: [
      Plot.ruleY([0], { stroke: CHART_COLOR.muted, strokeOpacity: 0.6 }),
      Plot.ruleY([SPIKE_LINE_PCT], { stroke: CHART_COLOR.danger, strokeDasharray: '5 3', strokeWidth: 1.5 }),
      Plot.text([SPIKE_LINE_PCT], {
        y: (d: number) => d,
        frameAnchor: 'right',
        dy: -7,
        text: () => '10 % line',
        fill: CHART_COLOR.danger,
        fontWeight: 600,
      }),
      Plot.dot(measured, {
        x: (r: SpikeDatum) => dayDate(r.localDate),
        y: 'spikePct',
        fill: 'category',
        stroke: 'category',
        symbol: 'category',
        r: (r: SpikeDatum) => (r.category === 'none' ? size : size + 1.5),
        title,
        sort: { channel: 'r' },
      }),
      Plot.dot(unmeasured, {
        x: (r: SpikeDatum) => dayDate(r.localDate),
        y: () => floor,
        dy: -6,
        stroke: 'category',
        symbol: 'category',
        r: size,
        strokeWidth: 2,
        title,
      }),
    ],
  });
}
