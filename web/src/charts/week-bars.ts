/**
 * What the per-week bar charts (weekly distance, descent) share: a bar spans its week, from the week's first
 * day to the next week's, and a flagged week carries a triangle above its bar in the spike colour.
 */
import * as Plot from '@observablehq/plot';
import { CHART_COLOR, type ChartFrame, DAY_MS, dayDate } from './plot-basics.ts';

interface Week {
  weekStart: string;
}

export interface WeekBars {
  start: (d: Week) => Date;
  end: (d: Week) => Date;
  middle: (d: Week) => Date;
  /** A pixel between bars when they are wide enough to spare it. */
  gap: number;
  /** The flag triangle's size: smaller when the weeks are narrow. */
  flagR: number;
}

export function weekBars(frame: ChartFrame): WeekBars {
  const perWeekPx =
    frame.width / Math.max(1, (frame.xDomain[1].getTime() - frame.xDomain[0].getTime()) / (7 * DAY_MS));
  return {
    start: (d) => dayDate(d.weekStart),
    end: (d) => new Date(dayDate(d.weekStart).getTime() + 7 * DAY_MS),
    middle: (d) => new Date(dayDate(d.weekStart).getTime() + 3.5 * DAY_MS),
    gap: perWeekPx > 5 ? 1 : 0,
    flagR: perWeekPx > 8 ? 5 : 3.5,
  };
}

/** The triangle above each flagged week's bar, at the top of its `y` value. */
export function weekFlags<T extends Week>(
  flagged: readonly T[],
  bars: WeekBars,
  y: keyof T & string,
  title: (d: T) => string,
): Plot.Dot {
  return Plot.dot(flagged, {
    x: bars.middle,
    y,
    dy: -9,
    r: bars.flagR,
    symbol: 'triangle',
    fill: CHART_COLOR.spike,
    stroke: 'var(--surface)',
    strokeWidth: 0.75,
    title,
  });
}
