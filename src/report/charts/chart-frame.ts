/**
 * What every report chart shares: an accessible SVG shell (role="img", aria-label, <title> and <desc> that
 * carry the numbers in words for screen readers and for text extraction), a linear scale and the axis marks.
 * Charts are plain functions of numbers → SVG, so the dashboard and the PDF draw exactly the same picture.
 */
import { html, type SafeHtml } from '../html.template.ts';

export const CHART_WIDTH = 340;
export const CHART_HEIGHT = 112;
/** Plot area inside the frame: room on the left for y labels, below for dates. */
export const PLOT = { left: 34, right: CHART_WIDTH - 14, top: 10, bottom: CHART_HEIGHT - 16 } as const;

export interface ChartShell {
  /** Unique within the document: ids of <title> and <desc> derive from it. */
  id: string;
  title: string;
  /** The chart's numbers in words: what a reader who cannot see it needs. */
  desc: string;
  body: SafeHtml;
}

export function chartSvg(shell: ChartShell): SafeHtml {
  return html`<svg class="chart" id="${shell.id}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-label="${shell.title}" aria-labelledby="${shell.id}-title ${shell.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${shell.id}-title">${shell.title}</title><desc id="${shell.id}-desc">${shell.desc}</desc>${shell.body}</svg>`;
}

export type Scale = (value: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A round upper bound so the y axis reads 0, 10, 20 … rather than 0, 13.7, 27.4. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** How many steps the y axis takes so each label is round: 25 → 5 steps of 5, 20 → 4 of 5, 5000 → 5 of 1000. */
export function niceCount(max: number): number {
  for (const n of [4, 5, 2]) {
    const step = max / n;
    const power = 10 ** Math.floor(Math.log10(step));
    if ([1, 2, 2.5, 5, 10].some((m) => Math.abs(step - m * power) < 1e-9 * power)) return n;
  }
  return 4;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Horizontal grid lines with labels on the left, from `min` to `max` in `count` steps. */
export function yAxis(y: Scale, min: number, max: number, count: number, unit: string): SafeHtml {
  const marks: SafeHtml[] = [];
  for (let i = 0; i <= count; i++) {
    const v = min + ((max - min) * i) / count;
    const py = round1(y(v));
    marks.push(
      html`<line class="grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${py}" y2="${py}"/><text class="tick" x="${PLOT.left - 3}" y="${round1(py + 3)}" text-anchor="end">${round1(v)}</text>`,
    );
  }
  return html`${marks}<text class="unit" x="2" y="${PLOT.top - 2}">${unit}</text>`;
}

/** Date labels under the plot: "3 Mar" style, at most `max` of them so they never overlap. */
export function dateTicks(days: readonly { x: number; date: string }[], max = 6): SafeHtml {
  if (days.length === 0) return html``;
  const every = Math.max(1, Math.ceil(days.length / max));
  const marks = days
    .filter((_, i) => i % every === 0)
    .map(
      (d) =>
        html`<text class="tick" x="${round1(d.x)}" y="${PLOT.bottom + 12}" text-anchor="middle">${shortDate(d.date)}</text>`,
    );
  return html`<line class="axis" x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/>${marks}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}`;
}

/** A dashed vertical line with a label: the pain onset on every time chart. */
export function onsetMarker(x: number | null): SafeHtml {
  if (x === null) return html``;
  const px = round1(x);
  return html`<line class="onset" x1="${px}" x2="${px}" y1="${PLOT.top}" y2="${PLOT.bottom}"/><text class="onset-label" x="${round1(px + 2)}" y="${PLOT.top + 8}">pain onset</text>`;
}

/** The chart's empty state: the same accessible shell with a sentence instead of marks. */
export function emptyBody(message: string): SafeHtml {
  return html`<text class="empty" x="${CHART_WIDTH / 2}" y="${CHART_HEIGHT / 2}" text-anchor="middle">${message}</text>`;
}
