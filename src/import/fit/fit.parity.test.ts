/**
 * Parity with the official @garmin/fitsdk: for every corpus file the SDK decodes, the same records with the
 * same values for every field we keep. Where the SDK fails (compressed timestamps) we must read more
 * records than it does.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ParsedActivity } from '../../domain/activity/activity.ts';
import { decodeFit } from './fit.decoder.ts';
import { FIT_EPOCH_MS } from './fit.profile.ts';
import { CORPUS, corpusBytes } from './fit-corpus.test-support.ts';
import { decodeWithOfficialSdk, readWithOfficialSdk } from './fit-sdk-reference.ts';

const SDK_LOSES_RECORDS = new Set([
  'garmin-fr70-run-compressed-speed-distance.fit',
  'garmin-fr70-run-compressed-ts-antfs.fit',
]);
const NOT_ACTIVITIES = new Set([
  'bikerouter-course-not-activity.fit',
  'garmin-edge510-settings-not-activity.fit',
]);
const STRIDE_SPORTS = new Set(['run', 'trail_run', 'treadmill_run', 'track_run', 'walk', 'hike']);
const SEMICIRCLE = 180 / 2 ** 31;

type SdkRecord = Record<string, number | undefined>;

/** The SDK's value as our stream stores it: null → NaN, optionally rounded to float32. */
function expected(value: number | undefined | null, f32: boolean): number {
  if (value === undefined || value === null) return Number.NaN;
  return f32 ? Math.fround(value) : value;
}

function compareRecords(file: string, activities: ParsedActivity[], records: SdkRecord[]): void {
  let i = 0;
  for (const a of activities) {
    const s = a.streams;
    if (s === null) continue;
    const startFit = (a.startMs - FIT_EPOCH_MS) / 1000;
    const cadenceFactor = STRIDE_SPORTS.has(a.sport) ? 2 : 1;
    for (let k = 0; k < s.timeS.length; k++, i++) {
      const r = records[i] as SdkRecord;
      const at = `${file} record ${i}`;
      const same = (name: string, ours: number, theirs: number) =>
        assert.ok(Object.is(ours, theirs), `${at} ${name}: ours ${ours}, SDK ${theirs}`);
      same('timestamp', startFit + (s.timeS[k] as number), r.timestamp as number);
      const lat = r.positionLat === undefined ? undefined : r.positionLat * SEMICIRCLE;
      const lon = r.positionLong === undefined ? undefined : r.positionLong * SEMICIRCLE;
      same('lat', s.latDeg?.[k] ?? Number.NaN, expected(lat, false));
      same('lon', s.lonDeg?.[k] ?? Number.NaN, expected(lon, false));
      same('distance', s.distanceM?.[k] ?? Number.NaN, expected(r.distance, false));
      same('altitude', s.altitudeM?.[k] ?? Number.NaN, expected(r.enhancedAltitude ?? r.altitude, true));
      same('speed', s.speedMps?.[k] ?? Number.NaN, expected(r.enhancedSpeed ?? r.speed, true));
      same('heart rate', s.heartRateBpm?.[k] ?? Number.NaN, expected(r.heartRate, true));
      const cadence =
        r.cadence === undefined ? undefined : (r.cadence + (r.fractionalCadence ?? 0)) * cadenceFactor;
      same('cadence', s.cadenceSpm?.[k] ?? Number.NaN, expected(cadence, true));
      same('power', s.powerW?.[k] ?? Number.NaN, expected(r.power, true));
    }
  }
  assert.equal(i, records.length, `${file}: record count`);
}

describe('parity with @garmin/fitsdk', () => {
  const files = readdirSync(new URL('fit/', CORPUS)).filter(
    (f) => f.endsWith('.fit') && !NOT_ACTIVITIES.has(f),
  );

  for (const file of files) {
    it(file, () => {
      const bytes = corpusBytes(`fit/${file}`);
      const ours = decodeFit(bytes);
      const sdk = readWithOfficialSdk(bytes, { forComparison: true });
      const records = (sdk.messages.recordMesgs ?? []) as SdkRecord[];
      if (SDK_LOSES_RECORDS.has(file)) {
        const count = ours.activities.reduce((n, a) => n + (a.streams?.timeS.length ?? 0), 0);
        assert.ok(count > records.length + 500, `${file}: ours ${count}, SDK ${records.length}`);
        return;
      }
      compareRecords(file, ours.activities, records);
      const sessions = (sdk.messages.sessionMesgs ?? []) as SdkRecord[];
      assert.equal(ours.activities.length, Math.max(1, sessions.length));
    });
  }

  it('decodeWithOfficialSdk counts records and sessions', () => {
    const counts = decodeWithOfficialSdk(corpusBytes('fit/garmin-fenix2-multisport-7sessions.fit'));
    assert.deepEqual(counts, { records: 24239, sessions: 7 });
  });
});
