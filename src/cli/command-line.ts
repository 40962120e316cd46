/**
 * The command line itself, for a given list of commands: the program, its global options and help, which
 * command a command line names, and running it. src/cli/main.ts runs it with every command, each loaded when
 * named; the build also makes single-file bundles of the commands that answer at once (scripts/build.mjs), each
 * running it with its one command.
 */
import { Command, CommanderError, Help } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { AppContext } from './app-context.ts';
import { endQuietlyOnClosedPipe } from './closed-pipe.ts';
import { describeError, exitCodeFor, type Io } from './output.ts';

export type Register = (program: Command, ctx: AppContext) => void;

/** Commands by name, in the order `--help` lists them, each loaded when called. */
export type CommandList = ReadonlyArray<readonly [string, () => Promise<Register>]>;

/** One line of the top-level help: what commander prints for a command, without loading it. */
export interface CatalogueEntry {
  name: string;
  term: string;
  description: string;
}

export function newProgram(io: Io): Command {
  return new Command('kneewise')
    .description(
      'Why does my knee hurt after running? Evidence-based answers from your own training data.\n' +
        'Education and triage, not a diagnosis.',
    )
    .version(packageJson.version, '-V, --version')
    .option(
      '--db <url>',
      'database: a file path, sqlite:PATH or postgres://… (default: KNEEWISE_DB, else SQLite in your data folder)',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Help wraps to the width of the terminal it is written to, as commander does by default, but asked of
      // the streams given here rather than of the process's own: the build records help through a capture,
      // at the width of no terminal (80), whatever terminal it was started from.
      getOutHelpWidth: () => terminalWidth(io.stdout),
      getErrHelpWidth: () => terminalWidth(io.stderr),
    });
}

/** The terminal's width, or the 80 columns commander wraps to when the output is no terminal. */
function terminalWidth(stream: NodeJS.WritableStream): number {
  const tty = stream as Partial<Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>>;
  return (tty.isTTY ? tty.columns : undefined) ?? 80;
}

export async function registerCommands(program: Command, io: Io, commands: CommandList): Promise<void> {
  const { createAppContext } = await import('./app-context.ts');
  const ctx = createAppContext(program, io);
  const registers = await Promise.all(commands.map(([, load]) => load()));
  for (const register of registers) register(program, ctx);
}

/** Name-only stand-ins so commander can print the top-level help and suggest a name for a typo. */
function registerCatalogue(program: Command, catalogue: readonly CatalogueEntry[]): void {
  const terms = new Map(catalogue.map((c) => [c.name, c.term]));
  for (const c of catalogue) program.command(c.name).description(c.description);
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      return terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
}

/** The first word of argv that is not a global option (`--db URL` takes a value), or undefined. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

export async function runCommandLine(
  argv: readonly string[],
  io: Io,
  commands: CommandList,
  catalogue: readonly CatalogueEntry[] | null,
): Promise<number> {
  const program = newProgram(io);
  const word = commandWord(argv);
  const target = word === 'help' ? commandWord(argv.slice(argv.indexOf('help') + 1)) : word;
  const load = target === undefined ? undefined : commands.find(([name]) => name === target)?.[1];

  try {
    if (load && target !== undefined) await registerCommands(program, io, [[target, load]]);
    else if (catalogue) registerCatalogue(program, catalogue);
    else await registerCommands(program, io, commands);
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { code, message } = describeError(error);
    io.stderr.write(`kneewise: ${message} [${code}]\n`);
    return exitCodeFor(error);
  }
}

/** Runs the process's own command line on its own streams and sets its exit code. */
export async function runThisProcess(
  commands: CommandList,
  catalogue: readonly CatalogueEntry[] | null,
): Promise<void> {
  endQuietlyOnClosedPipe();
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  };
  process.exitCode = await runCommandLine(process.argv.slice(2), io, commands, catalogue);
}
