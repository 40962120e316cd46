import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { DecodeResult, ParsedActivity } from '../../domain/activity/activity.ts';
import { ImportError } from '../../domain/errors.ts';
import { parseTcx } from './tcx.parser.ts';

const CORPUS = new URL('../../../test/corpus/', import.meta.url);

function corpusBytes(file: string): Uint8Array {
  const bytes = readFileSync(new URL(file, CORPUS));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function parseOrCode(bytes: Uint8Array): DecodeResult | string {
  try {
    return parseTcx(bytes);
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
}

function only(result: DecodeResult): ParsedActivity {
  assert.equal(result.activities.length, 1);
  return result.activities[0] as ParsedActivity;
}

type Outcome = string | { sport: string; warnings?: string[] };

const OUTCOMES: Record<string, Outcome> = {
  'tcx/course-not-activity.tcx': 'NOT_AN_ACTIVITY',
  'tcx/fitbit-versa-ride-hr.tcx': { sport: 'ride' },
  'tcx/garmin-edge1000-ride-large.tcx': { sport: 'ride' },
  // Trackpoint times lie six years after the Id: stream dropped, lap totals kept.
  'tcx/garmin-edge500-ride-sparse.tcx': { sport: 'ride', warnings: ['NO_TIMESTAMPS'] },
  'tcx/garmin-edge520-ride.tcx': { sport: 'ride' },
  'tcx/garmin-fr305-run-sample.tcx': { sport: 'run' },
  'tcx/garmin-fr410-run-no-hr.tcx': { sport: 'run' },
  'tcx/garmin-fr410-run.tcx': { sport: 'run' },
  'tcx/garmin-fr620-marathon.tcx': { sport: 'run' },
  'tcx/garmin-fr620-marathon.tcx.gz': { sport: 'run' },
  'tcx/garmin-fr620-track-10.tcx': { sport: 'run' },
  'tcx/garmin-fr910xt-ride.tcx': { sport: 'ride' },
  'tcx/garmin-vivoactivehr-openwater-swim.tcx': { sport: 'other' },
  'tcx/garmin-vivoactivehr-poolswim-nogps.tcx': { sport: 'other' },
  'tcx/garmin-vivoactivehr-sup-no-elevation.tcx': { sport: 'other' },
  'tcx/garmin-vivoactivehr-walk-4laps.tcx': { sport: 'other' },
  'tcx/garmin-vivoactivehr-xc-ski.tcx': { sport: 'other' },
  'tcx/mapmyride-ride.tcx': { sport: 'ride' },
  'bad/tcx-fitbit-zero-positions.tcx': {
    sport: 'ride',
    warnings: ['TCX_DUPLICATE_LAP', 'NO_TIMESTAMPS', 'POSITIONS_IMPLAUSIBLE'],
  },
  'bad/tcx-truncated-50pct.tcx': { sport: 'run', warnings: ['XML_TRUNCATED'] },
};

describe('parseTcx on the corpus', () => {
  it('has an expected outcome for every TCX file in the corpus', () => {
    const files = [
      ...readdirSync(new URL('tcx/', CORPUS)).map((f) => `tcx/${f}`),
      ...readdirSync(new URL('bad/', CORPUS))
        .filter((f) => f.startsWith('tcx-'))
        .map((f) => `bad/${f}`),
    ];
    assert.deepEqual(files.sort(), Object.keys(OUTCOMES).sort());
  });

  for (const [file, expected] of Object.entries(OUTCOMES)) {
    it(`${file} → ${typeof expected === 'string' ? expected : expected.sport}`, () => {
      const result = parseOrCode(corpusBytes(file));
      if (typeof expected === 'string') {
        assert.equal(result, expected);
        return;
      }
      assert.ok(typeof result !== 'string', `unexpected ImportError ${String(result)}`);
      const a = only(result);
      assert.equal(a.sport, expected.sport);
      assert.equal(a.format, 'tcx');
      assert.deepEqual(
        result.warnings.map((w) => w.code),
        expected.warnings ?? [],
      );
    });
  }
});

/** EXPECTED.tsv rows for TCX files: totals as the laps state them. */
function expectedRows(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL('EXPECTED.tsv', CORPUS), 'utf8').trim().split('\n');
  const columns = (header ?? '').split('\t');
  return lines
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i] ?? `c${i}`, v])))
    .filter((row) => row.file?.startsWith('tcx/'));
}

