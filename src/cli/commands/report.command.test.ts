import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { SEED_NOW, seedReportRunner } from '../../../test/factories/report-seed.fixture.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connection.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import type { AppContext } from '../app-context.ts';
import { describeError, exitCodeFor } from '../output.ts';
import { registerReportCommand } from './report.command.ts';

/** Runs `kneewise report …` against a SQLite file the way main.ts does: exit code, stdout, stderr. */
async function run(dbPath: string, args: string[], renderer: () => null = () => null) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const program = new Command('kneewise').exitOverride().configureOutput({
    writeOut: (s) => stdout.write(s),
    writeErr: (s) => stderr.write(s),
  });
  const ctx: AppContext = {
    io: { stdout, stderr, stdin: new PassThrough(), isTTY: false },
    now: () => SEED_NOW,
    config: () => loadConfig({ db: dbPath }),
    async withStore(fn) {
      const store = await openDatabase(dbPath);
      try {
        return await fn(
          store,
          await new AthleteRepository(store.db).getOrCreateLocal(SEED_NOW.toISOString()),
        );
      } finally {
        await store.close();
      }
    },
  };
  registerReportCommand(program, ctx, renderer);
  let code = 0;
  try {
    await program.parseAsync(['report', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else {
      const { code: c, message } = describeError(error);
      err += `kneewise: ${message} [${c}]\n`;
      code = exitCodeFor(error);
    }
  }
  return { code, out, err };
}

test('kneewise report: --json, no browser for --pdf, bad --weeks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-report-cli-'));
  const dbPath = join(dir, 'k.sqlite');
  try {
    const handle = await openDatabase(dbPath);
    await seedReportRunner(handle);
    await handle.close();

    const html = join(dir, 'r.html');
    const ok = await run(dbPath, ['--html', html, '--json']);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(JSON.parse(ok.out), {
      html,
      pdf: null,
      episode: { onset: '2025-06-15', lastDate: '2025-06-27' },
      assessment: { date: '2025-06-20', urgency: 'soon' },
    });
    assert.match(readFileSync(html, 'utf8'), /Knee report: pain since 15 Jun 2025/);

    const html2 = join(dir, 'r2.html');
    const noBrowser = await run(dbPath, ['--html', html2, '--pdf', join(dir, 'r.pdf')]);
    assert.equal(noBrowser.code, 1);
    assert.match(noBrowser.err, /HTML report written to .*r2\.html/);
    assert.match(noBrowser.err, /CHROMIUM_PATH.*\[NO_BROWSER\]/s);
    assert.ok(existsSync(html2));
    assert.equal(existsSync(join(dir, 'r.pdf')), false);

    const bad = await run(dbPath, ['--weeks', 'abc']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--weeks: expected a whole number from 1 to 52, got "abc" \[REPORT_INVALID\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
