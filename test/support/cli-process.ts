/**
 * How tests start the command line as a separate process: the current sources through tsx, never the build in
 * dist/cli, which can be older than the code under test while the sources are being edited. Only the packaging
 * test (test/packaging.test.ts) runs the built bin/kneewise.js.
 */
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Arguments for `spawn(process.execPath, [...CLI_ARGS, ...cliArgs])`; they work from any working folder. */
export const CLI_ARGS: readonly string[] = ['--import', import.meta.resolve('tsx'), MAIN];
