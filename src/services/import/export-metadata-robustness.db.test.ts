/**
 * One bad metadata entry never aborts an import (issue 14 #9): an unclosed quote in a Strava activities.csv,
 * a header in a language we cannot map, a damaged central directory. Each is a warning or a skip naming the
 * archive, the export's activity files still import, and the other PATHs on the same command line too.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildStravaActivitiesCsv,
  STRAVA_ACTIVITIES_HEADER,
  type StravaExportActivity,
} from '../../../test/factories/export.factory.ts';
import { buildFitRun } from '../../../test/factories/fit.factory.ts';
import { buildZip, utf8 } from '../../../test/factories/zip-writer.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { importPaths } from './import.service.ts';

const T0 = Date.UTC(2025, 4, 3, 7, 0, 0);
const DAY = 86_400_000;

async function context(handle: DatabaseHandle) {
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2026-01-01T00:00:00.000Z');
  return {
    db: handle.db,
    athleteId: athlete.id,
    nowIso: '2026-11-01T00:00:00.000Z',
    resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' as const }),
  };
}

function runs(n: number, from: number): StravaExportActivity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 1000 + from + i,
    type: 'Run',
    date: T0 + (from + i) * DAY,
    distanceM: 5000,
    movingS: 1800,
    elapsedS: 1800,
    name: `Run ${from + i}`,
    file: {
      name: `${1000 + from + i}.fit`,
      bytes: buildFitRun({ startMs: T0 + (from + i) * DAY, durationS: 1800, seed: i }),
      gzip: true,
    },
  }));
}

/** A Strava export whose activities.csv is replaced by `csv`. */
function exportWithCsv(activities: StravaExportActivity[], csv: string): Uint8Array {
  const entries = [
    { path: 'activities.csv', data: utf8(csv) },
    { path: 'activities/', data: new Uint8Array() },
    ...activities.map((a) => ({ path: `activities/${a.file!.name}`, data: a.file!.bytes })),
  ];
  return buildZip(entries);
}

async function withFiles(
  tdb: { open(): Promise<DatabaseHandle> },
  fn: (dir: string, handle: DatabaseHandle, ctx: Awaited<ReturnType<typeof context>>) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-meta-'));
  const handle = await tdb.open();
  try {
    await fn(dir, handle, await context(handle));
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

dbTest(
  'an unclosed quote in activities.csv is a warning; the files and other paths still import',
  async (tdb) => {
    await withFiles(tdb, async (dir, handle, ctx) => {
      const activities = runs(3, 0);
      // A last row whose quoted name is never closed: the CSV cannot be read past it.
      const csv = `${buildStravaActivitiesCsv(activities)}9999,"May 1, 2025, 7:00:00 AM","Run never closed,Run\n`;
      const zip = join(dir, 'strava.zip');
      writeFileSync(zip, exportWithCsv(activities, csv));
      const other = join(dir, 'other.fit');
      writeFileSync(other, buildFitRun({ startMs: T0 + 30 * DAY, durationS: 1800, seed: 99 }));
      const report = await importPaths(ctx, [zip, other]);
      assert.equal(report.imported, 4, JSON.stringify(report));
      const warning = report.warnings.find((w) => w.code === 'CSV_MALFORMED');
      assert.ok(warning, JSON.stringify(report.warnings));
      assert.ok(warning.file.startsWith(zip), 'the warning names the archive');
      assert.match(warning.message, /never closed/);
      assert.equal(await new ActivityRepository(handle.db).count(ctx.athleteId), 4);
    });
  },
);

dbTest(
  'a French export keeps its names; a header in an unknown language falls back to the files',
  async (tdb) => {
    await withFiles(tdb, async (dir, handle, ctx) => {
      const french = runs(2, 0);
      const english = buildStravaActivitiesCsv(french);
      const [headerLine, ...rest] = english.split('\n');
      const frenchHeader = headerLine!
        .replace('Activity ID', "ID de l'activité")
        .replace('Activity Date', "Date de l'activité")
        .replace('Activity Name', "Nom de l'activité")
        .replace('Activity Type', "Type d'activité")
        .replace('Filename', 'Nom du fichier');
      const frZip = join(dir, 'fr.zip');
      writeFileSync(frZip, exportWithCsv(french, [frenchHeader, ...rest].join('\n')));

      const unknown = runs(2, 10);
      const polishHeader = STRAVA_ACTIVITIES_HEADER.map((h, i) => `Kolumna ${i} ${h.length}`).join(',');
      const [, ...unknownRows] = buildStravaActivitiesCsv(unknown).split('\n');
      const plZip = join(dir, 'pl.zip');
      writeFileSync(plZip, exportWithCsv(unknown, [polishHeader, ...unknownRows].join('\n')));

      const report = await importPaths(ctx, [frZip, plZip]);
      assert.equal(report.imported, 4, JSON.stringify(report));
      assert.deepEqual(report.skipped, []);
      const fallback = report.warnings.find((w) => w.file.startsWith(plZip) && w.code === 'CSV_MALFORMED');
      assert.ok(fallback, JSON.stringify(report.warnings));
      assert.match(fallback.message, /imported without names/);
      const names = (await new ActivityRepository(handle.db).list(ctx.athleteId)).map((a) => a.name);
      assert.ok(names.includes('Run 0') && names.includes('Run 1'), `French names kept: ${names.join(', ')}`);
    });
  },
);

dbTest('a damaged central directory skips what it hides, never the other paths', async (tdb) => {
  await withFiles(tdb, async (dir, handle, ctx) => {
    const activities = runs(3, 0);
    const bytes = Buffer.from(exportWithCsv(activities, buildStravaActivitiesCsv(activities)));
    // Break the signature of the last central-directory header: yauzl fails part-way through the listing.
    const last = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes[last + 2] = 0x09;
    const zip = join(dir, 'broken.zip');
    writeFileSync(zip, bytes);
    const other = join(dir, 'other.fit');
    writeFileSync(other, buildFitRun({ startMs: T0 + 30 * DAY, durationS: 1800, seed: 99 }));
    const report = await importPaths(ctx, [zip, other]);
    const corrupt = [...report.skipped, ...report.warnings].find((i) => i.code === 'ZIP_CORRUPT');
    assert.ok(corrupt, JSON.stringify(report));
    assert.ok(corrupt.file.startsWith(zip), 'the problem names the archive');
    const sources = (await new ActivityRepository(handle.db).list(ctx.athleteId)).map((a) => a.source);
    assert.ok(sources.includes(other), 'the other path imported');
    assert.ok(
      sources.some((s) => s.startsWith(`${zip}!activities/`)),
      'the files before the damage imported',
    );
  });
});
