/**
 * Builds the dashboard (web/) into dist/web, which `kneewise serve` serves. No CDN, no external fonts: every
 * byte the page needs ships in the bundle, so no request leaves the machine.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bootPlugin } from './web/build/boot-plugin.ts';
import { lazyPlotNumberFormat } from './web/build/lazy-plot-number-format.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically, in the entry's own chunk: split by what the lazy screens
        // share with it, the first page asked for five files (six connections, with the first screen's data
        // and code queued behind them); now two, the script and its stylesheet.
        codeSplitting: { groups: [{ name: 'entry', tags: ['$initial'] }] },
      },
    },
  },
  plugins: [lazyPlotNumberFormat(), bootPlugin()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
