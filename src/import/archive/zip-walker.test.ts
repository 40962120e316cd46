import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildZip, utf8, type ZipWriterEntry } from '../../../test/factories/zip-writer.ts';
import { ImportError } from '../../domain/errors.ts';
import { walkNestedZip } from './nested-zip-walker.ts';
import {
  type ArchiveEntry,
  DEFAULT_ZIP_LIMITS,
  listZipPaths,
  readZipEntry,
  walkZip,
  type ZipIssue,
} from './zip-walker.ts';

const dir = mkdtempSync(join(tmpdir(), 'kneewise-zip-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

function zipFile(entries: ZipWriterEntry[]): string {
  counter += 1;
  const file = join(dir, `t${counter}.zip`);
  writeFileSync(file, buildZip(entries));
  return file;
}

async function collect(gen: AsyncGenerator<ArchiveEntry>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const entry of gen) out.set(entry.path, (await entry.read()).toString('utf8'));
  return out;
}

describe('walkZip', () => {
  it('yields stored and deflated files in order, skipping folders', async () => {
    const file = zipFile([
      { path: 'export/', data: new Uint8Array() },
      { path: 'export/activities.csv', data: utf8('a,b\n1,2\n') },
      { path: 'export/activities/1.gpx', data: utf8('<gpx/>'), store: true },
    ]);
    const issues: ZipIssue[] = [];
    const seen = await collect(walkZip(file, DEFAULT_ZIP_LIMITS, (i) => issues.push(i)));
    assert.deepEqual(
      [...seen.entries()],
      [
        ['export/activities.csv', 'a,b\n1,2\n'],
        ['export/activities/1.gpx', '<gpx/>'],
      ],
    );
    assert.deepEqual(issues, []);
  });

  it('refuses entries escaping the root and keeps walking', async () => {
    const file = zipFile([
      { path: '../evil.fit', data: utf8('x') },
      { path: '/etc/passwd', data: utf8('x') },
      { path: 'C:/Windows/evil.fit', data: utf8('x') },
      { path: 'a\\..\\..\\evil.fit', data: utf8('x') },
      { path: 'ok/../../evil.fit', data: utf8('x') },
      { path: 'fine.fit', data: utf8('good') },
    ]);
    const issues: ZipIssue[] = [];
    const seen = await collect(walkZip(file, DEFAULT_ZIP_LIMITS, (i) => issues.push(i)));
    assert.deepEqual([...seen.keys()], ['fine.fit']);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ['../evil.fit', 'ZIP_UNSAFE_PATH'],
        ['/etc/passwd', 'ZIP_UNSAFE_PATH'],
        ['C:/Windows/evil.fit', 'ZIP_UNSAFE_PATH'],
        ['a\\..\\..\\evil.fit', 'ZIP_UNSAFE_PATH'],
        ['ok/../../evil.fit', 'ZIP_UNSAFE_PATH'],
      ],
    );
    assert.match(issues[0]!.message, /\.\./);
  });

  it('throws an ImportError for the first refusal when no issue handler is given', async () => {
    const file = zipFile([{ path: '../evil.fit', data: utf8('x') }]);
    await assert.rejects(collect(walkZip(file)), (err: unknown) => {
      assert.ok(err instanceof ImportError);
      assert.equal(err.code, 'ZIP_UNSAFE_PATH');
      assert.match(err.message, /t\d+\.zip!\.\.\/evil\.fit/);
      return true;
    });
  });

  it('refuses an entry whose declared sizes show an absurd compression ratio', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const file = zipFile([
      { path: 'bomb.bin', data: zeros },
      { path: 'small-zeros.bin', data: new Uint8Array(1000) },
    ]);
    const issues: ZipIssue[] = [];
    const seen = await collect(walkZip(file, DEFAULT_ZIP_LIMITS, (i) => issues.push(i)));
    assert.deepEqual([...seen.keys()], ['small-zeros.bin'], 'small files may compress well');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.code, 'ZIP_BOMB');
    assert.match(issues[0]!.message, /ratio \d+:1/);
  });

  it('counts the inflated bytes: a lying declared size is caught while reading', async () => {
    const file = zipFile([{ path: 'liar.bin', data: new Uint8Array(4 * 1024 * 1024), declaredSize: 1000 }]);
    const entries: ArchiveEntry[] = [];
    await assert.rejects(
      (async () => {
        for await (const entry of walkZip(file, DEFAULT_ZIP_LIMITS, () => {})) {
          entries.push(entry);
          await entry.read();
        }
      })(),
      (err: unknown) =>
        err instanceof ImportError && err.code === 'ZIP_BOMB' && /declared 1000 bytes/.test(err.message),
    );
    assert.equal(entries.length, 1);
  });

  it('refuses too many entries before reading any', async () => {
    const file = zipFile([1, 2, 3, 4].map((n) => ({ path: `${n}.fit`, data: utf8('x') })));
    const issues: ZipIssue[] = [];
    const seen = await collect(
      walkZip(file, { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 }, (i) => issues.push(i)),
    );
    assert.equal(seen.size, 0);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [['', 'ZIP_TOO_MANY_ENTRIES']],
    );
  });

  it('refuses oversized files and stops once the archive total is exceeded', async () => {
    const file = zipFile([
      { path: 'big.fit', data: new Uint8Array(300).fill(7) },
      { path: 'a.fit', data: new Uint8Array(100).fill(1) },
      { path: 'b.fit', data: new Uint8Array(100).fill(2) },
      { path: 'c.fit', data: new Uint8Array(100).fill(3) },
    ]);
    const issues: ZipIssue[] = [];
    const limits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 200, maxTotalBytes: 150 };
    const readOk: string[] = [];
    const readFailed: string[] = [];
    for await (const entry of walkZip(file, limits, (i) => issues.push(i))) {
      try {
        await entry.read();
        readOk.push(entry.path);
      } catch (err) {
        assert.ok(err instanceof ImportError);
        readFailed.push(`${entry.path}:${err.code}`);
      }
    }
    assert.deepEqual(readOk, ['a.fit']);
    assert.deepEqual(readFailed, ['b.fit:ZIP_BOMB']);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ['big.fit', 'FILE_TOO_LARGE'],
        ['', 'ZIP_BOMB'],
      ],
    );
  });

  it('reports a truncated archive as ZIP_CORRUPT and a damaged entry on read', async () => {
    const whole = buildZip([{ path: 'a.fit', data: utf8('hello hello hello') }]);
    const cut = join(dir, 'cut.zip');
    writeFileSync(cut, whole.subarray(0, whole.length - 30));
    const issues: ZipIssue[] = [];
    assert.equal((await collect(walkZip(cut, DEFAULT_ZIP_LIMITS, (i) => issues.push(i)))).size, 0);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['ZIP_CORRUPT'],
    );

    const badCrc = zipFile([{ path: 'a.fit', data: utf8('hello'), declaredCrc: 1234 }]);
    await assert.rejects(
      collect(walkZip(badCrc, DEFAULT_ZIP_LIMITS, () => {})),
      (err: unknown) => err instanceof ImportError && err.code === 'ZIP_CORRUPT' && /CRC/.test(err.message),
    );
  });

  it('throws READ_FAILED for a missing file', async () => {
    await assert.rejects(
      collect(walkZip(join(dir, 'nope.zip'))),
      (err: unknown) => err instanceof ImportError && err.code === 'READ_FAILED',
    );
  });
});

