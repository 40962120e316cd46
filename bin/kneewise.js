#!/usr/bin/env node
// Runs the built command line (dist/cli: `npm run build`, which `npm ci` runs through `prepare`). In a checkout,
// a build older than src/ is refused rather than run, so an edit is never silently ignored. A command line that
// only asks for help or the version is answered from the screens the build recorded from commander.
import { CLI_DIST, cliBuildIsFresh, isCheckout } from './build-freshness.js';
import { printHelpScreen } from './help-screens.js';

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
const helpExitCode = printHelpScreen(CLI_DIST, process.argv.slice(2));
if (helpExitCode === undefined) await import('../dist/cli/main.js');
else process.exitCode = helpExitCode;
