import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { constants, gunzipSync } from 'node:zlib';
import { ImportError } from '../../domain/errors.ts';
import { decodeFit } from './fit.decoder.ts';
import { CORPUS, corpusBytes, expectedFitRows } from './fit-corpus.test-support.ts';

type Outcome =
  | { error: string }
  | { activities: number; records: number; warnings: string[] }
  | { gzipBroken: true };

/** What every FIT file of the corpus must give. Record counts match fitdecode (MANIFEST [auto: records=…]). */
const OUTCOMES: Record<string, Outcome> = {
  'fit/bikerouter-course-not-activity.fit': { error: 'NOT_AN_ACTIVITY' },
  'fit/bryton-synthetic-100k-records.fit': { activities: 1, records: 99998, warnings: [] },
  'fit/coros-pace2-ride-misaligned-fields.fit': { activities: 1, records: 11272, warnings: [] },
  'fit/garmin-descentmk2-dive.fit': { activities: 1, records: 2907, warnings: [] },
  'fit/garmin-edge-mtb-downhill.fit': { activities: 1, records: 14456, warnings: [] },
  'fit/garmin-edge-mtb-jumps.fit': { activities: 1, records: 7251, warnings: [] },
  'fit/garmin-edge-mtb-mtb-user-metrics.fit': { activities: 1, records: 12368, warnings: [] },
  'fit/garmin-edge-mtb-road-power.fit': { activities: 1, records: 4746, warnings: [] },
  'fit/garmin-edge-mtb-road-zones.fit': { activities: 1, records: 7068, warnings: [] },
  'fit/garmin-edge200-ride-2015.fit': { activities: 1, records: 221, warnings: [] },
  'fit/garmin-edge500-ride-long.fit': { activities: 1, records: 10686, warnings: [] },
  'fit/garmin-edge500-ride.fit': { activities: 1, records: 3098, warnings: [] },
  'fit/garmin-edge510-ride.fit': { activities: 1, records: 3229, warnings: [] },
  'fit/garmin-edge510-settings-not-activity.fit': { error: 'NOT_AN_ACTIVITY' },
  'fit/garmin-edge530-indoor-ride-hrv.fit': { activities: 1, records: 1072, warnings: [] },
  'fit/garmin-edge530-road-ride.fit': { activities: 1, records: 8823, warnings: [] },
  'fit/garmin-edge800-indoor-trainer.fit': { activities: 1, records: 2263, warnings: [] },
  'fit/garmin-edge810-vector-power-ride.fit': { activities: 1, records: 4700, warnings: [] },
  'fit/garmin-edge820-commute-short.fit': { activities: 1, records: 15, warnings: [] },
  'fit/garmin-fenix2-multisport-7sessions.fit': { activities: 7, records: 24239, warnings: [] },
  'fit/garmin-fenix2-run.fit': { activities: 1, records: 2809, warnings: [] },
  'fit/garmin-fenix2-run.fit.gz': { activities: 1, records: 2809, warnings: [] },
  'fit/garmin-fenix5-ride-short.fit': { activities: 1, records: 19, warnings: [] },
  'fit/garmin-fenix5-run-short.fit': { activities: 1, records: 21, warnings: [] },
  'fit/garmin-fenix5-walk-short.fit': { activities: 1, records: 17, warnings: [] },
  'fit/garmin-fenix5x-run-devfields.fit': { activities: 1, records: 1681, warnings: [] },
  'fit/garmin-fr110-run-2013.fit': { activities: 1, records: 590, warnings: [] },
  'fit/garmin-fr70-run-compressed-speed-distance.fit': {
    activities: 1,
    records: 755,
    warnings: ['FIT_DEVICE_RELATIVE_TIME'],
  },
  'fit/garmin-fr70-run-compressed-ts-antfs.fit': {
    activities: 1,
    records: 686,
    warnings: ['FIT_DEVICE_RELATIVE_TIME'],
  },
  'fit/garmin-fr735xt-poolswim-chained.fit': { activities: 1, records: 4376, warnings: [] },
  'fit/garmin-fr920xt-run-devfields.fit': { activities: 1, records: 6874, warnings: [] },
  'fit/garmin-fr920xt-triathlon-chained.fit': { activities: 5, records: 1773, warnings: [] },
  'fit/garmin-fr935-swim-chained-devfields.fit': { activities: 1, records: 7515, warnings: [] },
  'fit/garmin-fr965-run-stamina.fit': { activities: 1, records: 4488, warnings: [] },
  'fit/garmin-venu3-yoga-nogps.fit': { activities: 1, records: 779, warnings: [] },
  'fit/garmin-venusq-ride.fit': { activities: 1, records: 999, warnings: [] },
  'fit/garmin-venusq-run.fit': { activities: 1, records: 326, warnings: [] },
  'fit/garmin-venusq-walk.fit': { activities: 1, records: 1085, warnings: [] },
  'fit/garmin-vivoactivehr-indoor-rowing-devfields.fit': { activities: 1, records: 1641, warnings: [] },
  'fit/garmin-vivoactivehr-run.fit': { activities: 1, records: 366, warnings: [] },
  'fit/garmin-vivoactivehr-strength-user-metrics.fit': { activities: 1, records: 1417, warnings: [] },
  'fit/onelap-indoor-ride-devfields.fit': { activities: 1, records: 739, warnings: [] },
  'fit/strava-android-run-truncated.fit': { activities: 1, records: 473, warnings: ['FIT_CORRUPT'] },
  'fit/stryd-run-devfields.fit': { activities: 1, records: 3424, warnings: [] },
  'fit/suunto-race2-strength-nogps.fit': { activities: 1, records: 4803, warnings: [] },
  'fit/suunto-vertical2-ride-devfields.fit': { activities: 1, records: 9305, warnings: [] },
  'fit/suunto-vertical2-snorkeling.fit': { activities: 1, records: 2112, warnings: [] },
  'fit/suunto-xc-ski-redefinitions.fit': { activities: 1, records: 3913, warnings: [] },
  'fit/wahoo-elemnt-bolt-ride-devdata-noappid.fit': { activities: 1, records: 132, warnings: [] },
  'fit/wahoo-elemnt-ride-devfields.fit': { activities: 1, records: 13471, warnings: [] },
  'fit/wahoo-indoor-ride-unterminated-strings.fit': { activities: 1, records: 33, warnings: [] },
  'fit/zwift-virtual-ride.fit': { activities: 1, records: 1808, warnings: [] },
  'bad/empty.fit': { error: 'EMPTY_FILE' },
  'bad/fit-chained-2nd-filecrc.fit': { activities: 1, records: 21, warnings: ['FIT_CRC_MISMATCH'] },
  'bad/fit-chained-2nd-nodata.fit': { activities: 1, records: 21, warnings: ['FIT_CHAINED_PART_UNREADABLE'] },
  'bad/fit-chained-activity-settings-valid.fit': { activities: 1, records: 21, warnings: [] },
  'bad/fit-chained-corrupt-2nd-header.fit': {
    activities: 1,
    records: 21,
    warnings: ['FIT_CHAINED_PART_UNREADABLE'],
  },
  'bad/fit-crc-flipped.fit': { activities: 1, records: 21, warnings: ['FIT_CRC_MISMATCH'] },
  'bad/fit-filecrc.fit': { activities: 1, records: 21, warnings: ['FIT_CRC_MISMATCH'] },
  'bad/fit-fileid-only.fit': { error: 'NOT_AN_ACTIVITY' },
  'bad/fit-gz-bad-crc.fit.gz': { gzipBroken: true },
  'bad/fit-gz-truncated.fit.gz': { gzipBroken: true },
  'bad/fit-header-only.fit': { error: 'FIT_TRUNCATED' },
  'bad/fit-truncated-60pct.fit': { activities: 1, records: 19, warnings: ['FIT_TRUNCATED'] },
  'bad/fit-unexpected-eof.fit': { activities: 1, records: 21, warnings: ['FIT_TRUNCATED'] },
  'bad/gpx-renamed-as.fit': { error: 'FIT_INVALID_HEADER' },
  'bad/sigma-unterminated.fit': { activities: 1, records: 14391, warnings: ['FIT_TRUNCATED'] },
};

