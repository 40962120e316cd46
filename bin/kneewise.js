#!/usr/bin/env node
// Runs the built command line (dist/cli: `npm run build`, which `npm ci` runs through `prepare`). In a checkout,
// a build older than src/ is refused rather than run, so an edit is never silently ignored.
import { cliBuildIsFresh, isCheckout } from './build-freshness.js';

if (!cliBuildIsFresh()) {
  process.stderr.write(
    isCheckout()
      ? 'kneewise: the built command line (dist/cli) is missing or older than the sources in src/.\n' +
          'Build it with `npm run build` (`npm start` builds before serving), or run the sources directly with\n' +
          '`node --import tsx src/cli/main.ts`.\n'
      : 'kneewise: this installation is missing its built files (dist/cli); reinstall the package.\n',
  );
  process.exit(1);
}
await import('../dist/cli/main.js');
