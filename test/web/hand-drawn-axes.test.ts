/**
 * The Training screen's first chart is drawn by hand (spike-timeline.svg.ts) so it need not wait for Observable
 * Plot; its axes and point shapes must be the ones Plot drew. Held here to d3 (Plot's own dependency, which
 * chose the ticks and drew the shapes) and to Plot's time-axis labeller (its src/time.js), on random domains,
 * tick counts and sizes.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { linearTickFormat, linearTickStep, linearTicks } from '../../web/src/charts/linear-ticks.ts';
import { type SymbolName, symbolPath } from '../../web/src/charts/symbol-paths.ts';
import { utcTickLabels, utcTicks } from '../../web/src/charts/utc-ticks.ts';

const require = createRequire(import.meta.url);
const PLOT_SRC = dirname(require.resolve('@observablehq/plot'));

interface D3Path {
  toString(): string;
}
interface D3 {
  ticks(start: number, stop: number, count: number): number[];
  tickStep(start: number, stop: number, count: number): number;
  utcTicks(start: Date, stop: Date, count: number): Date[];
  scaleLinear(): { domain(d: number[]): { tickFormat(count: number): (v: number) => string } };
  pathRound(digits: number): D3Path;
  symbolCircle: { draw(path: D3Path, size: number): void };
  symbolTriangle: { draw(path: D3Path, size: number): void };
  symbolSquare: { draw(path: D3Path, size: number): void };
  symbolDiamond: { draw(path: D3Path, size: number): void };
  symbolTimes: { draw(path: D3Path, size: number): void };
}
type TimeFormat = (x: Date, i: number, X: readonly Date[]) => string;

/** d3 as Plot resolves it (an ES module without type declarations: the few functions used, typed above). */
async function loadD3(): Promise<D3> {
  const d3Entry = createRequire(join(PLOT_SRC, 'index.js')).resolve('d3');
  return (await import(pathToFileURL(d3Entry).href)) as D3;
}

async function plotTimeFormat(): Promise<(dates: Date[]) => TimeFormat | undefined> {
  const time = (await import(pathToFileURL(join(PLOT_SRC, 'time.js')).href)) as {
    inferTimeFormat: (type: string, dates: Date[], anchor: string) => TimeFormat | undefined;
  };
  return (dates) => time.inferTimeFormat('utc', dates, 'bottom');
}

const d3 = await loadD3();
const isoformat = (
  (await import(pathToFileURL(createRequire(join(PLOT_SRC, 'index.js')).resolve('isoformat')).href)) as {
    format: (date: Date) => string;
  }
).format;

test('linear ticks, their step and their labels are d3’s', () => {
  const domain = fc
    .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 2e6, noNaN: true }))
    .map(([start, span]) => [start, start + span] as const);
  fc.assert(
    fc.property(domain, fc.integer({ min: 1, max: 12 }), ([start, stop], count) => {
      assert.deepEqual(linearTicks(start, stop, count), d3.ticks(start, stop, count));
      assert.equal(linearTickStep(start, stop, count), d3.tickStep(start, stop, count));
      const ours = linearTickFormat(start, stop, count);
      const theirs = d3.scaleLinear().domain([start, stop]).tickFormat(count);
      for (const tick of d3.ticks(start, stop, count)) assert.equal(ours(tick), theirs(tick));
    }),
    { numRuns: 3000 },
  );
  // The spike chart's usual axes: percentages from about −80 to a few thousand, with the real minus sign.
  const format = linearTickFormat(-70, 2400, 6);
  assert.deepEqual(linearTicks(-70, 2400, 6).map(format), ['0', '500', '1,000', '1,500', '2,000']);
  assert.equal(linearTickFormat(-57, 42, 6)(-40), '−40');
});

test('UTC ticks are d3’s and their labels Plot’s, from a day to decades, at every chart width', async () => {
  const inferTimeFormat = await plotTimeFormat();
  const DAY = 86_400_000;
  const startDay = fc.integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2030, 0, 1) / DAY });
  // Whole days (what the charts draw), then a few odd instants for the hour and minute intervals.
  const domain = fc.oneof(
    fc.tuple(startDay, fc.integer({ min: 1, max: 12 * 366 })).map(([s, n]) => [s * DAY, (s + n) * DAY]),
    fc
      .tuple(startDay, fc.integer({ min: 1, max: 5 * DAY }), fc.integer({ min: 0, max: DAY }))
      .map(([s, n, at]) => [s * DAY + at, s * DAY + at + n]),
  );
  fc.assert(
    fc.property(domain, fc.integer({ min: 2, max: 60 }), ([t0, t1], count) => {
      const [start, stop] = [new Date(t0!), new Date(t1!)];
      const expected = d3.utcTicks(start, stop, count);
      const ticks = utcTicks(start, stop, count);
      assert.deepEqual(
        ticks.map((d) => d.toISOString()),
        expected.map((d) => d.toISOString()),
      );
      // No unit common to every tick (a lone tick between days): Plot writes the ISO form.
      const format = inferTimeFormat(expected) ?? ((d: Date) => isoformat(d));
      assert.deepEqual(
        utcTickLabels(ticks).map((lines) => lines.join('\n')),
        expected.map((d, i) => format(d, i, expected)),
      );
    }),
    { numRuns: 3000 },
  );
  // The 12-week view at 1,034 px, as Plot drew it: the month under the first day of each month shown.
  const twelveWeeks = utcTicks(new Date('2026-09-14'), new Date('2026-12-09'), 9);
  assert.deepEqual(utcTickLabels(twelveWeeks).slice(0, 4), [['20', 'Sep'], ['27'], ['4', 'Oct'], ['11']]);
  assert.deepEqual(utcTickLabels([new Date('2026-09-20')]), [['20', 'Sep']]);
  assert.deepEqual(utcTickLabels([new Date('2026-09-20T03:00Z')]), [['2026-09-20T03:00Z']]);
});

test('point shapes are d3’s symbols at Plot’s size for a radius (area π·r²)', () => {
  const d3Symbols: Record<SymbolName, D3['symbolCircle']> = {
    circle: d3.symbolCircle,
    triangle: d3.symbolTriangle,
    square: d3.symbolSquare,
    diamond: d3.symbolDiamond,
    times: d3.symbolTimes,
  };
  for (const [name, symbol] of Object.entries(d3Symbols) as [SymbolName, D3['symbolCircle']][]) {
    for (const r of [0.5, 2.5, 3, 3.4641016151377544, 3.5, 4.5, 6, 12.25]) {
      const path = d3.pathRound(3);
      symbol.draw(path, r * r * Math.PI);
      assert.equal(symbolPath(name, r), path.toString(), `${name} at r = ${r}`);
    }
  }
});