describe('parseTcx matches EXPECTED.tsv', () => {
  const rows = expectedRows();
  it('has TCX rows to check', () => assert.ok(rows.length >= 17));
  for (const row of rows) {
    it(`${row.file}: start ±1 s, distance and timer ±1 %, cadence`, () => {
      const a = only(parseTcx(corpusBytes(row.file as string)));
      assert.ok(Math.abs(a.startMs - Date.parse(row.start_time_utc as string)) <= 1000);
      const near = (got: number | null, want: number, what: string) =>
        assert.ok(got !== null && Math.abs(got - want) <= want * 0.01, `${what}: got ${got}, want ${want}`);
      near(a.totals.distanceM, Number(row.total_distance_m), 'distance');
      near(a.totals.timerS, Number(row.total_timer_s), 'timer');
      if (row.avg_cadence) {
        // EXPECTED gives cadence as the file writes it: strides/min except for Biking (crank rpm).
        const factor = row.sport === 'Biking' ? 1 : 2;
        near(a.totals.avgCadenceSpm, Number(row.avg_cadence) * factor, 'cadence');
      }
    });
  }
});

describe('parseTcx values', () => {
  it('reads the FR620 marathon: laps with several <LX>, RunCadence doubled, HR weighted by lap time', () => {
    const a = only(parseTcx(corpusBytes('tcx/garmin-fr620-marathon.tcx')));
    const s = a.streams!;
    assert.equal(a.device, 'Garmin Forerunner 620');
    assert.equal(a.rawSport, 'Running');
    assert.equal(s.timeS.length, 2256);
    assert.equal(s.cadenceSpm?.[0], 178); // <RunCadence>89</RunCadence>
    assert.equal(s.heartRateBpm?.[0], 85);
    assert.equal(s.distanceM?.[1], 1.0700000524520874);
    assert.ok(Math.abs((s.speedMps?.[1] as number) - 0.028) < 1e-3);
    assert.equal(a.totals.maxHeartRate, 170);
    assert.ok(a.totals.avgHeartRate !== null && a.totals.avgHeartRate > 139 && a.totals.avgHeartRate < 145);
    assert.equal(a.totals.calories, 2568);
  });

  it('reads the gzip copy identically', () => {
    assert.deepEqual(
      parseTcx(corpusBytes('tcx/garmin-fr620-marathon.tcx.gz')),
      parseTcx(corpusBytes('tcx/garmin-fr620-marathon.tcx')),
    );
  });

  it('keeps the local offset written in the Id (Fitbit +01:00)', () => {
    assert.equal(only(parseTcx(corpusBytes('tcx/fitbit-versa-ride-hr.tcx'))).utcOffsetS, 3600);
  });

  it('drops impossible positions but keeps the rest of each trackpoint', () => {
    const result = parseTcx(corpusBytes('bad/tcx-fitbit-zero-positions.tcx'));
    const a = only(result);
    assert.equal(a.streams?.latDeg, null);
    assert.equal(a.streams?.heartRateBpm?.[0], 121);
    assert.equal(a.streams?.distanceM?.[0], 2604.4500000000003);
    assert.equal(a.totals.distanceM, 6839.970000000001); // the repeated lap is not counted twice
  });

  it('keeps the trackpoints before the cut of a truncated file and drops lap totals it cannot trust', () => {
    const full = only(parseTcx(corpusBytes('tcx/garmin-fr410-run.tcx'))).streams!;
    const result = parseTcx(corpusBytes('bad/tcx-truncated-50pct.tcx'));
    const a = only(result);
    assert.ok(a.streams!.timeS.length > 100 && a.streams!.timeS.length < full.timeS.length);
    assert.deepEqual([...a.streams!.timeS], [...full.timeS.subarray(0, a.streams!.timeS.length)]);
    assert.equal(a.totals.distanceM, null);
    assert.match(result.warnings[0]?.message ?? '', /cut off/);
  });

  it('keeps lap totals but not a stream whose clock disagrees with the Id', () => {
    const a = only(parseTcx(corpusBytes('tcx/garmin-edge500-ride-sparse.tcx')));
    assert.equal(a.streams, null);
    assert.equal(a.totals.timerS, 3000);
  });

  it('refuses an entity bomb with XML_DTD_REFUSED', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE TrainingCenterDatabase [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]>' +
      '<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>&y;</Id></Activity></Activities></TrainingCenterDatabase>';
    assert.equal(parseOrCode(new TextEncoder().encode(bomb)), 'XML_DTD_REFUSED');
  });

  it('refuses a GPX handed to the TCX parser', () => {
    assert.equal(parseOrCode(corpusBytes('bad/gpx-renamed-as.fit')), 'UNSUPPORTED_FORMAT');
  });
});
