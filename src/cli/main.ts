/**
 * The `kneewise` command line. Each command lives in its own file under commands/ and only translates:
 * flags in, a service call, output out.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { createAppContext } from './app-context.ts';
import { registerActivitiesCommand } from './commands/activities.command.ts';
import { registerAdviceCommand } from './commands/advice.command.ts';
import { registerAssessCommand } from './commands/assess.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerImportCommand } from './commands/import.command.ts';
import { registerLoadCommand } from './commands/load.command.ts';
import { registerPainCommand } from './commands/pain.command.ts';
import { registerPlanCommand } from './commands/plan.command.ts';
import { registerReportCommand } from './commands/report.command.ts';
import { registerRoutineCommand } from './commands/routine.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerSettingsCommand } from './commands/settings.command.ts';
import { registerShoesCommand } from './commands/shoes.command.ts';
import { registerStatusCommand } from './commands/status.command.ts';
import { registerWhyCommand } from './commands/why.command.ts';
import { describeError, exitCodeFor, type Io } from './output.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('kneewise')
    .description(
      'Why does my knee hurt after running? Evidence-based answers from your own training data.\n' +
        'Education and triage, not a diagnosis.',
    )
    .version(version, '-V, --version')
    .option(
      '--db <url>',
      'database: a file path, sqlite:PATH or postgres://… (default: KNEEWISE_DB, else SQLite in your data folder)',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  const ctx = createAppContext(program, io);
  registerImportCommand(program, ctx);
  registerActivitiesCommand(program, ctx);
  registerLoadCommand(program, ctx);
  registerStatusCommand(program, ctx);
  registerSettingsCommand(program, ctx);
  registerAssessCommand(program, ctx);
  registerShoesCommand(program, ctx);
  registerPainCommand(program, ctx);
  registerWhyCommand(program, ctx);
  registerPlanCommand(program, ctx);
  registerRoutineCommand(program, ctx);
  registerAdviceCommand(program, ctx);
  registerReportCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerServeCommand(program, ctx);

  try {
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
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
