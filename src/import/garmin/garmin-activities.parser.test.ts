import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGarminSummarizedActivitiesJson } from '../../../test/factories/export.factory.ts';
import { ImportError } from '../../domain/errors.ts';
import { garminSport, parseGarminSummarizedActivities } from './garmin-activities.parser.ts';
import { garminMetadataFor, garminRowToActivity } from './garmin-activity.mapper.ts';

const START = Date.UTC(2024, 6, 3, 5, 30);

describe('parseGarminSummarizedActivities', () => {
  it('converts Garmin units: cm, ms, epoch ms, local offset', () => {
    // Written by hand in Garmin's units so the test does not share the factory's conversions.
    const json = JSON.stringify([
      {
        summarizedActivitiesExport: [
          {
            activityId: 15234567890,
            name: 'Morning Run',
            activityType: 'trail_running',
            sportType: 'RUNNING',
            beginTimestamp: START,
            startTimeGmt: START,
            startTimeLocal: START + 2 * 3600 * 1000,
            duration: 1800000,
            elapsedDuration: 1925500,
            movingDuration: 1790000,
            distance: 500000,
            elevationGain: 12345,
            elevationLoss: 12000,
            avgHr: 151,
            maxHr: 178,
            avgRunCadence: 82.5,
            avgDoubleCadence: 165.3,
            calories: 410,
            manufacturer: 'GARMIN',
            deviceId: 3415000000,
            description: 'knee ok',
          },
        ],
      },
    ]);
    const { rows, issues } = parseGarminSummarizedActivities(json, 'me_0_summarizedActivities.json');
    assert.deepEqual(issues, []);
    assert.deepEqual(rows[0], {
      activityId: '15234567890',
      startMs: START,
      utcOffsetS: 7200,
      name: 'Morning Run',
      description: 'knee ok',
      activityType: 'trail_running',
      sportType: 'RUNNING',
      sport: 'trail_run',
      timerS: 1800,
      elapsedS: 1925.5,
      movingS: 1790,
      distanceM: 5000,
      ascentM: 123.45,
      descentM: 120,
      avgHeartRate: 151,
      maxHeartRate: 178,
      avgCadenceSpm: 165.3,
      calories: 410,
      device: 'GARMIN',
      deviceId: '3415000000',
    });
  });

  it('doubles avgRunCadence when avgDoubleCadence is absent, and reads negative offsets', () => {
    const json = buildGarminSummarizedActivitiesJson([
      {
        activityId: 1,
        startMs: START,
        utcOffsetS: -4 * 3600,
        distanceM: 1000,
        durationS: 300,
        raw: { avgRunCadence: 86 },
      },
    ]);
    const row = parseGarminSummarizedActivities(json).rows[0]!;
    assert.equal(row.avgCadenceSpm, 172);
    assert.equal(row.utcOffsetS, -14400);
  });

  it('reports and skips activities without id or start, and bad numbers become null', () => {
    const json = JSON.stringify([
      {
        summarizedActivitiesExport: [
          { name: 'no id', beginTimestamp: START },
          { activityId: 2, name: 'no start' },
          { activityId: 3, beginTimestamp: START, distance: 'far', startTimeLocal: START + 20 * 3600 * 1000 },
          'junk',
        ],
      },
    ]);
    const { rows, issues } = parseGarminSummarizedActivities(json, 'x.json');
    assert.deepEqual(
      rows.map((r) => [r.activityId, r.distanceM, r.utcOffsetS]),
      [['3', null, null]],
    );
    assert.equal(issues.length, 5);
    assert.match(issues[0]!.message, /x\.json, activity #1: "activityId"/);
    assert.match(issues[1]!.message, /activity 2: no start instant/);
    assert.match(issues[2]!.message, /20 h from/);
    assert.match(issues[3]!.message, /"distance" should be a number/);
    assert.match(issues[4]!.message, /activity #4 is not an object/);
  });

  it('refuses JSON of the wrong shape or syntax with JSON_MALFORMED', () => {
    for (const text of [
      '{"summarizedActivities": []}',
      '[{"activityId": 1}]',
      '[{"summarizedActivitiesExport": [',
    ]) {
      assert.throws(
        () => parseGarminSummarizedActivities(text, 'f.json'),
        (err: unknown) =>
          err instanceof ImportError && err.code === 'JSON_MALFORMED' && err.message.startsWith('f.json: '),
      );
    }
  });

  it('maps activity and sport types', () => {
    assert.equal(garminSport('running', 'RUNNING'), 'run');
    assert.equal(garminSport('treadmill_running', null), 'treadmill_run');
    assert.equal(garminSport('track_running', null), 'track_run');
    assert.equal(garminSport('road_biking', 'CYCLING'), 'ride');
    assert.equal(garminSport('lap_swimming', null), 'swim');
    assert.equal(garminSport('something_new', 'RUNNING'), 'run');
    assert.equal(garminSport('strength_training', 'TRAINING'), 'other');
  });

  it('maps a row to a summary-only activity and to file metadata', () => {
    const json = buildGarminSummarizedActivitiesJson([
      {
        activityId: 77,
        startMs: START,
        utcOffsetS: 3600,
        name: 'Tempo',
        distanceM: 8000,
        durationS: 2400,
        avgCadenceSpm: 170,
      },
    ]);
    const row = parseGarminSummarizedActivities(json).rows[0]!;
    const activity = garminRowToActivity(row);
    assert.equal(activity.format, 'garmin-json');
    assert.equal(activity.streams, null);
    assert.equal(activity.utcOffsetS, 3600);
    assert.equal(activity.totals.distanceM, 8000);
    assert.equal(activity.totals.timerS, 2400);
    assert.equal(activity.totals.avgCadenceSpm, 170);
    assert.equal(activity.rawSport, 'running');
    assert.deepEqual(garminMetadataFor(row), { name: 'Tempo', description: null, externalId: '77' });
  });
});
