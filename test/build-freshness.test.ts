/**
 * bin/build-freshness.js in a scratch copy of the layout: a checkout's build is refused once a source it
 * bundled is newer (or gone), only the sources the build listed are compared, and an installed package (no
 * src/) is current without looking at anything.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const BIN = new URL('../bin/build-freshness.js', import.meta.url);

function layout(): { root: string; isFresh: () => Promise<boolean> } {
  const root = mkdtempSync(join(tmpdir(), 'kneewise-freshness-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(BIN, join(root, 'bin', 'build-freshness.js'));
  writeFileSync(join(root, 'package.json'), '{}');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {};');
  writeFileSync(join(root, 'src', 'cli', 'main.test.ts'), 'export {};');
  writeFileSync(join(root, 'dist', 'cli', 'sources.json'), JSON.stringify(['src/cli/main.ts']));
  writeFileSync(join(root, 'dist', 'cli', 'commands.json'), '[]');
  const past = new Date(Date.now() - 60_000);
  for (const file of ['package.json', 'src/cli/main.ts', 'src/cli/main.test.ts']) {
    utimesSync(join(root, file), past, past);
  }
  let loads = 0;
  const isFresh = async () => {
    // A new module instance each time, as each start of the command is a new process.
    loads += 1;
    const url = `${pathToFileURL(join(root, 'bin', 'build-freshness.js')).href}?load=${loads}`;
    const mod = (await import(url)) as { cliBuildIsFresh: () => boolean };
    return mod.cliBuildIsFresh();
  };
  return { root, isFresh };
}

const later = new Date(Date.now() + 60_000);

test('a checkout runs its build until a bundled source is edited or removed', async () => {
  const { root, isFresh } = layout();
  try {
    assert.equal(await isFresh(), true);
    utimesSync(join(root, 'src', 'cli', 'main.test.ts'), later, later);
    writeFileSync(join(root, 'src', 'notes.md'), 'not bundled');
    assert.equal(await isFresh(), true, 'files the build did not bundle do not matter');
    utimesSync(join(root, 'src', 'cli', 'main.ts'), later, later);
    assert.equal(await isFresh(), false, 'an edited source');
    writeFileSync(join(root, 'dist', 'cli', 'commands.json'), '[]'); // built again
    utimesSync(join(root, 'dist', 'cli', 'commands.json'), later, later);
    assert.equal(await isFresh(), true);
    rmSync(join(root, 'src', 'cli', 'main.ts'));
    assert.equal(await isFresh(), false, 'a removed source');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a build without its list of sources, or without its stamp, is refused in a checkout', async () => {
  const { root, isFresh } = layout();
  try {
    utimesSync(join(root, 'package.json'), later, later);
    assert.equal(await isFresh(), false, 'new dependencies');
    utimesSync(join(root, 'package.json'), new Date(0), new Date(0));
    rmSync(join(root, 'dist', 'cli', 'sources.json'));
    assert.equal(await isFresh(), false);
    rmSync(join(root, 'dist', 'cli', 'commands.json'));
    assert.equal(await isFresh(), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an installed package (no src/) runs its build as shipped', async () => {
  const { root, isFresh } = layout();
  try {
    rmSync(join(root, 'src'), { recursive: true });
    rmSync(join(root, 'dist', 'cli', 'sources.json'));
    assert.equal(await isFresh(), true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
