/**
 * The `kneewise` command line. Each command lives in its own file under commands/ and only translates:
 * flags in, a service call, output out.
 *
 * Start-up stays quick because only the command being run is loaded: COMMANDS maps each name to a lazy import
 * of its module (and, through it, of the services, the web server, the report renderer or the importer it
 * uses). Top-level help needs every command's name and one-line description but none of their code: the built
 * CLI reads those from a catalogue the build writes next to it (commands.json, made from these same
 * registrations by commandCatalogue()); run from source, every command is registered for real.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { AppContext } from './app-context.ts';
import { endQuietlyOnClosedPipe } from './closed-pipe.ts';
import { describeError, exitCodeFor, type Io } from './output.ts';

type Register = (program: Command, ctx: AppContext) => void;

/** Every command, in the order `--help` lists them, each loaded only when it runs. */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['import', async () => (await import('./commands/import.command.ts')).registerImportCommand],
  ['activities', async () => (await import('./commands/activities.command.ts')).registerActivitiesCommand],
  ['load', async () => (await import('./commands/load.command.ts')).registerLoadCommand],
  ['status', async () => (await import('./commands/status.command.ts')).registerStatusCommand],
  ['settings', async () => (await import('./commands/settings.command.ts')).registerSettingsCommand],
  ['assess', async () => (await import('./commands/assess.command.ts')).registerAssessCommand],
  ['shoes', async () => (await import('./commands/shoes.command.ts')).registerShoesCommand],
  ['pain', async () => (await import('./commands/pain.command.ts')).registerPainCommand],
  ['why', async () => (await import('./commands/why.command.ts')).registerWhyCommand],
  ['plan', async () => (await import('./commands/plan.command.ts')).registerPlanCommand],
  ['routine', async () => (await import('./commands/routine.command.ts')).registerRoutineCommand],
  ['advice', async () => (await import('./commands/advice.command.ts')).registerAdviceCommand],
  ['report', async () => (await import('./commands/report.command.ts')).registerReportCommand],
  ['export', async () => (await import('./commands/export.command.ts')).registerExportCommand],
  ['demo', async () => (await import('./commands/demo.command.ts')).registerDemoCommand],
  ['serve', async () => (await import('./commands/serve.command.ts')).registerServeCommand],
  ['admin', async () => (await import('../server-mode/cli/admin.command.ts')).registerAdminCommand],
  ['account', async () => (await import('../server-mode/cli/account.command.ts')).registerAccountCommand],
];
const LOADERS = new Map(COMMANDS);

/** One line of the top-level help: what commander prints for a command, without loading it. */
export interface CatalogueEntry {
  name: string;
  term: string;
  description: string;
}

function newProgram(io: Io): Command {
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

async function registerCommands(
  program: Command,
  io: Io,
  commands: ReadonlyArray<readonly [string, () => Promise<Register>]>,
): Promise<void> {
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

/** Every command's help line, from the real registrations: the build writes it to dist/cli/commands.json. */
export async function commandCatalogue(): Promise<CatalogueEntry[]> {
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTTY: false };
  const program = newProgram(io);
  await registerCommands(program, io, COMMANDS);
  const help = program.createHelp();
  return program.commands.map((cmd) => ({
    name: cmd.name(),
    term: help.subcommandTerm(cmd),
    description: help.subcommandDescription(cmd),
  }));
}

/** What one run of the command line printed, and how it ended. */
export interface HelpScreen {
  argv: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Every help (and version) screen commander prints for a command line that only asks for one: `kneewise`,
 * `--help`, `-h`, `help`, `help <command>`, `<command …> --help` and `-h` for every command and subcommand,
 * `--version` and `-V`. Each is run through runCli with every command registered for real and its output
 * captured, at the width of no terminal: the build writes them to dist/cli/help.json, which bin/ prints without
 * loading commander or any command (run both ways by test/help-screens.test.ts).
 */
export async function helpScreens(): Promise<HelpScreen[]> {
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTTY: false };
  const program = newProgram(io);
  await registerCommands(program, io, COMMANDS);
  const paths: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      paths.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program, []);
  const argvs = [
    [],
    ['--help'],
    ['-h'],
    ['help'],
    ['--version'],
    ['-V'],
    ...program.commands.map((cmd) => ['help', cmd.name()]),
    ...paths.flatMap((path) => [
      [...path, '--help'],
      [...path, '-h'],
    ]),
  ];
  const screens: HelpScreen[] = [];
  for (const argv of argvs) {
    const stdout = textSink();
    const stderr = textSink();
    const capture: Io = { stdout: stdout.stream, stderr: stderr.stream, stdin: process.stdin, isTTY: false };
    const exitCode = await runCli(argv, capture, null);
    screens.push({ argv, stdout: stdout.text(), stderr: stderr.text(), exitCode });
  }
  return screens;
}

/** A stream that keeps what is written to it (not a terminal). */
function textSink(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = {
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WritableStream, text: () => chunks.join('') };
}

/** The catalogue written by the build next to the bundle; null when running from source. */
function builtCatalogue(): CatalogueEntry[] | null {
  try {
    return JSON.parse(readFileSync(new URL('./commands.json', import.meta.url), 'utf8')) as CatalogueEntry[];
  } catch {
    return null;
  }
}

export async function runCli(
  argv: readonly string[],
  io: Io,
  catalogue: readonly CatalogueEntry[] | null = builtCatalogue(),
): Promise<number> {
  const program = newProgram(io);
  const word = commandWord(argv);
  const target = word === 'help' ? commandWord(argv.slice(argv.indexOf('help') + 1)) : word;
  const load = target === undefined ? undefined : LOADERS.get(target);

  try {
    if (load && target !== undefined) await registerCommands(program, io, [[target, load]]);
    else if (catalogue) registerCatalogue(program, catalogue);
    else await registerCommands(program, io, COMMANDS);
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

const isMain = process.argv[1] !== undefined && /kneewise(\.js)?$|main\.ts$/.test(process.argv[1]);
if (isMain) {
  endQuietlyOnClosedPipe();
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
