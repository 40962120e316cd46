/**
 * The end-to-end stories of issue 13 drive the real product as a runner does: the command line over one
 * database file (import, pain log, assess, status, why, plan, report --pdf), `kneewise serve` over the same
 * file as a separate process for the dashboard, and the PDF read back as text with poppler's pdftotext.
 * Commands run through runCli in this process, with the argv a shell would pass: each process start costs
 * seconds under tsx, and a story runs a dozen commands (the process boundary itself is covered by
 * src/cli/unix-tool.cli.test.ts and by `serve` here).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';
import { CLI_ARGS } from './cli-process.ts';

export const PDFTOTEXT = '/usr/bin/pdftotext';

/** A folder with a database file, and the command line pointed at it. */
export interface StoryCli {
  dir: string;
  db: string;
  /** Runs `kneewise --db DB …args`; fails the test on a non-zero exit. Returns stdout. */
  run(args: readonly string[]): Promise<string>;
  /** The same with `--json` added, parsed. */
  json<T>(args: readonly string[]): Promise<T>;
  /** `kneewise serve --port 0` over the same database; resolves with its URL once it listens. */
  serve(): Promise<{ url: string; stop(): Promise<void> }>;
  cleanup(): void;
}

export function storyCli(name: string): StoryCli {
  const dir = mkdtempSync(join(tmpdir(), `kneewise-story-${name}-`));
  const db = join(dir, 'kneewise.sqlite');
  const servers: ChildProcess[] = [];
  const run = async (args: readonly string[]) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(['--db', db, ...args], {
      stdout,
      stderr,
      stdin: new PassThrough(),
      isTTY: false,
    });
    assert.equal(code, 0, `kneewise ${args.join(' ')}: ${err}`);
    return out;
  };
  return {
    dir,
    db,
    run,
    json: async <T>(args: readonly string[]) => JSON.parse(await run([...args, '--json'])) as T,
    async serve() {
      const child = spawn(process.execPath, [...CLI_ARGS, '--db', db, 'serve', '--port', '0'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      servers.push(child);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      return {
        url,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        },
      };
    },
    cleanup() {
      for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The reason to skip a story here (no pdftotext), or false; in CI (KNEEWISE_REQUIRE_BROWSER=1) it must exist. */
export function pdfTextSkipReason(): string | false {
  if (existsSync(PDFTOTEXT)) return false;
  if (process.env.KNEEWISE_REQUIRE_BROWSER === '1')
    throw new Error(`pdftotext is required to read the report (install poppler-utils): ${PDFTOTEXT}`);
  return 'no pdftotext on this machine (install poppler-utils)';
}

/** The PDF's text in reading order, runs of white space as one space (a table cell may wrap). */
export function pdfText(file: string): string {
  const result = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\s+/gu, ' ');
}

/** Today's local date on the real clock in UTC (the stories' runner has no home zone set). */
export function realToday(): string {
  return new Date().toISOString().slice(0, 10);
}
