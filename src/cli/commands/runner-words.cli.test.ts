/**
 * What a runner reads, as one story: the demo runner with miles set, through the CLI's text (status, load,
 * why, plan, pain list, advice) and the clinician report's HTML. Every distance is in miles, and nothing
 * of ours leaks into the text: answer keys, file paths, reminders to verify, vocabulary ids, "1 runs",
 * a negative zero.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliInProcess as cli } from '../../../test/support/cli-in-process.ts';

/** Things of ours that must never reach a runner or a clinician. */
const LEAKS: readonly [RegExp, string][] = [
  [/\((?:[a-z]+[A-Z][A-Za-z0-9]*)(?:,\s*[a-z]+[A-Z][A-Za-z0-9]*)*\)/u, 'an answer key in parentheses'],
  [/research\/|\b[\w-]+\.md\b|§\s?\d/u, 'a file path or section mark'],
  [/\bto verify\b/iu, 'a note to ourselves'],
  [/no-baseline|_tendinopathy|\bpfps\b/u, 'a vocabulary id'],
  [/(?<![\d.,])\b1 (?:runs|days|weeks|entries|sessions)\b/u, 'a plural after 1'],
  [/-0(?:\.0+)? ?%/u, 'a negative zero'],
];

function leaks(text: string): string[] {
  return LEAKS.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: "${re.exec(text)?.[0]}"`);
}

/**
 * The runner's own words (journal notes, shown in quotes) may say "km". Everything else must be in miles.
 */
function withoutQuotedWords(text: string): string {
  return text.replace(/"[^"\n]*"/gu, '""');
}

describe('a miles runner reads miles everywhere, in plain words', () => {
  let dir = '';
  let db = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kneewise-words-'));
    db = join(dir, 'words.sqlite');
    assert.equal((await cli(db, 'demo')).code, 0);
    assert.equal((await cli(db, 'settings', '--units', 'mi')).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [
    ['status'],
    ['load'],
    ['why'],
    ['plan', '--weeks', '2'],
    ['pain', 'list'],
    ['activities'],
    ['shoes', 'list'],
  ]) {
    it(`${args.join(' ')}: miles, no km, nothing of ours`, async () => {
      const { code, out, err } = await cli(db, ...args);
      assert.equal(code, 0, `${err}|${out.slice(0, 300)}`);
      const text = withoutQuotedWords(out);
      if (args[0] !== 'pain') assert.match(text, /\d mi\b/u, 'a distance in miles');
      assert.doesNotMatch(text, /\bkm\b/u);
      assert.deepEqual(leaks(out), []);
    });
  }

  it('why: descent in feet', async () => {
    const { out } = await cli(db, 'why');
    assert.match(out, /[\d,]+ ft of descent/u);
    assert.doesNotMatch(out, /\d m of descent|m per km/u);
  });

  it('advice: nothing of ours', async () => {
    const { code, out } = await cli(db, 'advice');
    assert.equal(code, 0);
    assert.deepEqual(leaks(out), []);
  });

  it('report HTML: miles and feet, nothing of ours', async () => {
    const file = join(dir, 'report.html');
    const { code, err } = await cli(db, 'report', '--html', file);
    assert.equal(code, 0, err);
    const visible = readFileSync(file, 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/u, '')
      .replace(/<[^>]+>/gu, ' ')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    // The journal notes are the runner's own words, in their own units.
    const text = withoutQuotedWords(
      readFileSync(file, 'utf8')
        .replace(/<style>[\s\S]*?<\/style>/u, '')
        .replace(/<td class="note">[\s\S]*?<\/td>/gu, '')
        .replace(/<[^>]+>/gu, ' ')
        .replaceAll('&quot;', '"'),
    );
    assert.match(text, /\d mi\b/u);
    assert.match(text, /\bft\b/u);
    assert.doesNotMatch(text, /\bkm\b/u);
    assert.deepEqual(leaks(visible), []);
  });
});
