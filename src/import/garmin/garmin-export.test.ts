import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildGarminExportZip, buildGarminGearJson } from '../../../test/factories/export.factory.ts';
import { utf8 } from '../../../test/factories/zip-writer.ts';
import { ImportError } from '../../domain/errors.ts';
import { walkNestedZip } from '../archive/nested-zip-walker.ts';
import { DEFAULT_ZIP_LIMITS, walkZip, type ZipIssue } from '../archive/zip-walker.ts';
import { parseGarminSummarizedActivities } from './garmin-activities.parser.ts';
import {
  garminActivityIdFromFileName,
  isGarminExport,
  isGarminGearPath,
  isGarminSummarizedActivitiesPath,
  isGarminUploadedActivityFile,
  isGarminUploadedFilesZip,
} from './garmin-export.layout.ts';
import { parseGarminGear } from './garmin-gear.parser.ts';

describe('parseGarminGear', () => {
  it('reads shoes with limit, status and activity links; drops bikes and their links', () => {
    const json = buildGarminGearJson([
      {
        gearPk: 901,
        displayName: 'Race day',
        gearMakeName: 'Nike',
        gearModelName: 'Vaporfly 3',
        maximumMeters: 600000,
        activityIds: [1, 2],
      },
      {
        gearPk: 902,
        customMakeModel: 'Hoka Speedgoat 5',
        gearStatusName: 'retired',
        dateBegin: '2023-03-04T00:00:00.0',
        activityIds: [3],
      },
      { gearPk: 903, gearTypeName: 'Bike', displayName: 'Commuter', activityIds: [4] },
      { gearPk: 904 },
    ]);
    const { shoes, links, issues } = parseGarminGear(json, 'me_gear.json');
    assert.deepEqual(issues, []);
    assert.deepEqual(shoes, [
      {
        gearPk: '901',
        name: 'Race day',
        brand: 'Nike',
        model: 'Vaporfly 3',
        status: 'active',
        dateBegin: '2024-01-01',
        dateEnd: null,
        maximumMeters: 600000,
      },
      {
        gearPk: '902',
        name: 'Hoka Speedgoat 5',
        brand: null,
        model: null,
        status: 'retired',
        dateBegin: '2023-03-04',
        dateEnd: null,
        maximumMeters: null,
      },
      {
        gearPk: '904',
        name: 'Garmin shoe 904',
        brand: null,
        model: null,
        status: 'active',
        dateBegin: '2024-01-01',
        dateEnd: null,
        maximumMeters: null,
      },
    ]);
    assert.deepEqual(links, [
      { activityId: '1', gearPk: '901' },
      { activityId: '2', gearPk: '901' },
      { activityId: '3', gearPk: '902' },
    ]);
  });

  it('refuses a file without gearDTOS', () => {
    assert.throws(
      () => parseGarminGear('[{"gear": []}]', 'me_gear.json'),
      (err: unknown) =>
        err instanceof ImportError && err.code === 'JSON_MALFORMED' && /gearDTOS/.test(err.message),
    );
  });
});