function recordCount(bytes: Uint8Array): number {
  return decodeFit(bytes).activities.reduce((n, a) => n + (a.streams?.timeS.length ?? 0), 0);
}

describe('decodeFit on the corpus', () => {
  it('covers every FIT file of corpus/fit and corpus/bad', () => {
    const onDisk = [
      ...readdirSync(new URL('fit/', CORPUS)).map((f) => `fit/${f}`),
      ...readdirSync(new URL('bad/', CORPUS))
        .filter((f) => f.includes('.fit'))
        .map((f) => `bad/${f}`),
    ].sort();
    assert.deepEqual(onDisk, Object.keys(OUTCOMES).sort());
  });

  for (const [file, outcome] of Object.entries(OUTCOMES)) {
    it(`${file}: ${'error' in outcome ? outcome.error : 'gzipBroken' in outcome ? 'broken gzip' : `${outcome.activities} activities`}`, () => {
      if ('gzipBroken' in outcome) {
        // The gzip layer is the pipeline's job (GZIP_CORRUPT); here: zlib refuses it, so no FIT reaches us.
        assert.throws(() => gunzipSync(readFileSync(new URL(file, CORPUS))));
        return;
      }
      const bytes = corpusBytes(file);
      if ('error' in outcome) {
        assert.throws(
          () => decodeFit(bytes),
          (e: unknown) => e instanceof ImportError && e.code === outcome.error && e.message.length > 10,
        );
        return;
      }
      const result = decodeFit(bytes);
      assert.equal(result.activities.length, outcome.activities);
      assert.equal(recordCount(bytes), outcome.records);
      assert.deepEqual([...new Set(result.warnings.map((w) => w.code))].sort(), [...outcome.warnings].sort());
      for (const a of result.activities) {
        assert.equal(a.format, 'fit');
        const s = a.streams;
        if (s === null) continue;
        for (const stream of [
          s.latDeg,
          s.lonDeg,
          s.distanceM,
          s.altitudeM,
          s.speedMps,
          s.heartRateBpm,
          s.cadenceSpm,
        ]) {
          if (stream !== null) assert.equal(stream.length, s.timeS.length);
        }
      }
    });
  }

  it('a gzip cut in half still gives the records before the cut, with FIT_TRUNCATED', () => {
    const partial = gunzipSync(readFileSync(new URL('bad/fit-gz-truncated.fit.gz', CORPUS)), {
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const result = decodeFit(new Uint8Array(partial));
    assert.equal(result.activities.length, 1);
    assert.ok((result.activities[0]?.streams?.timeS.length ?? 0) > 100);
    assert.ok(result.warnings.some((w) => w.code === 'FIT_TRUNCATED'));
  });
});

describe('decodeFit one file after another', () => {
  it('gives each file what it gives alone, though the record columns are kept from file to file', () => {
    // A long ride, a short run, a multisport file and the 100k-record file (whose columns are the largest),
    // then the first again: nothing of one file may show in the next, nor change what was returned before.
    const files = [
      'fit/garmin-edge500-ride-long.fit',
      'fit/garmin-fenix5-run-short.fit',
      'fit/garmin-fenix2-multisport-7sessions.fit',
      'fit/bryton-synthetic-100k-records.fit',
      'fit/garmin-edge500-ride-long.fit',
    ];
    const fresh = (file: string) => structuredClone(decodeFit(corpusBytes(file)));
    const alone = files.map(fresh);
    const inTurn = files.map((file) => decodeFit(corpusBytes(file)));
    assert.deepEqual(inTurn, alone);
    assert.deepEqual(inTurn[0], inTurn[4]);
    assert.ok((inTurn[3]?.activities[0]?.streams?.timeS.length ?? 0) > 99_000);
  });
});

describe('decodeFit against EXPECTED.tsv', () => {
  for (const row of expectedFitRows()) {
    it(`${row.file} states ${row.sport}`, () => {
      const { activities } = decodeFit(corpusBytes(row.file));
      if (row.startUtc !== '') {
        const first = Math.min(...activities.map((a) => a.startMs));
        assert.ok(
          Math.abs(first - Date.parse(row.startUtc)) <= 1000,
          `start ${new Date(first).toISOString()}`,
        );
      }
      const sum = (pick: (a: (typeof activities)[number]) => number | null) =>
        activities.reduce((n, a) => n + (pick(a) ?? 0), 0);
      if (row.distanceM !== null) {
        const d = sum((a) => a.totals.distanceM);
        assert.ok(
          Math.abs(d - row.distanceM) <= row.distanceM * 0.01 + 0.01,
          `distance ${d} vs ${row.distanceM}`,
        );
      }
      if (row.timerS !== null) {
        const t = sum((a) => a.totals.timerS);
        assert.ok(Math.abs(t - row.timerS) <= row.timerS * 0.01 + 0.01, `timer ${t} vs ${row.timerS}`);
      }
      const rawSports = activities.map((a) => a.rawSport).join(',');
      assert.equal(rawSports, row.sport.replaceAll('/undefined', ''));
    });
  }
});
