// The help screens the build recorded from commander (dist/cli/help.json: scripts/build.mjs runs helpScreens()
// of src/cli/main.ts). When the command line only asks for help or the version, bin/ prints the recorded screen
// and loads neither commander nor any command: most of what such a start cost above a bare `node`.
import { readFileSync } from 'node:fs';

export const HELP_SCREENS_NAME = 'help.json';

/** Commander wraps help to the terminal it writes to, else to 80 columns: the width the screens are recorded at. */
const RECORDED_WIDTH = 80;

/** How a command line names its screen in help.json (JSON keeps `a b` and `"a b"` apart). */
export function helpScreenKey(argv) {
  return JSON.stringify(argv);
}

const ASKS_FOR_HELP = new Set(['--help', '-h', '--version', '-V']);

/**
 * Prints the recorded screen for this command line and returns its exit code, or returns undefined, printing
 * nothing, when none was recorded for it (the CLI then runs as usual) or when a screen would go to a terminal
 * of another width, where commander's own wrapping must decide.
 */
export function printHelpScreen(cliDist, argv) {
  if (!(argv.length === 0 || argv[0] === 'help' || argv.some((arg) => ASKS_FOR_HELP.has(arg))))
    return undefined;
  let screens;
  try {
    screens = JSON.parse(readFileSync(`${cliDist}/${HELP_SCREENS_NAME}`, 'utf8'));
  } catch {
    return undefined; // a build from before the screens were recorded: the CLI prints them
  }
  const key = helpScreenKey(argv);
  if (!Object.hasOwn(screens, key)) return undefined;
  const { stdout, stderr, exitCode } = screens[key];
  const outputs = [
    [process.stdout, stdout],
    [process.stderr, stderr],
  ].filter(([, text]) => text !== '');
  if (outputs.some(([stream]) => stream.isTTY && stream.columns !== RECORDED_WIDTH)) return undefined;
  for (const [stream, text] of outputs) {
    // As the CLI does (src/cli/closed-pipe.ts): a reader that stops early (`| head`) ends the command quietly.
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(0);
      else throw error;
    });
    stream.write(text);
  }
  return exitCode;
}
