/**
 * An archive larger than the reader's windows, walked from disk: every entry comes back byte for byte, whether
 * it sits inside one window, straddles two, or is larger than a window; a truncated archive is still refused.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildZip } from '../../../test/factories/zip-writer.ts';
import { walkZip } from './zip-walker.ts';

test('entries of an archive several windows long are read byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-windowed-'));
  try {
    // Stored random bytes: nothing compresses, so the archive is as long as its entries (about 5.5 MB).
    const entries = [
      ...Array.from({ length: 30 }, (_, i) => ({
        path: `runs/${i}.fit`,
        data: randomBytes(97_001 + i * 13),
      })),
      { path: 'big.fit', data: randomBytes(2_500_000) },
      ...Array.from({ length: 5 }, (_, i) => ({ path: `more/${i}.fit`, data: randomBytes(150_000) })),
    ];
    const zipPath = join(dir, 'export.zip');
    writeFileSync(zipPath, buildZip(entries.map((e) => ({ ...e, store: true }))));
    const seen = new Map<string, Buffer>();
    for await (const entry of walkZip(zipPath)) seen.set(entry.path, await entry.read());
    assert.equal(seen.size, entries.length);
    for (const { path, data } of entries) assert.ok(seen.get(path)?.equals(data), `${path} read back whole`);

    // The same archive cut short: refused, not read as if complete.
    const whole = buildZip([{ path: 'a.fit', data: randomBytes(3_000_000), store: true }]);
    const cutPath = join(dir, 'cut.zip');
    writeFileSync(cutPath, whole.subarray(0, whole.length - 1_000));
    await assert.rejects(async () => {
      for await (const entry of walkZip(cutPath)) await entry.read();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
