/**
 * readRegularFileSync into a ReadBuffer (the import's workers): every file read gives exactly its own bytes,
 * whatever was read into the same memory before, and the checks are those of a plain read.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ImportError } from '../../domain/errors.ts';
import { ReadBuffer, readRegularFileSync } from './bounded-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'kneewise-bounded-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, size: number, seed: number): { path: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('readRegularFileSync into a ReadBuffer', () => {
  it('gives each file its own bytes, reusing the memory while the files fit in it', () => {
    const into = new ReadBuffer();
    const big = fileOf('big.fit', 300_000, 1);
    const small = fileOf('small.fit', 1_000, 2);
    const bigger = fileOf('bigger.fit', 700_000, 3);
    const first = readRegularFileSync(big.path, 'big.fit', undefined, into);
    assert.deepEqual(first, big.bytes);
    const second = readRegularFileSync(small.path, 'small.fit', undefined, into);
    assert.deepEqual(second, small.bytes);
    assert.equal(second.buffer, first.buffer, 'the smaller file went into the same memory');
    const third = readRegularFileSync(bigger.path, 'bigger.fit', undefined, into);
    assert.deepEqual(third, bigger.bytes);
    assert.deepEqual(readRegularFileSync(small.path, 'small.fit', undefined, into), small.bytes);
    assert.deepEqual(readRegularFileSync(big.path, 'big.fit', undefined, into), big.bytes);
  });

  it('reads an empty file as no bytes, and a file over the reuse limit into memory of its own', () => {
    const into = new ReadBuffer();
    const empty = fileOf('empty.fit', 0, 0);
    assert.equal(readRegularFileSync(empty.path, 'empty.fit', undefined, into).length, 0);
    const held = readRegularFileSync(fileOf('a.fit', 5_000, 4).path, 'a.fit', undefined, into);
    const huge = fileOf('huge.fit', 9 * 1024 * 1024, 5);
    const read = readRegularFileSync(huge.path, 'huge.fit', undefined, into);
    assert.deepEqual(read, huge.bytes);
    assert.notEqual(read.buffer, held.buffer);
  });

  it('refuses what a plain read refuses: a folder, a file over the limit', () => {
    const into = new ReadBuffer();
    mkdirSync(join(dir, 'folder.fit'));
    assert.throws(
      () => readRegularFileSync(join(dir, 'folder.fit'), 'folder.fit', undefined, into),
      (e: unknown) => e instanceof ImportError && e.code === 'NOT_A_FILE' && e.message.includes('folder.fit'),
    );
    const file = fileOf('limit.fit', 2_000, 6);
    assert.throws(
      () => readRegularFileSync(file.path, 'limit.fit', 1_000, into),
      (e: unknown) => e instanceof ImportError && e.code === 'FILE_TOO_LARGE',
    );
  });
});
