import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildStravaExportZip, buildStravaShoesCsv } from '../../../test/factories/export.factory.ts';
import { ImportError } from '../../domain/errors.ts';
import { gunzipBytes } from '../archive/gunzip.ts';
import { listZipPaths, readZipEntry } from '../archive/zip-walker.ts';
import { sniffFormat } from '../sniff.ts';
import { parseStravaActivitiesCsv } from './strava-activities.parser.ts';
import { isStravaExport, stravaCsvPath, stravaExportRoot, stravaFilePath } from './strava-export.layout.ts';
import { parseStravaShoesCsv } from './strava-shoes.parser.ts';

const realShoes = readFileSync(
  new URL('../../../test/corpus/strava-export/shoes.csv', import.meta.url),
  'utf8',
);
const realFit = readFileSync(
  new URL('../../../test/corpus/strava-export/activities/12866632127.fit.gz', import.meta.url),
);

describe('parseStravaShoesCsv', () => {
  it('reads the real header-only file as no shoes', () => {
    assert.deepEqual(parseStravaShoesCsv(realShoes), []);
  });

  it('names shoes like the Activity Gear column does', () => {
    const csv = buildStravaShoesCsv([
      { name: 'Blue ones', brand: 'Nike', model: 'Pegasus 39', defaultSportTypes: ['Run', 'TrailRun'] },
      { name: '', brand: 'Hoka', model: 'Clifton 9' },
      { name: '', defaultSportTypes: ['Run'] },
      { name: '' },
    ]);
    assert.deepEqual(parseStravaShoesCsv(csv), [
      {
        name: 'Blue ones',
        nickname: 'Blue ones',
        brand: 'Nike',
        model: 'Pegasus 39',
        defaultSportTypes: ['Run', 'TrailRun'],
      },
      { name: 'Hoka Clifton 9', nickname: null, brand: 'Hoka', model: 'Clifton 9', defaultSportTypes: [] },
      { name: 'Unnamed shoe 1', nickname: null, brand: null, model: null, defaultSportTypes: ['Run'] },
    ]);
  });

  it('refuses a file that is not shoes.csv', () => {
    assert.throws(
      () => parseStravaShoesCsv('Bike Name,Bike Brand\nx,y\n', 'bikes.csv'),
      (err: unknown) =>
        err instanceof ImportError && err.code === 'CSV_MALFORMED' && /bikes\.csv/.test(err.message),
    );
  });
});

describe('Strava export layout', () => {
  it('finds the root at the top or one folder down, and needs activities/', () => {
    assert.equal(stravaExportRoot(['activities.csv', 'activities/1.fit.gz']), '');
    assert.equal(stravaExportRoot(['export_9/activities.csv', 'export_9/activities/1.gpx']), 'export_9/');
    assert.equal(stravaExportRoot(['export_9/activities.csv', 'other/activities/1.gpx']), null);
    assert.equal(stravaExportRoot(['a/b/activities.csv', 'a/b/activities/1.gpx']), null);
    assert.equal(isStravaExport(['activities.csv']), false);
    assert.equal(isStravaExport(['DI_CONNECT/DI-Connect-Fitness/x_gear.json']), false);
  });

  const dir = mkdtempSync(join(tmpdir(), 'kneewise-strava-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a synthetic export ZIP end to end: detect, CSV first, then the file it names', async () => {
    const zip = join(dir, 'strava.zip');
    const fit = gunzipBytes(realFit, 1_000_000);
    writeFileSync(
      zip,
      buildStravaExportZip({
        activities: [
          {
            id: 99,
            type: 'Run',
            date: Date.UTC(2024, 0, 2, 7),
            distanceM: 5000,
            movingS: 1500,
            elapsedS: 1600,
            file: { name: '123.fit', bytes: fit, gzip: true },
          },
          {
            id: 100,
            type: 'Walk',
            date: Date.UTC(2024, 0, 3, 7),
            distanceM: 2000,
            movingS: 1500,
            elapsedS: 1600,
          },
        ],
      }),
    );
    const paths = await listZipPaths(zip);
    const root = stravaExportRoot(paths);
    assert.equal(root, 'export_12345/');
    const csv = await readZipEntry(zip, stravaCsvPath(root!, 'activities.csv'));
    const { rows } = parseStravaActivitiesCsv(csv!.toString('utf8'));
    assert.deepEqual(
      rows.map((r) => [r.activityId, r.filename]),
      [
        ['99', 'activities/123.fit.gz'],
        ['100', null],
      ],
    );
    const gz = await readZipEntry(zip, stravaFilePath(root!, rows[0]!.filename!));
    assert.equal(sniffFormat(gz!), 'gzip');
    assert.deepEqual(gunzipBytes(gz!, 1_000_000), fit);
  });
});
