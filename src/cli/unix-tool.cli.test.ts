/**
 * The command line as a Unix tool, each case a real process (issue 13 item 11): a closed pipe ends quietly,
 * `report` never drops a file into the working folder, a missing import path and a port in use are named,
 * `pain log` refuses a future day or no score, `pain list` shows the run's day and distance, and a stray
 * Enter never answers a knee-check question.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI_ARGS } from '../../test/support/cli-process.ts';
import { CORPUS_DIR } from '../../test/support/corpus.ts';

let dir: string;
let db: string;

function kw(args: readonly string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [...CLI_ARGS, '--db', db, ...args], {
    cwd: options.cwd ?? dir,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kneewise-unix-'));
  db = join(dir, 'k.sqlite');
  const imported = kw(['import', join(CORPUS_DIR, 'fit'), '--json']);
  assert.equal(imported.code, 0, imported.err);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('kneewise as a Unix tool', { timeout: 300_000 }, () => {
  test('output piped into a reader that stops early (| head) ends quietly with exit 0', async () => {
    // `load --json` over a ten-year corpus is ~300 KB: far more than a pipe holds, so writes hit EPIPE.
    const child = spawn(process.execPath, [...CLI_ARGS, '--db', db, 'load', '--json'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 0, err);
    assert.doesNotMatch(err, /EPIPE|Error|at /);
  });

  test('report without --html/--pdf prints the HTML to stdout and writes no file', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const report = kw(['report'], { cwd });
    assert.equal(report.code, 0, report.err);
    assert.match(report.out, /^<!doctype html>/i);
    assert.deepEqual(readdirSync(cwd), [], 'nothing dropped into the working folder');
    const json = kw(['report', '--json'], { cwd });
    assert.equal(json.code, 2);
    assert.match(json.err, /give --html FILE or --pdf FILE/);
  });

  test('import of a missing path exits non-zero and names the path', () => {
    const missing = join(dir, 'no-such-export.zip');
    const result = kw(['import', missing]);
    assert.equal(result.code, 2, result.out);
    assert.match(result.err, new RegExp(`no file or folder at "${missing.replace(/[.\\]/g, '\\$&')}"`));
    assert.doesNotMatch(result.out, /Imported/);
  });

  test('serve on a port in use says so, not [INTERNAL], and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, [...CLI_ARGS, '--db', db, 'serve', '--port', String(port)], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      assert.notEqual(code, 0);
      assert.match(err, new RegExp(`port ${port} is already in use`));
      assert.doesNotMatch(err, /INTERNAL/);
    } finally {
      blocker.close();
    }
  });

  test('pain log refuses a future day and an entry without a score', () => {
    const future = kw(['pain', 'log', '--date', '2999-01-01', '--after', '3']);
    assert.equal(future.code, 2);
    assert.match(future.err, /--date: 2999-01-01 is in the future/);
    const none = kw(['pain', 'log', '--date', '2021-01-01']);
    assert.equal(none.code, 2);
    assert.match(none.err, /give at least one pain score from 0 \(none\) to 10 \(worst\)/);
    assert.doesNotMatch(none.err, /undefined/);
  });

  test("pain list shows the run's day and distance, not its id", () => {
    const runs = JSON.parse(kw(['activities', '--sport', 'run', '--json']).out) as {
      activities: { id: string; localDate: string; distanceM: number }[];
    };
    const run = runs.activities.find((a) => a.distanceM > 1000)!;
    const logged = kw(['pain', 'log', '--date', run.localDate, '--after', '3', '--run', run.id]);
    assert.equal(logged.code, 0, logged.err);
    const list = kw(['pain', 'list']);
    assert.equal(list.code, 0, list.err);
    const km = (run.distanceM / 1000).toFixed(1);
    assert.match(list.out, new RegExp(`run of ${run.localDate}, ${km.replace('.', '\\.')} km`));
    assert.ok(!list.out.includes(run.id), list.out);
    // In the runner's units.
    assert.equal(kw(['settings', '--units', 'mi']).code, 0);
    const mi = (run.distanceM / 1609.344).toFixed(1);
    assert.match(
      kw(['pain', 'list']).out,
      new RegExp(`run of ${run.localDate}, ${mi.replace('.', '\\.')} mi`),
    );
    assert.equal(kw(['settings', '--units', 'km']).code, 0);
  });

  test('the knee check: an empty line answers nothing, so it is asked again', () => {
    // Age, then Enter alone on the first yes/no question, then "n".
    const result = kw(['assess'], { input: '32\n\nn\n' });
    assert.match(result.out + result.err, /Please answer with y = yes, n = no, \? = don't know/);
    assert.doesNotMatch(result.out, /✔ .* Yes/);
  });
});
