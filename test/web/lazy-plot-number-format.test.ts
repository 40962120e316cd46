import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { lazyPlotNumberFormat } from '../../web/build/lazy-plot-number-format.ts';

const require = createRequire(import.meta.url);
const PLOT_SRC = dirname(require.resolve('@observablehq/plot'));
const FORMAT_JS = join(PLOT_SRC, 'format.js');

type Transform = (code: string, id: string) => { code: string } | null;
const transform = (lazyPlotNumberFormat() as Plugin & { transform: Transform }).transform;

type PlotFormat = { formatAuto: () => (value: unknown) => string | undefined };

/** Plot's format.js as the build ships it, importable on its own (its imports pointed at Plot's files). */
async function lazyFormatModule(): Promise<PlotFormat> {
  const code = transform(readFileSync(FORMAT_JS, 'utf8'), FORMAT_JS)!
    .code.replaceAll('from "./', `from "${pathToFileURL(PLOT_SRC).href}/`)
    .replace(
      'from "isoformat"',
      `from "${pathToFileURL(require.resolve('isoformat', { paths: [PLOT_SRC] })).href}"`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-plot-format-'));
  try {
    writeFileSync(join(dir, 'format.mjs'), code);
    return await import(pathToFileURL(join(dir, 'format.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the lazy formatAuto prints every value as Plot prints it', async () => {
  const lazy = (await lazyFormatModule()).formatAuto();
  const eager = ((await import(pathToFileURL(FORMAT_JS).href)) as PlotFormat).formatAuto();
  const values: unknown[] = [
    0,
    -0,
    1,
    7,
    12.5,
    -4.25,
    999,
    1000,
    1234.5678,
    -98765.4321,
    1e6,
    Math.PI,
    0.000123,
    1e21,
    NaN,
    new Date('2026-12-07T00:00:00Z'),
    new Date('2019-03-31T12:34:56Z'),
    'week of 2026-11-30',
    '',
    null,
    undefined,
  ];
  for (let v = -50_000; v <= 50_000; v += 137.37) values.push(v);
  for (const value of values) assert.equal(lazy(value), eager(value), String(value));
});

test('only Plot format.js is rewritten, and a Plot that no longer matches fails the build', () => {
  assert.equal(transform('export const x = 1;', '/x/node_modules/d3-format/src/index.js'), null);
  assert.throws(
    () => transform('export function formatAuto() {}', '/x/node_modules/@observablehq/plot/src/format.js'),
    /format\.js: formatAuto no longer reads as lazy-plot-number-format\.ts expects/,
  );
});