describe('listZipPaths and readZipEntry', () => {
  const file = zipFile([
    { path: 'export_1/activities/9.fit.gz', data: utf8('fit') },
    { path: 'export_1/activities.csv', data: utf8('Activity ID\n9\n') },
  ]);

  it('lists the file paths without reading data', async () => {
    assert.deepEqual(await listZipPaths(file), ['export_1/activities/9.fit.gz', 'export_1/activities.csv']);
  });

  it('reads one entry by path, or null when absent', async () => {
    assert.equal((await readZipEntry(file, 'export_1/activities.csv'))?.toString('utf8'), 'Activity ID\n9\n');
    assert.equal(await readZipEntry(file, 'activities.csv'), null);
  });
});

describe('walkNestedZip', () => {
  const inner = buildZip([
    { path: 'user_101.fit', data: utf8('FIT-101') },
    { path: '../escape.fit', data: utf8('x') },
    { path: 'sub/user_102.fit', data: utf8('FIT-102') },
  ]);
  const outer = zipFile([
    { path: 'DI_CONNECT/DI-Connect-Fitness/u_gear.json', data: utf8('[]') },
    { path: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip', data: inner },
  ]);
  const partPath = 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip';

  async function walkParts(options?: { inMemoryMaxBytes: number; tempDir: string }) {
    const issues: ZipIssue[] = [];
    const files = new Map<string, string>();
    for await (const entry of walkZip(outer, DEFAULT_ZIP_LIMITS, (i) => issues.push(i))) {
      if (!entry.path.endsWith('.zip')) continue;
      for await (const nested of walkNestedZip(entry, DEFAULT_ZIP_LIMITS, (i) => issues.push(i), options)) {
        files.set(nested.path, (await nested.read()).toString('utf8'));
      }
    }
    return { issues, files };
  }

  it('walks an inner ZIP from memory with outer!inner paths', async () => {
    const { issues, files } = await walkParts();
    assert.deepEqual(
      [...files.entries()],
      [
        [`${partPath}!user_101.fit`, 'FIT-101'],
        [`${partPath}!sub/user_102.fit`, 'FIT-102'],
      ],
    );
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [[`${partPath}!../escape.fit`, 'ZIP_UNSAFE_PATH']],
    );
  });

  it('walks a large inner ZIP through a temporary file and deletes it', async () => {
    const temp = mkdtempSync(join(dir, 'nested-'));
    const { files } = await walkParts({ inMemoryMaxBytes: 0, tempDir: temp });
    assert.equal(files.get(`${partPath}!sub/user_102.fit`), 'FIT-102');
    assert.equal(files.size, 2);
    assert.deepEqual(readdirSync(temp), []);
  });

  it('reports a damaged inner archive under its own path', async () => {
    const file = zipFile([{ path: 'Part1.zip', data: utf8('PK\u0003\u0004 not really a zip') }]);
    const issues: ZipIssue[] = [];
    for await (const entry of walkZip(file, DEFAULT_ZIP_LIMITS, (i) => issues.push(i))) {
      for await (const _ of walkNestedZip(entry, DEFAULT_ZIP_LIMITS, (i) => issues.push(i)))
        assert.fail('no entries');
    }
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [['Part1.zip', 'ZIP_CORRUPT']],
    );
  });

  it('walks three archive levels and refuses a fourth', async () => {
    const level4 = buildZip([{ path: 'x.fit', data: utf8('x') }]);
    const level3 = buildZip([{ path: 'l4.zip', data: level4 }]);
    const level2 = buildZip([{ path: 'l3.zip', data: level3 }]);
    const file = zipFile([{ path: 'l2.zip', data: level2 }]);
    const issues: ZipIssue[] = [];
    const reached: string[] = [];
    const report = (i: ZipIssue) => issues.push(i);
    for await (const e1 of walkZip(file, DEFAULT_ZIP_LIMITS, report)) {
      for await (const e2 of walkNestedZip(e1, DEFAULT_ZIP_LIMITS, report)) {
        reached.push(e2.path);
        for await (const e3 of walkNestedZip(e2, DEFAULT_ZIP_LIMITS, report)) {
          reached.push(e3.path);
          for await (const e4 of walkNestedZip(e3, DEFAULT_ZIP_LIMITS, report)) reached.push(e4.path);
        }
      }
    }
    assert.deepEqual(reached, ['l2.zip!l3.zip', 'l2.zip!l3.zip!l4.zip']);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [['l2.zip!l3.zip!l4.zip', 'ZIP_BOMB']],
    );
  });
});
