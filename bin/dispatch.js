// How bin/ answers a command line without the whole CLI (dist/cli/main.js) when it can:
// - a command line that only asks for help or the version: the screen the build recorded from commander
//   (dist/cli/help.json: scripts/build.mjs runs helpScreens() of src/cli/main.ts), loading no CLI code at all;
// - a command the build also made into a single file (dist/cli/run-<command>.js): that file, one module where
//   the code-split CLI loads some thirty (each costs about half a millisecond to load in Node 20).
import { existsSync, readFileSync } from 'node:fs';

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

/**
 * The first word of argv that is not a global option (`--db URL` takes a value), or undefined: the same
 * reading as commandWord in src/cli/command-line.ts (test/dispatch.test.ts compares them).
 */
export function commandWord(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return argv[i + 1];
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The single-file build of the command this command line runs, if the build made one, else undefined. */
export function standaloneCommand(cliDist, argv) {
  const word = commandWord(argv);
  if (word === undefined || !/^[a-z]+$/.test(word)) return undefined;
  const file = `${cliDist}/run-${word}.js`;
  return existsSync(file) ? file : undefined;
}
