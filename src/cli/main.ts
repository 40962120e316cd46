/**
 * The `kneewise` command line. Each command lives in its own file under commands/ and only translates:
 * flags in, a service call, output out.
 *
 * Start-up stays quick because only the command being run is loaded: COMMANDS maps each name to a lazy import
 * of its module (and, through it, of the services, the web server, the report renderer or the importer it
 * uses). Top-level help needs every command's name and one-line description but none of their code: the built
 * CLI reads those from a catalogue the build writes next to it (commands.json, made from these same
 * registrations by commandCatalogue()); run from source, every command is registered for real. The program
 * and the running of a command line are in command-line.ts.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type CatalogueEntry,
  type CommandList,
  newProgram,
  registerCommands,
  runCommandLine,
  runThisProcess,
} from './command-line.ts';
import type { Io } from './output.ts';

export { type CatalogueEntry, commandWord } from './command-line.ts';

/** Every command, in the order `--help` lists them, each loaded only when it runs. */
const COMMANDS: CommandList = [
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

/**
 * The statements that bring an empty SQLite database through every migration: the build writes them beside the
 * bundle (dist/cli/fresh-sqlite-schema.json), and a new database is created from them (src/db/fresh-sqlite-schema.ts).
 */
export async function freshSqliteSchemaScript() {
  return (await import('../db/fresh-sqlite-schema.ts')).recordFreshSqliteSchema();
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
 * loading commander or any command (run both ways by test/dispatch.test.ts).
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

/** Runs one command line: the command named loaded alone, else the catalogue (or, from source, every command). */
export function runCli(
  argv: readonly string[],
  io: Io,
  catalogue: readonly CatalogueEntry[] | null = builtCatalogue(),
): Promise<number> {
  return runCommandLine(argv, io, COMMANDS, catalogue);
}

const isMain = process.argv[1] !== undefined && /kneewise(\.js)?$|main\.ts$/.test(process.argv[1]);
if (isMain) await runThisProcess(COMMANDS, builtCatalogue());
