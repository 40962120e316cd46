/**
 * The single-run spike chart, drawn by hand (spike-timeline.svg.ts) instead of by Observable Plot: every point,
 * tick and line where Plot's scales put them (d3's scaleUtc, scaleLinear and scaleSqrt with Plot's defaults for
 * this chart), the bins' shapes and colours, spikes drawn over the ordinary runs, and each point's words.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  SPIKE_STYLE,
  type SpikeDatum,
  spikeTimelineLayout,
} from '../../web/src/charts/spike-timeline.svg.ts';
import { symbolPath } from '../../web/src/charts/symbol-paths.ts';

interface Scale<D> {
  (value: D): number;
  ticks(count: number): D[];
}
interface D3 {
  scaleUtc(domain: Date[], range: number[]): Scale<Date>;
  scaleLinear(domain: number[], range: number[]): Scale<number>;
  scaleSqrt(domain: number[], range: number[]): Scale<number>;
  quantile(values: number[], p: number): number;
}

const plotIndex = join(dirname(createRequire(import.meta.url).resolve('@observablehq/plot')), 'index.js');
const d3 = (await import(pathToFileURL(createRequire(plotIndex).resolve('d3')).href)) as D3;

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} against ${expected}`);

function run(localDate: string, distance: number, baseline: number | null): SpikeDatum {
  const spikePct = baseline === null ? null : ((distance - baseline) / baseline) * 100;
  const category =
    spikePct === null
      ? 'no-baseline'
      : spikePct <= 10
        ? 'none'
        : spikePct <= 30
          ? 'small'
          : spikePct <= 100
            ? 'moderate'
            : 'large';
  return { activityId: localDate, localDate, distance, baseline, spikePct, category };
}

// Twelve weeks: a first run with nothing before it, ordinary runs, one of each spike bin, a run after a gap.
const RUNS: SpikeDatum[] = [
  run('2026-09-14', 8, null),
  ...Array.from({ length: 30 }, (_, i) =>
    run(`2026-${i < 14 ? '09' : '10'}-${String(i < 14 ? 16 + i : i - 13).padStart(2, '0')}`, 6 + (i % 5), 12),
  ),
  run('2026-10-20', 14, 12), // +16.7 %: small
  run('2026-10-25', 20, 12), // +66.7 %: moderate
  run('2026-11-01', 30, 12), // +150 %: large
  run('2026-12-05', 9, null),
];
const X_DOMAIN: [Date, Date] = [new Date('2026-09-14'), new Date('2026-12-09')];

for (const width of [332, 1034]) {
  test(`at ${width} px every mark is where Plot's scales put it`, () => {
    const narrow = width < 480;
    const [left, right] = narrow ? [40, 8] : [48, 16];
    const layout = spikeTimelineLayout(RUNS, {
      width,
      height: 240,
      xDomain: X_DOMAIN,
      unitLabel: 'km',
      ariaLabel: 'spikes',
    });
    const spikes = RUNS.filter((r) => r.spikePct !== null).map((r) => r.spikePct!);
    const low = Math.min(-50, ...spikes);
    const high = Math.max(40, ...spikes);
    const floor = low - (high - low) * 0.08;
    const x = d3.scaleUtc(X_DOMAIN, [left, width - right]);
    const y = d3.scaleLinear([floor, high * 1.05], [212, 22]);

    const xTicks = x.ticks(Math.max(2, Math.floor(width / 110)));
    assert.equal(layout.xTicks.length, xTicks.length);
    for (const [i, t] of layout.xTicks.entries()) close(t.x, x(xTicks[i]!), `x tick ${i}`);
    const yTicks = y.ticks(narrow ? 4 : 6);
    assert.deepEqual(
      layout.yTicks.map((t) => t.label),
      yTicks.map((v) => String(v).replace('-', '−')),
    );
    for (const [i, t] of layout.yTicks.entries()) close(t.y, y(yTicks[i]!), `y tick ${i}`);
    close(layout.zeroY, y(0), '0 % rule');
    close(layout.lineY, y(10), '10 % line');

    // Plot's radius scale: the lower quartile of the radii drawn 3 px, area proportional to the value.
    const size = narrow ? 3.5 : 4.5;
    const radii = RUNS.filter((r) => r.spikePct !== null).map((r) =>
      r.category === 'none' ? size : size + 1.5,
    );
    const rMax = Math.max(...radii);
    const radius = d3.scaleSqrt([0, rMax], [0, 3 * Math.sqrt(rMax / d3.quantile(radii, 0.25))]);
    // Ordinary runs first in date order, then the spikes (drawn on top), also in date order.
    const measured = RUNS.filter((r) => r.spikePct !== null);
    const order = [
      ...measured.filter((r) => r.category === 'none'),
      ...measured.filter((r) => r.category !== 'none'),
    ];
    assert.equal(layout.measured.length, order.length);
    layout.measured.forEach((p, i) => {
      const r = order[i]!;
      close(p.x, x(new Date(r.localDate)), `${r.localDate} x`);
      close(p.y, y(r.spikePct!), `${r.localDate} y`);
      assert.equal(
        p.d,
        symbolPath(SPIKE_STYLE[r.category].symbol, radius(r.category === 'none' ? size : size + 1.5)),
      );
      assert.equal(p.color, SPIKE_STYLE[r.category].color);
    });
    assert.equal(
      layout.measured.at(-1)!.title,
      '2026-11-01: 30.0 km, +150 % against the 30-day longest (12.0 km)',
    );
    assert.equal(layout.measured[0]!.d, symbolPath('circle', 3), 'an ordinary run is a 3 px dot');

    // No baseline: crosses 6 px above the bottom edge, their own size, in the muted colour.
    assert.deepEqual(
      layout.unmeasured.map((p) => [p.title, p.d, p.color]),
      [
        [
          '2026-09-14: 8.0 km, no run in the 30 days before to compare with',
          symbolPath('times', size),
          'var(--muted)',
        ],
        [
          '2026-12-05: 9.0 km, no run in the 30 days before to compare with',
          symbolPath('times', size),
          'var(--muted)',
        ],
      ],
    );
    for (const p of layout.unmeasured) close(p.y, 212 - 6, 'no-baseline row');
  });
}

test('a range with no baseline anywhere keeps the default scale and draws only crosses', () => {
  const layout = spikeTimelineLayout([run('2026-09-20', 5, null)], {
    width: 600,
    height: 240,
    xDomain: X_DOMAIN,
    unitLabel: 'mi',
    ariaLabel: 'spikes',
  });
  assert.equal(layout.measured.length, 0);
  assert.equal(layout.unmeasured.length, 1);
  assert.deepEqual(
    layout.yTicks.map((t) => t.label),
    ['−40', '−20', '0', '20', '40'],
  );
});
