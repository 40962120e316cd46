/**
 * Preparing files on worker threads answers exactly what preparing them in the importing thread answers,
 * for every kind of file and failure; and when workers cannot start, the files are prepared in the thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { buildTcx } from '../../../test/factories/tcx.factory.ts';
import {
  contentHash,
  filePreparer,
  type PreparationJob,
  type PreparationSettings,
} from './file-preparation.ts';
import { startPreparation, startPreparationWorkers } from './preparation-pool.ts';

const T0 = Date.UTC(2025, 4, 3, 7, 0, 0);

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-prep-'));
  const known = buildFitRun({ startMs: T0 - 86_400_000, durationS: 600, seed: 9 });
  const files: Record<string, Uint8Array> = {
    'run.fit': buildFitRun({ startMs: T0, durationS: 1800, seed: 1, withGps: true, withHr: true }),
    'run.fit.gz': gzipSync(buildFitRun({ startMs: T0 + 86_400_000, durationS: 900, seed: 2 })),
    'walk.gpx': buildGpx({ startMs: T0 + 2 * 86_400_000 }),
    'ride.tcx': buildTcx({ startMs: T0 + 3 * 86_400_000 }),
    'known.fit': known,
    'empty.fit': new Uint8Array(),
    'noise.fit': new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 251)),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const jobs: PreparationJob[] = [
    ...Object.keys(files).map((name) => ({ display: name, path: join(dir, name), keepStreams: false })),
    // Bytes from an archive, with the samples kept for an export's metadata.
    { display: 'in.zip!run.fit', bytes: files['run.fit']!, keepStreams: true },
    { display: 'missing.fit', path: join(dir, 'missing.fit'), keepStreams: false },
  ];
  const settings: PreparationSettings = {
    nowIso: '2026-01-01T00:00:00.000Z',
    homeZone: 'Europe/Paris',
    knownHashes: [contentHash(known)],
  };
  return { jobs, settings, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('workers prepare every kind of file exactly as the importing thread does', async () => {
  const { jobs, settings, cleanup } = fixture();
  const here = filePreparer(settings);
  const pool = startPreparation(settings, here, 2);
  try {
    assert.equal(pool.workers, 2);
    const viaWorkers = await Promise.all(jobs.map((job) => pool.prepare(job)));
    const inThread = await Promise.all(jobs.map((job) => here(job)));
    assert.equal(pool.answeredByWorkers(), jobs.length, 'every file was answered by a worker');
    assert.deepEqual(viaWorkers, inThread);
    const kinds = viaWorkers.map((f) => f.kind);
    assert.deepEqual(kinds, [
      'decoded',
      'decoded',
      'decoded',
      'decoded',
      'known',
      'undecodable',
      'undecodable',
      'decoded',
      'unreadable',
    ]);
    const first = viaWorkers[0]!;
    assert.ok(first.kind === 'decoded' && first.prepared[0]?.ok && first.prepared[0].streams);
    assert.deepEqual(first.activities, [], 'decoded activities are not sent back unless kept');
    assert.equal(first.prepared[0].checked.parsed.streams, null, 'nor their samples');
    const kept = viaWorkers[7]!;
    assert.ok(kept.kind === 'decoded' && kept.activities[0]?.streams?.timeS.length === 1801);
  } finally {
    await pool.close();
    cleanup();
  }
});

test('when workers cannot start, the files are prepared in the importing thread with the same answers', async () => {
  const { jobs, settings, cleanup } = fixture();
  const here = filePreparer(settings);
  const pool = startPreparation(settings, here, 2, new URL('./no-such-worker.ts', import.meta.url));
  try {
    const answers = await Promise.all(jobs.map((job) => pool.prepare(job)));
    assert.equal(pool.answeredByWorkers(), 0);
    assert.deepEqual(answers, await Promise.all(jobs.map((job) => here(job))));
  } finally {
    await pool.close();
    cleanup();
  }
});

test('workers started before the settings are known prepare as the importing thread does, claims included', async () => {
  const { jobs, settings, cleanup } = fixture();
  const started = startPreparationWorkers(2);
  // The import's settings reach them later, as when the command starts them before opening the database.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const here = filePreparer(settings);
  const pool = startPreparation(settings, here, undefined, undefined, started);
  const claim = {
    sport: 'trail_run' as const,
    name: 'Ridge loop',
    description: null,
    gearName: 'Speedgoat',
    externalId: '42',
  };
  const claimed = { ...jobs[0]!, claim };
  try {
    assert.equal(pool.workers, 2);
    const viaWorkers = await Promise.all([...jobs, claimed].map((job) => pool.prepare(job)));
    assert.equal(pool.answeredByWorkers(), jobs.length + 1, 'every file was answered by a worker');
    assert.deepEqual(viaWorkers, await Promise.all([...jobs, claimed].map((job) => here(job))));
    const run = viaWorkers.at(-1)!;
    assert.ok(run.kind === 'decoded' && run.prepared[0]?.ok);
    const { parsed, summary } = run.prepared[0].checked;
    assert.deepEqual(
      [summary.sport, parsed.name, parsed.gearName, parsed.gearStated, parsed.externalId],
      ['trail_run', 'Ridge loop', 'Speedgoat', true, '42'],
    );
  } finally {
    await pool.close();
    cleanup();
  }
});
