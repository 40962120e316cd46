/**
 * What the import accepts as input (issue 14 #10, #11): only regular files, size-checked before reading;
 * folders where one bad corner (an unreadable subfolder, a link loop, a FIFO, a name that is not UTF-8)
 * affects only itself.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { ImportError } from '../../domain/errors.ts';
import { readRegularFile } from './bounded-file.ts';
import { type InputIssue, openInput, type SourceFile } from './input-sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'kneewise-inputs-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

async function listAll(path: string): Promise<{ files: SourceFile[]; issues: InputIssue[] }> {
  const group = await openInput(path);
  const files: SourceFile[] = [];
  const issues: InputIssue[] = [];
  for await (const f of group.files((i) => issues.push(i))) files.push(f);
  return { files, issues };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error));
    return error.code;
  }
  assert.fail('expected a refusal');
}

describe('input files', () => {
  it('refuses a FIFO and /dev/zero before reading, without hanging', async () => {
    const fifo = join(dir, 'pipe.fit');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    assert.equal(await refusal(openInput(fifo)), 'NOT_A_FILE');
    assert.equal(await refusal(openInput('/dev/zero')), 'NOT_A_FILE');
    assert.equal(await refusal(readRegularFile(fifo, 'pipe.fit')), 'NOT_A_FILE');
    assert.ok(performance.now() - t0 < 2000);
  });

  it('refuses a file above the size limit from its size, before reading it', async () => {
    const big = join(dir, 'huge.gpx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: no disk used, no bytes read
    closeSync(fd);
    const { files } = await listAll(big);
    const t0 = performance.now();
    assert.equal(await refusal(files[0]!.read()), 'FILE_TOO_LARGE');
    assert.ok(performance.now() - t0 < 500, 'refused from the size, not by reading 300 MB');
  });

  it('reports a read error as READ_FAILED', async () => {
    assert.equal(await refusal(openInput(join(dir, 'missing.fit'))), 'READ_FAILED');
    assert.equal(await refusal(readRegularFile(join(dir, 'missing.fit'), 'missing.fit')), 'READ_FAILED');
  });
});

describe('input folders', () => {
  it('follows links once, lists loops and FIFOs as skipped, and opens names that are not UTF-8', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'a', 'b', 'run.gpx'), buildGpx());
    symlinkSync(root, join(root, 'a', 'b', 'loop')); // a link back up the tree
    symlinkSync(join(root, 'a', 'b', 'run.gpx'), join(root, 'linked.gpx'));
    symlinkSync(join(root, 'nowhere.gpx'), join(root, 'broken.gpx'));
    execFileSync('mkfifo', [join(root, 'a', 'pipe.gpx')]);
    // "caf\xe9.gpx": Latin-1 bytes, not valid UTF-8.
    const latin1Name = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.gpx')]);
    writeFileSync(latin1Name, buildGpx());

    const { files, issues } = await listAll(root);
    const rels = files.map((f) => f.relPath).sort();
    assert.deepEqual(rels, ['a/b/run.gpx', 'caf\uFFFD.gpx', 'linked.gpx']);
    for (const f of files) assert.ok((await f.read()).length > 100, `${f.relPath} reads`);
    const byCode = (code: string) => issues.filter((i) => i.code === code).map((i) => i.file);
    assert.deepEqual(byCode('SYMLINK_LOOP'), [join(root, 'a', 'b', 'loop')]);
    assert.deepEqual(byCode('NOT_A_FILE'), [join(root, 'a', 'pipe.gpx')]);
    assert.deepEqual(byCode('READ_FAILED'), [join(root, 'broken.gpx')]);
  });

  it('skips only an unreadable subfolder (checked as an unprivileged user: root reads everything)', () => {
    const root = join(dir, 'perm');
    mkdirSync(join(root, 'locked'), { recursive: true });
    mkdirSync(join(root, 'open'), { recursive: true });
    writeFileSync(join(root, 'locked', 'hidden.gpx'), buildGpx());
    writeFileSync(join(root, 'open', 'run.gpx'), buildGpx());
    chmodSync(join(root, 'locked'), 0o000);
    const script = `
      import { openInput } from './src/services/import/input-sources.ts';
      const issues = []; const files = [];
      for await (const f of (await openInput(${JSON.stringify(root)})).files((i) => issues.push(i))) files.push(f.relPath);
      console.log(JSON.stringify({ files, issues }));
    `;
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../../../', import.meta.url).pathname,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      ...asUser,
    });
    chmodSync(join(root, 'locked'), 0o755);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.deepEqual(result.files, ['open/run.gpx']);
    assert.equal(result.issues.length, 1);
    assert.equal(result.issues[0].code, 'READ_FAILED');
    assert.equal(result.issues[0].file, join(root, 'locked'));
  });
});