describe('Garmin export layout', () => {
  it('classifies export paths', () => {
    assert.equal(isGarminExport(['DI_CONNECT/DI-Connect-User/user.json']), true);
    assert.equal(isGarminExport(['export_1/activities.csv', 'export_1/activities/1.fit']), false);
    assert.equal(
      isGarminSummarizedActivitiesPath('DI_CONNECT/DI-Connect-Fitness/me_1001_summarizedActivities.json'),
      true,
    );
    assert.equal(
      isGarminSummarizedActivitiesPath('DI_CONNECT/DI-Connect-Wellness/me_summarizedActivities.json'),
      false,
    );
    assert.equal(isGarminGearPath('DI_CONNECT/DI-Connect-Fitness/me@x.com_gear.json'), true);
    assert.equal(
      isGarminUploadedFilesZip('DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip'),
      true,
    );
    assert.equal(
      isGarminUploadedFilesZip('DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/UploadedFiles_0-_Part2.zip'),
      true,
    );
    assert.equal(isGarminUploadedFilesZip('DI_CONNECT/DI-Connect-Fitness/UploadedFiles_0-_Part1.zip'), true);
    assert.equal(isGarminUploadedFilesZip('DI_CONNECT/DI-Connect-Wellness/Other.zip'), false);
    assert.equal(
      isGarminUploadedActivityFile(
        'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!me_1.fit',
      ),
      true,
    );
    assert.equal(
      isGarminUploadedActivityFile('DI_CONNECT/DI-Connect-Fitness/UploadedFiles_0-_Part1/me_1.fit'),
      true,
    );
    assert.equal(isGarminUploadedActivityFile('DI_CONNECT/DI-Connect-Fitness/me_gear.json'), false);
    assert.equal(isGarminUploadedActivityFile('x/activities/1.fit'), false);
  });

  it('finds the activity id in uploaded file names', () => {
    assert.equal(garminActivityIdFromFileName('123456789.fit'), '123456789');
    assert.equal(garminActivityIdFromFileName('123456789_ACTIVITY.fit'), '123456789');
    assert.equal(garminActivityIdFromFileName('runner2024@mail.com_15234567890.fit'), '15234567890');
    assert.equal(garminActivityIdFromFileName('runner_15234567890_tap-sync-18143-ab12.fit'), '15234567890');
    assert.equal(garminActivityIdFromFileName('a/Part1.zip!runner_98765.FIT'), '98765');
    assert.equal(garminActivityIdFromFileName('runner@mail.com_settings.fit'), null);
  });
});

describe('a synthetic Garmin export end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-garmin-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks summaries, gear and the nested uploaded-files ZIP, joining files to activities by id', async () => {
    const zip = join(dir, 'garmin.zip');
    writeFileSync(
      zip,
      buildGarminExportZip({
        user: 'me@x.com',
        activities: [
          {
            activityId: 15000000111,
            startMs: Date.UTC(2024, 0, 1, 8),
            distanceM: 5000,
            durationS: 1500,
            file: { bytes: utf8('FIT-A') },
          },
          { activityId: 15000000222, startMs: Date.UTC(2024, 0, 2, 8), distanceM: 7000, durationS: 2100 },
        ],
        gear: [{ gearPk: 5, displayName: 'Daily', activityIds: [15000000111, 15000000222] }],
      }),
    );
    const issues: ZipIssue[] = [];
    const report = (i: ZipIssue) => issues.push(i);
    const files = new Map<string, string>();
    let summaries: string[] = [];
    let gearLinks = 0;
    const paths: string[] = [];
    for await (const entry of walkZip(zip, DEFAULT_ZIP_LIMITS, report)) {
      paths.push(entry.path);
      if (isGarminSummarizedActivitiesPath(entry.path)) {
        summaries = parseGarminSummarizedActivities((await entry.read()).toString('utf8')).rows.map(
          (r) => r.activityId,
        );
      } else if (isGarminGearPath(entry.path)) {
        gearLinks = parseGarminGear((await entry.read()).toString('utf8')).links.length;
      } else if (isGarminUploadedFilesZip(entry.path)) {
        for await (const file of walkNestedZip(entry, DEFAULT_ZIP_LIMITS, report)) {
          assert.ok(isGarminUploadedActivityFile(file.path));
          files.set(garminActivityIdFromFileName(file.path)!, (await file.read()).toString('utf8'));
        }
      }
    }
    assert.equal(isGarminExport(paths), true);
    assert.deepEqual(issues, []);
    assert.deepEqual(summaries, ['15000000111', '15000000222']);
    assert.equal(gearLinks, 2);
    assert.deepEqual([...files.entries()], [['15000000111', 'FIT-A']]);
  });
});
