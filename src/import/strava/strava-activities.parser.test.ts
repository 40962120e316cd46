import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  buildStravaActivitiesCsv,
  STRAVA_ACTIVITIES_HEADER,
} from '../../../test/factories/export.factory.ts';
import { ImportError } from '../../domain/errors.ts';
import { parseStravaActivitiesCsv, stravaSport } from './strava-activities.parser.ts';
import { stravaMetadataFor, stravaRowToActivity } from './strava-activity.mapper.ts';

const realCsv = readFileSync(
  new URL('../../../test/corpus/strava-export/activities.csv', import.meta.url),
  'utf8',
);
const MAY_29 = Date.UTC(2022, 4, 29, 15, 53, 35);

describe('parseStravaActivitiesCsv on the real export', () => {
  const { rows, issues } = parseStravaActivitiesCsv(realCsv);

  it('reads its one activity with the raw (second-block) values', () => {
    assert.equal(rows.length, 1);
    assert.deepEqual(issues, []);
    const row = rows[0]!;
    assert.equal(row.activityId, '12070555079');
    assert.equal(row.startMs, MAY_29);
    assert.equal(new Date(row.startMs).toISOString(), '2022-05-29T15:53:35.000Z');
    assert.equal(row.name, 'Laufen Landal Park');
    assert.equal(row.activityType, 'Run');
    assert.equal(row.sport, 'run');
    assert.equal(
      Math.round(row.distanceM! * 100) / 100,
      3322.95,
      'metres from the second Distance, not 3.32 km',
    );
    assert.equal(row.elapsedS, 1428);
    assert.equal(row.movingS, 1411);
    assert.equal(Math.round(row.ascentM! * 10) / 10, 61.9);
    assert.equal(row.descentM, 86);
    assert.equal(Math.round(row.avgCadenceSpm! * 10) / 10, 142.5, '71.259 strides/min doubled');
    assert.equal(row.filename, 'activities/12866632127.fit.gz');
    assert.equal(row.gearName, null);
    assert.equal(row.description, null);
    assert.equal(row.avgHeartRate, null);
    assert.equal(row.calories, 262);
  });

  it('maps to a summary-only activity and to file metadata', () => {
    const activity = stravaRowToActivity(rows[0]!);
    assert.equal(activity.format, 'strava-csv');
    assert.equal(activity.streams, null);
    assert.equal(activity.externalId, '12070555079');
    assert.equal(activity.rawSport, 'Run');
    assert.equal(activity.totals.movingS, 1411);
    assert.equal(activity.utcOffsetS, null);
    assert.deepEqual(stravaMetadataFor(rows[0]!), {
      name: 'Laufen Landal Park',
      description: null,
      gearName: null,
      externalId: '12070555079',
    });
  });
});

