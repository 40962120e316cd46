import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityProblems } from './html-a11y.check.ts';

const GOOD = `<!doctype html><html lang="en"><head><title>T</title></head><body><h1>A</h1><h2>B</h2><h3>C</h3>
<table><caption>Cap</caption><tr><th scope="col">x</th></tr></table>
<svg id="c" role="img" aria-label="Chart"><title id="t">Chart</title><desc>Three bars</desc></svg>
<img src="a.png" alt="A"></body></html>`;

test('a well-formed page has no problems', () => {
  assert.deepEqual(accessibilityProblems(GOOD), []);
});

test('each defect is named', () => {
  const bad = GOOD.replace(' lang="en"', '')
    .replace('<h2>B</h2>', '<h4>B</h4>')
    .replace('<caption>Cap</caption>', '')
    .replace(' scope="col"', '')
    .replace(' role="img"', '')
    .replace('<desc>Three bars</desc>', '')
    .replace(' alt="A"', '');
  const problems = accessibilityProblems(bad);
  for (const expected of [
    'lang',
    'skips from h1 to h4',
    'no caption',
    'no scope',
    'role="img"',
    '<desc>',
    'alt text',
  ]) {
    assert.ok(
      problems.some((p) => p.includes(expected)),
      `expected a problem mentioning ${expected}: ${problems.join(' | ')}`,
    );
  }
});

test('two h1 headings are a problem', () => {
  assert.ok(
    accessibilityProblems(GOOD.replace('<h2>B</h2>', '<h1>B</h1>')).includes('expected exactly one <h1>'),
  );
});
