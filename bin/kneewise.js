#!/usr/bin/env node
// Runs the built command line (dist/cli: `npm run build`, which `npm ci` runs through `prepare`). In a checkout,
// a build older than src/ is refused rather than run, so an edit is never silently ignored. A command line that
// only asks for help or the version is answered from the screens the build recorded from commander, and a
// command the build also made into a single file runs from that file (./dispatch.js).
import { pathToFileURL } from 'node:url';
import { CLI_DIST, cliBuildIsFresh, isCheckout } from './build-freshness.js';
import { printHelpScreen, standaloneCommand } from './dispatch.js';

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
const argv = process.argv.slice(2);
const helpExitCode = printHelpScreen(CLI_DIST, argv);
if (helpExitCode !== undefined) process.exitCode = helpExitCode;
else {
  const standalone = standaloneCommand(CLI_DIST, argv);
  await import(standalone === undefined ? '../dist/cli/main.js' : pathToFileURL(standalone).href);
}
