/**
 * What every time chart shares: dates as UTC midnights (a local YYYY-MM-DD is drawn as that day, never shifted
 * by a time zone), one x domain per screen so charts line up, colours as CSS variables so dark mode follows
 * the page, and sizes that stay readable at 360 px. `document` lets a server render the same chart (linkedom).
 */
import type { PlotOptions } from '@observablehq/plot';

export const DAY_MS = 86_400_000;

/** Colours are CSS variables defined in styles.css (light and dark), never literal hex values. */
export const CHART_COLOR = {
  primary: 'var(--chart-1)',
  spike: 'var(--chart-2)',
  good: 'var(--chart-3)',
  baseline: 'var(--chart-4)',
  muted: 'var(--muted)',
  warn: 'var(--warn)',
  danger: 'var(--danger)',
} as const;

export function dayDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface ChartFrame {
  width: number;
  height: number;
  /** The first day shown and the day after the last one. */
  xDomain: [Date, Date];
  /** Another document to draw into (server-side rendering); the page's own by default. */
  document?: Document;
  /** The chart's name for assistive technology. */
  ariaLabel: string;
}

/** Plot options shared by the time charts. */
export function timeFrame(frame: ChartFrame, yLabel: string): PlotOptions {
  const narrow = frame.width < 480;
  const options: PlotOptions = {
    width: frame.width,
    height: frame.height,
    marginLeft: narrow ? 40 : 48,
    marginRight: narrow ? 8 : 16,
    marginTop: 22,
    marginBottom: 28,
    ariaLabel: frame.ariaLabel,
    style: { fontSize: narrow ? '11px' : '12px', overflow: 'visible' },
    x: { type: 'utc', domain: frame.xDomain, label: null, ticks: Math.max(2, Math.floor(frame.width / 110)) },
    y: { label: yLabel, grid: true, nice: true, ticks: narrow ? 4 : 6 },
  };
  if (frame.document) options.document = frame.document;
  return options;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "+12.5 %" / "−4 %": signed, one decimal under 100. */
export function signedPct(value: number): string {
  const abs = Math.abs(value);
  const shown = abs >= 100 ? Math.round(abs).toString() : round1(abs).toString();
  return `${value < 0 ? '−' : '+'}${shown} %`;
}

/** A value already in the runner's units, as text: "28.0 km". */
export function inUnits(value: number, label: string): string {
  return `${round1(value).toFixed(1)} ${label}`;
}

/** "week of A, week of B" — at most `max` items, the latest ones, then how many more: a caption stays short. */
export function latestWeeks(weekStarts: readonly string[], max = 4): string {
  if (weekStarts.length <= max) return weekStarts.map((w) => `week of ${w}`).join(', ');
  const shown = weekStarts.slice(-max).map((w) => `week of ${w}`);
  return `the latest ${shown.join(', ')} (and ${weekStarts.length - max} earlier)`;
}
