/**
 * What the fuzzer mutates: every real file of the corpus (when it is there) and hand-made valid files of every
 * format the importer reads. A seed's `plain` bytes are mutated, then `wrap` packs them the way they arrive
 * (gzip, a ZIP, a Strava or Garmin export), so mutations reach the inner parsers and not only the outer CRCs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildGarminExportZip,
  buildGarminSummarizedActivitiesJson,
  buildStravaActivitiesCsv,
  buildStravaExportZip,
} from '../factories/export.factory.ts';
import { buildFitRun } from '../factories/fit.factory.ts';
import { buildGpx } from '../factories/gpx.factory.ts';
import { buildTcx } from '../factories/tcx.factory.ts';
import { buildZip, utf8 } from '../factories/zip-writer.ts';
import { CORPUS_DIR, corpusDataFiles } from '../support/corpus.ts';

export interface Seed {
  name: string;
  /** File name ending the mutated file is written with (the importer sniffs content, ZIPs go by name too). */
  ext: string;
  plain: Uint8Array;
  wrap?: (mutated: Uint8Array) => Uint8Array;
}

const DAY = 86_400_000;
/** Seeds start in 2024; the stored baseline (fuzz-store.ts) lies in 2020, far from any seed. */
export const SEED_START_MS = Date.UTC(2024, 2, 4, 6, 30);

export function handMadeSeeds(): Seed[] {
  const fit = buildFitRun({ startMs: SEED_START_MS, durationS: 1500, seed: 7 });
  const gpx = buildGpx({ startMs: SEED_START_MS + DAY, durationS: 1200, heartRate: true, cadence: true });
  const tcx = buildTcx({ startMs: SEED_START_MS + 2 * DAY, durationS: 1200, heartRate: true, laps: 2 });
  const stravaActivities = [
    {
      id: 501,
      type: 'Run',
      date: SEED_START_MS + 3 * DAY,
      distanceM: 5000,
      movingS: 1500,
      elapsedS: 1550,
      name: 'Easy, "quoted" run',
      gear: 'Trainer',
      file: {
        name: '501.fit',
        bytes: buildFitRun({ startMs: SEED_START_MS + 3 * DAY, durationS: 1500, seed: 8 }),
        gzip: true,
      },
    },
    { id: 502, type: 'Run', date: SEED_START_MS + 4 * DAY, distanceM: 8000, movingS: 2700, elapsedS: 2800 },
  ];
  const stravaCsv = utf8(buildStravaActivitiesCsv(stravaActivities));
  const stravaFit = gzipSync(stravaActivities[0]!.file!.bytes);
  const garminActivities = [
    {
      activityId: 9001,
      startMs: SEED_START_MS + 5 * DAY,
      distanceM: 6000,
      durationS: 1900,
      name: 'Garmin run',
      file: { bytes: buildFitRun({ startMs: SEED_START_MS + 5 * DAY, durationS: 1900, seed: 9 }) },
    },
    { activityId: 9002, startMs: SEED_START_MS + 6 * DAY, distanceM: 4000, durationS: 1400 },
  ];
  const garminJson = utf8(buildGarminSummarizedActivitiesJson(garminActivities));
  return [
    { name: 'fit', ext: '.fit', plain: fit },
    { name: 'gpx', ext: '.gpx', plain: gpx },
    { name: 'tcx', ext: '.tcx', plain: tcx },
    { name: 'fit.gz (inner)', ext: '.fit.gz', plain: fit, wrap: (b) => gzipSync(b) },
    { name: 'gpx.gz (raw)', ext: '.gpx.gz', plain: gzipSync(gpx) },
    {
      name: 'zip (raw)',
      ext: '.zip',
      plain: buildZip([
        { path: 'a.fit', data: fit },
        { path: 'b/c.gpx', data: gpx },
      ]),
    },
    {
      name: 'zip (inner tcx)',
      ext: '.zip',
      plain: tcx,
      wrap: (b) => buildZip([{ path: 'run.tcx', data: b }]),
    },
    {
      name: 'strava activities.csv',
      ext: '.zip',
      plain: stravaCsv,
      wrap: (b) =>
        buildZip([
          { path: 'activities.csv', data: b },
          { path: 'activities/501.fit.gz', data: stravaFit, store: true },
        ]),
    },
    {
      name: 'strava export (raw)',
      ext: '.zip',
      plain: buildStravaExportZip({ activities: stravaActivities }),
    },
    {
      name: 'garmin summarizedActivities.json',
      ext: '.zip',
      plain: garminJson,
      wrap: (b) =>
        buildZip([
          { path: 'DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json', data: b },
          {
            path: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip',
            data: buildZip([{ path: 'me_9001.fit', data: garminActivities[0]!.file!.bytes }]),
          },
        ]),
    },
    {
      name: 'garmin export (raw)',
      ext: '.zip',
      plain: buildGarminExportZip({ activities: garminActivities }),
    },
  ];
}

/** Corpus files up to `maxBytes` (the biggest slow every run down without finding more), when the corpus exists. */
export function corpusSeeds(maxBytes = 600_000): Seed[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const seeds: Seed[] = [];
  for (const rel of corpusDataFiles()) {
    const bytes = readFileSync(join(CORPUS_DIR, rel));
    if (bytes.length > maxBytes) continue;
    const ext = /(\.[a-z]+(\.gz)?)$/i.exec(rel)?.[1] ?? '.bin';
    seeds.push({ name: `corpus ${rel}`, ext, plain: bytes });
  }
  return seeds;
}
