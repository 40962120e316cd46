/**
 * Decompression bombs that pass every per-entry check (issue 14 #10): an overlapping-entry ZIP (100 entries
 * on one 200 MB deflate stream) is refused from its central directory before anything is inflated, measured
 * in a separate process for time and peak memory; and archives nested in archives spend one shared budget.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeOverlapBomb } from '../../../test/factories/overlap-bomb.ts';
import { buildZip } from '../../../test/factories/zip-writer.ts';
import { walkNestedZip } from './nested-zip-walker.ts';
import { DEFAULT_ZIP_LIMITS, walkZip, type ZipIssue } from './zip-walker.ts';

const dir = mkdtempSync(join(tmpdir(), 'kneewise-bomb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('ZIP bombs', () => {
  it('refuses a 100-entry overlapping bomb at once, in bounded memory', () => {
    const bomb = join(dir, 'bomb.zip');
    const size = writeOverlapBomb(bomb, { entries: 100, streamBytes: 200 * 1024 * 1024 });
    assert.ok(size < 2 * 1024 * 1024, `the bomb is small (${size} bytes)`);
    // The walk runs the way the import runs it, in a fresh process so its peak memory is its own.
    const script = `
      import { openInput } from './src/services/import/input-sources.ts';
      const t0 = performance.now();
      const issues = [];
      let files = 0;
      const group = await openInput(${JSON.stringify(bomb)});
      for await (const f of group.files((i) => issues.push(i))) { await f.read().catch(() => {}); files++; }
      console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, files, codes: issues.map((i) => i.code) }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../../../', import.meta.url).pathname,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.deepEqual(result.codes, ['ZIP_BOMB']);
    assert.equal(result.files, 0, 'not one entry inflated');
    assert.ok(result.seconds < 2, `refused in ${result.seconds} s`);
    assert.ok(result.rssMb < 300, `peak RSS ${result.rssMb} MB`);
  });

  it('counts the inflated bytes of nested archives against one budget', async () => {
    // Three inner archives of 40 KB each: under a 100 KB budget one by one, over it together.
    const inner = (i: number) => buildZip([{ path: `run-${i}.fit`, data: new Uint8Array(40_000).fill(i) }]);
    const outer = join(dir, 'nested.zip');
    writeFileSync(
      outer,
      buildZip([1, 2, 3].map((i) => ({ path: `part-${i}.zip`, data: inner(i), store: true }))),
    );
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 100_000 };
    const issues: ZipIssue[] = [];
    const read: string[] = [];
    for await (const entry of walkZip(outer, limits, (i) => issues.push(i))) {
      for await (const nested of walkNestedZip(entry, limits, (i) => issues.push(i))) {
        try {
          await nested.read();
          read.push(nested.path);
        } catch (error) {
          issues.push({ path: nested.path, code: 'ZIP_BOMB', message: String(error) });
        }
      }
    }
    assert.ok(read.length < 3, `stopped before the third inner file: ${read.join(', ')}`);
    assert.ok(
      issues.some((i) => i.code === 'ZIP_BOMB'),
      JSON.stringify(issues),
    );
  });
});
