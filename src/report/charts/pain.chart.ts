/** The journal's pain scores (0–10) across the episode: during, after and next morning as three lines. */
import { html, type SafeHtml } from '../html.template.ts';
import type { PainPoint } from '../report-data.ts';
import { chartSvg, emptyBody, linearScale, PLOT, round1, yAxis } from './chart-frame.ts';
import { dayAxis } from './run-spikes.chart.ts';

const SERIES = [
  { key: 'during', label: 'during', cls: 'pain-during' },
  { key: 'after', label: 'after', cls: 'pain-after' },
  { key: 'nextMorning', label: 'next morning', cls: 'pain-morning' },
] as const;

export function painChart(points: readonly PainPoint[], window: { from: string; to: string }): SafeHtml {
  const title = 'Pain scores over time (0–10)';
  if (points.length === 0) {
    return chartSvg({
      id: 'chart-pain',
      title,
      desc: 'No pain entries.',
      body: emptyBody('No pain entries'),
    });
  }
  const y = linearScale([0, 10], [PLOT.bottom, PLOT.top]);
  const axis = dayAxis(window.from, window.to);
  const lines = SERIES.map((s) => {
    const known = points.filter((p) => p[s.key] !== null);
    if (known.length === 0) return html``;
    const pts = known.map((p) => `${round1(axis.x(p.date))},${round1(y(p[s.key] ?? 0))}`);
    const dots = known.map(
      (p) =>
        html`<circle class="dot ${s.cls}" cx="${round1(axis.x(p.date))}" cy="${round1(y(p[s.key] ?? 0))}" r="2"/>`,
    );
    return html`<polyline class="line ${s.cls}" points="${pts.join(' ')}"/>${dots}`;
  });
  const legend = SERIES.map(
    (s, i) =>
      html`<rect class="${s.cls}-key" x="${PLOT.left + 90 + i * 68}" y="3" width="8" height="4"/><text class="legend" x="${PLOT.left + 101 + i * 68}" y="8">${s.label}</text>`,
  );
  const desc = points
    .map((p) => `${p.date}: ${SERIES.map((s) => `${s.label} ${p[s.key] ?? '–'}`).join(', ')}`)
    .join('; ');
  return chartSvg({
    id: 'chart-pain',
    title,
    desc: `${desc}.`,
    body: html`${yAxis(y, 0, 10, 5, '0–10')}${lines}${axis.ticks}${legend}`,
  });
}