describe('parseStravaActivitiesCsv on synthetic exports', () => {
  const base = { type: 'Run', date: MAY_29, distanceM: 10000, movingS: 3000, elapsedS: 3100 };

  it('keeps quoted multi-line descriptions and gear, and maps sports', () => {
    const csv = buildStravaActivitiesCsv([
      {
        ...base,
        id: 1,
        name: 'Easy, slow',
        description: 'Left knee "tight"\nafter 5 km,\r\niced it',
        gear: 'Pegasus 39',
      },
      { ...base, id: 2, type: 'TrailRun' },
      { ...base, id: 3, type: 'VirtualRun' },
      { ...base, id: 4, type: 'GravelRide', avgCadence: 85 },
      { ...base, id: 5, type: 'Yoga' },
    ]);
    const { rows, issues } = parseStravaActivitiesCsv(csv);
    assert.deepEqual(issues, []);
    assert.equal(rows[0]!.description, 'Left knee "tight"\nafter 5 km,\r\niced it');
    assert.equal(rows[0]!.name, 'Easy, slow');
    assert.equal(rows[0]!.gearName, 'Pegasus 39');
    assert.equal(rows[0]!.filename, null, 'manual activity: no file');
    assert.deepEqual(
      rows.map((r) => r.sport),
      ['run', 'trail_run', 'treadmill_run', 'ride', 'other'],
    );
    assert.equal(rows[3]!.avgCadenceSpm, null, 'bike rpm is not a step rate');
  });

  it('turns #error# cells into null values with issues, and #error# files into summary-only rows', () => {
    const csv = buildStravaActivitiesCsv([
      { ...base, id: 7, filenameCell: '#error#', cells: { 20: '#error#', 17: 'ten' } },
    ]);
    const { rows, issues } = parseStravaActivitiesCsv(csv);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.ascentM, null);
    assert.equal(rows[0]!.distanceM, null);
    assert.equal(rows[0]!.filename, null);
    assert.equal(rows[0]!.movingS, 3000);
    assert.deepEqual(
      issues.map((i) => [i.code, i.row]),
      [
        ['CSV_ROW_INVALID', 1],
        ['CSV_ROW_INVALID', 1],
        ['EXPORT_FILE_MISSING', 1],
      ],
    );
    assert.match(issues[0]!.message, /activity 7.*"Distance".*"ten" is not a number/);
    assert.match(issues[1]!.message, /"Elevation Gain".*#error#/);
  });

  it('reads comma decimals and falls back from the gear columns', () => {
    const csv = buildStravaActivitiesCsv([
      { ...base, id: 8, cells: { 17: '3322,95', 20: '1.061,9', 69: 'Old shoes', 29: '88,5' } },
    ]);
    const row = parseStravaActivitiesCsv(csv).rows[0]!;
    assert.equal(row.distanceM, 3322.95);
    assert.equal(row.ascentM, 1061.9);
    assert.equal(row.gearName, 'Old shoes');
    assert.equal(row.avgCadenceSpm, 177);
  });

  it('skips rows without a usable id or date, with the row number', () => {
    const csv = buildStravaActivitiesCsv([
      { ...base, id: 'abc' },
      { ...base, id: 10, date: 'yesterday' },
      { ...base, id: 11, date: '31.04.2022, 10:00:00' },
      { ...base, id: 12, date: '2022-05-29 15:53:35' },
    ]);
    const { rows, issues } = parseStravaActivitiesCsv(csv);
    assert.deepEqual(
      rows.map((r) => [r.activityId, r.startMs]),
      [['12', MAY_29]],
    );
    assert.deepEqual(
      issues.map((i) => i.row),
      [1, 2, 3],
    );
    assert.match(issues[2]!.message, /not a valid calendar date/);
  });

  it('reads a German header (day-first dates, comma decimals)', () => {
    const header = [
      'Aktivitäts-ID',
      'Aktivitätsdatum',
      'Name der Aktivität',
      'Aktivitätsart',
      'Distanz',
      'Bewegungszeit',
      'Distanz',
      'Aktivitätsausrüstung',
      'Dateiname',
    ];
    const csv = `${header.join(',')}\n42,"29.05.2022, 15:53:35",Lauf,Run,"3,32",1411,"3322,95",Schuh,activities/42.gpx\n`;
    const { rows, issues } = parseStravaActivitiesCsv(csv);
    assert.deepEqual(issues, []);
    assert.equal(rows[0]!.startMs, MAY_29);
    assert.equal(rows[0]!.distanceM, 3322.95);
    assert.equal(rows[0]!.movingS, 1411);
    assert.equal(rows[0]!.gearName, 'Schuh');
    assert.equal(rows[0]!.filename, 'activities/42.gpx');
  });

  it('fails loudly on a header it cannot map, printing the header', () => {
    const csv = 'Identyfikator aktywności,Data aktywności,Dystans\n1,x,2\n';
    assert.throws(
      () => parseStravaActivitiesCsv(csv),
      (err: unknown) =>
        err instanceof ImportError &&
        err.code === 'CSV_MALFORMED' &&
        /"Activity ID", "Activity Date", "Activity Type"/.test(err.message) &&
        err.message.includes('Identyfikator aktywności,Data aktywności,Dystans'),
    );
  });

  it('reads French, Spanish, Italian, Portuguese, Dutch and Japanese headers and their dates', () => {
    const headers: Record<string, { names: string[]; date: string }> = {
      fr: {
        names: [
          "ID de l'activité",
          "Date de l'activité",
          "Type d'activité",
          'Distance',
          'Distance',
          'Nom du fichier',
        ],
        date: '29 mai 2022, 15:53:35',
      },
      es: {
        names: [
          'ID de actividad',
          'Fecha de la actividad',
          'Tipo de actividad',
          'Distancia',
          'Distancia',
          'Nombre del archivo',
        ],
        date: '29/05/2022 15:53:35',
      },
      it: {
        names: ['ID attività', 'Data attività', 'Tipo di attività', 'Distanza', 'Distanza', 'Nome file'],
        date: '29 mag 2022, 15:53:35',
      },
      pt: {
        names: [
          'ID da atividade',
          'Data da atividade',
          'Tipo de atividade',
          'Distância',
          'Distância',
          'Nome do arquivo',
        ],
        date: '29/05/2022, 15:53:35',
      },
      nl: {
        names: [
          'Activiteits-ID',
          'Activiteitsdatum',
          'Activiteitstype',
          'Afstand',
          'Afstand',
          'Bestandsnaam',
        ],
        date: '29-05-2022 15:53:35',
      },
      ja: {
        names: ['アクティビティID', 'アクティビティ日', 'アクティビティタイプ', '距離', '距離', 'ファイル名'],
        date: '2022/05/29 15:53:35',
      },
    };
    for (const [language, { names, date }] of Object.entries(headers)) {
      const csv = `${names.join(',')}\n42,"${date}",Run,"3,32",3322.95,activities/42.gpx\n`;
      const { rows, issues } = parseStravaActivitiesCsv(csv);
      assert.deepEqual(issues, [], language);
      assert.equal(rows[0]!.startMs, MAY_29, language);
      assert.equal(rows[0]!.distanceM, 3322.95, language);
      assert.equal(rows[0]!.sport, 'run', language);
      assert.equal(rows[0]!.filename, 'activities/42.gpx', language);
    }
  });

  it('reads an old single-block export as kilometres, with a file-level issue', () => {
    const csv =
      'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n5,"May 29, 2022, 3:53:35 PM",x,Run,1428,"3,32",\n';
    const { rows, issues } = parseStravaActivitiesCsv(csv);
    assert.equal(rows[0]!.distanceM, 3320);
    assert.equal(rows[0]!.elapsedS, 1428);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.row, undefined);
  });

  it('knows the header it builds has 94 columns with the known duplicates', () => {
    assert.equal(STRAVA_ACTIVITIES_HEADER.length, 94);
    assert.equal(realCsv.split(/\r?\n/)[0], STRAVA_ACTIVITIES_HEADER.join(','));
  });

  it('maps every Strava ride type to ride', () => {
    for (const t of ['Ride', 'VirtualRide', 'EBikeRide', 'GravelRide', 'MountainBikeRide'])
      assert.equal(stravaSport(t), 'ride');
    assert.equal(stravaSport('Walk'), 'walk');
    assert.equal(stravaSport('Hike'), 'hike');
    assert.equal(stravaSport('Swim'), 'swim');
  });
});
