/**
 * Vite plugin: Observable Plot creates its default number formatter (`new Intl.NumberFormat('en-US')`) as its
 * module is evaluated, for `formatDefault`. The first Intl formatter of a fresh page loads the locale data:
 * 34-74 ms in headless Chromium on the 2-core machine, paid before the Training screen's first chart, which
 * never formats a number through it (its axes go through d3-format, its titles are our own strings). Here
 * `formatAuto` makes that formatter on its first number instead; everything it prints is unchanged.
 * The build fails if Plot's source no longer reads as expected, so an upgrade cannot silently undo this.
 */
import type { Plugin } from 'vite';

const PLOT_FORMAT = /\/@observablehq\/plot\/src\/format\.js$/;

const EAGER = `export function formatAuto(locale = "en-US") {
  const number = formatNumber(locale);
  return (v) => (v instanceof Date ? formatIsoDate : typeof v === "number" ? number : string)(v);
}`;

const LAZY = `export function formatAuto(locale = "en-US") {
  let number;
  return (v) =>
    (v instanceof Date ? formatIsoDate : typeof v === "number" ? (number ??= formatNumber(locale)) : string)(v);
}`;

export function lazyPlotNumberFormat(): Plugin {
  return {
    name: 'kneewise-lazy-plot-number-format',
    apply: 'build',
    transform(code, id) {
      if (!PLOT_FORMAT.test(id.replace(/\\/g, '/'))) return null;
      if (!code.includes(EAGER)) {
        throw new Error(
          `${id}: formatAuto no longer reads as lazy-plot-number-format.ts expects; update the plugin for this Plot version.`,
        );
      }
      return { code: code.replace(EAGER, LAZY), map: null };
    },
  };
}
