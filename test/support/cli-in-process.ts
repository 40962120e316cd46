/**
 * The command line run inside the test process, as a shell would call it (`kneewise --db DB …args`), with its
 * output captured: one helper instead of a copy in every CLI test. A process start costs seconds under tsx;
 * the process boundary itself is covered by src/cli/unix-tool.cli.test.ts.
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cliInProcess(dbUrl: string, ...args: string[]): Promise<CliRun> {
  return cliWithEnv(['--db', dbUrl, ...args]);
}

/**
 * The command line with exactly these arguments and, for the run, these environment variables set (restored
 * afterwards): for commands that read their settings or secrets from the environment.
 */
export async function cliWithEnv(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const saved = Object.keys(env).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, env);
  try {
    const code = await runCli(args, { stdout, stderr, stdin: new PassThrough(), isTTY: false });
    return { code, out, err };
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The same, failing with the command and its stderr on a non-zero exit; returns stdout. */
export async function cliOk(dbUrl: string, ...args: string[]): Promise<string> {
  const run = await cliInProcess(dbUrl, ...args);
  if (run.code !== 0) throw new Error(`kneewise ${args.join(' ')} exited ${run.code}: ${run.err}`);
  return run.out;
}
