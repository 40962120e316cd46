import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { DecodeResult, ParsedActivity } from '../../domain/activity/activity.ts';
import { ImportError } from '../../domain/errors.ts';
import { parseGpx } from './gpx.parser.ts';

const CORPUS = new URL('../../../test/corpus/', import.meta.url);

function corpusBytes(file: string): Uint8Array {
  const bytes = readFileSync(new URL(file, CORPUS));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function parseOrCode(bytes: Uint8Array): DecodeResult | string {
  try {
    return parseGpx(bytes);
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
}

function only(result: DecodeResult): ParsedActivity {
  assert.equal(result.activities.length, 1);
  return result.activities[0] as ParsedActivity;
}

/** Outcome per corpus file: an error code, or the sports of the activities and the warning codes. */
type Outcome = string | { sports: string[]; warnings?: string[] };

const OUTCOMES: Record<string, Outcome> = {
  'gpx/apple-health-route.gpx': { sports: ['other'] },
  'gpx/apple-watch-run.gpx': { sports: ['run'] },
  'gpx/bikerouter-route-no-times.gpx': 'NO_TIMESTAMPS',
  'gpx/bom-no-namespace.gpx': { sports: ['other'] },
  'gpx/etrex20x-car.gpx': { sports: ['other'] },
  'gpx/expertgps-blue-hills.gpx': { sports: ['other', 'other', 'other'] },
  'gpx/garmin-connect-ride.gpx': { sports: ['ride'] },
  'gpx/garmin-connect-run-hr-cad.gpx': { sports: ['run'] },
  'gpx/garmin-connect-run-hr-cad.gpx.gz': { sports: ['run'] },
  'gpx/garmin-connect-run.gpx': { sports: ['other'] },
  'gpx/garmin-gpsmap64s-track.gpx': { sports: ['other'] },
  'gpx/garmin-oregon600-partial-hr.gpx': { sports: ['other'] },
  // Seven timed ACTIVE LOGs; the first <trk> is empty.
  'gpx/gpsbabel-cerknicko-elevation-zero.gpx': { sports: Array(7).fill('other') },
  'gpx/gpsbabel-cerknicko-no-creator.gpx': { sports: Array(7).fill('other') },
  'gpx/gpsbabel-cerknicko-no-elevation.gpx': { sports: Array(7).fill('other'), warnings: ['NO_TIMESTAMPS'] },
  'gpx/gpsbabel-cerknicko-no-times.gpx': 'NO_TIMESTAMPS',
  'gpx/gpsbabel-cerknicko.gpx': { sports: Array(7).fill('other') },
  'gpx/gpsbabel-korita-multi-segment.gpx': { sports: ['other', 'other'] },
  'gpx/gpx10-all-fields.gpx': 'NOT_AN_ACTIVITY',
  'gpx/gpx11-all-fields.gpx': 'NOT_AN_ACTIVITY',
  'gpx/gpxstudio-ride.gpx': 'NO_TIMESTAMPS',
  'gpx/mapsource-multitrack.gpx': { sports: ['other', 'other', 'other'] },
  'gpx/nikeplus-run-subsecond.gpx': { sports: ['run'] },
  'gpx/opentracks-hike.gpx': { sports: ['other'] },
  'gpx/opentracks-ride.gpx': { sports: ['other'] },
  'gpx/osmand-empty-ele.gpx': 'NOT_AN_ACTIVITY',
  'gpx/osmand-empty-trk.gpx': 'NO_DATA',
  'gpx/route-only.gpx': 'NOT_AN_ACTIVITY',
  'gpx/rwgps-wahoo-route.gpx': 'NOT_AN_ACTIVITY',
  'gpx/strava-ride-hr.gpx': { sports: ['ride'] },
  'gpx/strava-route-run.gpx': 'NO_TIMESTAMPS',
  'gpx/strava-run-gpxtpx.gpx': { sports: ['other'] },
  'gpx/strava-short-hr-cad.gpx': { sports: ['other'] },
  'gpx/track-with-empty-segment.gpx': { sports: ['other'] },
  'gpx/unicode-bom-no-encoding.gpx': 'NOT_AN_ACTIVITY',
  'gpx/wikipedia-example.gpx': 'NOT_AN_ACTIVITY',
  'bad/gpx-latlon-undefined.gpx': 'GPX_BAD_COORDINATES',
  'bad/gpx-truncated-50pct.gpx': { sports: ['run'], warnings: ['XML_TRUNCATED'] },
  'bad/gpx-renamed-as.fit': { sports: ['other'] },
};

describe('parseGpx on the corpus', () => {
  it('has an expected outcome for every GPX file in the corpus', () => {
    const files = [
      ...readdirSync(new URL('gpx/', CORPUS)).map((f) => `gpx/${f}`),
      ...readdirSync(new URL('bad/', CORPUS))
        .filter((f) => f.startsWith('gpx-'))
        .map((f) => `bad/${f}`),
    ];
    assert.deepEqual(files.sort(), Object.keys(OUTCOMES).sort());
  });

  for (const [file, expected] of Object.entries(OUTCOMES)) {
    it(`${file} → ${typeof expected === 'string' ? expected : expected.sports.join(',')}`, () => {
      const result = parseOrCode(corpusBytes(file));
      if (typeof expected === 'string') {
        assert.equal(result, expected);
        return;
      }
      assert.ok(typeof result !== 'string', `unexpected ImportError ${String(result)}`);
      assert.deepEqual(
        result.activities.map((a) => a.sport),
        expected.sports,
      );
      assert.deepEqual(
        result.warnings.map((w) => w.code),
        expected.warnings ?? [],
      );
      for (const a of result.activities) {
        const s = a.streams;
        assert.ok(s !== null && s.timeS.length >= 2);
        assert.equal(a.format, 'gpx');
        assert.equal(a.totals.distanceM, null, 'GPX states no totals');
        for (let i = 1; i < s.timeS.length; i++)
          assert.ok((s.timeS[i] as number) >= (s.timeS[i - 1] as number));
        if (s.distanceM !== null) {
          assert.equal(s.distanceM.length, s.timeS.length);
          for (let i = 1; i < s.distanceM.length; i++) {
            assert.ok((s.distanceM[i] as number) >= (s.distanceM[i - 1] as number));
          }
        }
      }
    });
  }
});

describe('parseGpx values', () => {
  it('reads a Garmin Connect run: start, device, HR, cadence doubled to steps/min, distance from positions', () => {
    const a = only(parseGpx(corpusBytes('gpx/garmin-connect-run-hr-cad.gpx')));
    const s = a.streams!;
    assert.equal(a.startMs, Date.parse('2017-07-29T14:46:35.000Z'));
    assert.equal(a.device, 'Garmin Connect');
    assert.equal(a.name, 'casual stroll');
    assert.equal(a.rawSport, 'running');
    assert.equal(s.timeS.length, 988);
    assert.equal(s.timeS[0], 0);
    assert.equal(s.heartRateBpm?.[0], 74);
    assert.equal(s.cadenceSpm?.[0], 158); // <ns3:cad>79</ns3:cad> strides/min
    assert.equal(s.altitudeM?.[0], 104);
    assert.ok(Math.abs((s.latDeg?.[0] as number) - 37.241738) < 1e-5);
    const km = (s.distanceM?.[s.distanceM.length - 1] as number) / 1000;
    assert.ok(km > 12 && km < 13.5, `distance ${km} km`);
  });

  it('reads the gzip copy identically', () => {
    const plain = only(parseGpx(corpusBytes('gpx/garmin-connect-run-hr-cad.gpx')));
    const gz = only(parseGpx(corpusBytes('gpx/garmin-connect-run-hr-cad.gpx.gz')));
    assert.deepEqual(gz, plain);
  });

  it('keeps the points before the cut of a truncated file, with a warning', () => {
    const full = only(parseGpx(corpusBytes('gpx/garmin-connect-run-hr-cad.gpx'))).streams!;
    const cut = parseGpx(corpusBytes('bad/gpx-truncated-50pct.gpx'));
    const s = only(cut).streams!;
    assert.equal(cut.warnings[0]?.code, 'XML_TRUNCATED');
    assert.ok(s.timeS.length > 400 && s.timeS.length < full.timeS.length);
    assert.deepEqual([...s.timeS], [...full.timeS.subarray(0, s.timeS.length)]);
  });

  it('makes one activity per <trk> and keeps track names', () => {
    const result = parseGpx(corpusBytes('gpx/mapsource-multitrack.gpx'));
    assert.deepEqual(
      result.activities.map((a) => a.name),
      ['Tag 1', 'Tag 2', 'Tag 3'],
    );
  });

  it('maps Strava numeric type 1 to a ride, and reads sub-second times with their offset', () => {
    assert.equal(only(parseGpx(corpusBytes('gpx/strava-ride-hr.gpx'))).sport, 'ride');
    const nike = only(parseGpx(corpusBytes('gpx/nikeplus-run-subsecond.gpx')));
    assert.equal(nike.utcOffsetS, 3600);
    assert.ok(Math.abs((nike.streams!.timeS[1] as number) - 0.994) < 1e-9);
  });

  it('treats 0 bpm as no reading (OpenTracks writes 0 without a strap)', () => {
    assert.equal(only(parseGpx(corpusBytes('gpx/opentracks-ride.gpx'))).streams!.heartRateBpm, null);
  });

  it('reads a file with a UTF-8 BOM and no namespace, non-ASCII name intact', () => {
    const a = only(parseGpx(corpusBytes('gpx/bom-no-namespace.gpx')));
    assert.equal(a.streams!.timeS.length, 3497);
    assert.equal(a.name, 'Vse kar bi lahk slo narobe je slo narobe');
  });

  it('refuses an entity bomb with XML_DTD_REFUSED', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      '<gpx version="1.1"><trk><name>&lol2;</name></trk></gpx>';
    assert.equal(parseOrCode(new TextEncoder().encode(bomb)), 'XML_DTD_REFUSED');
  });

  it('refuses a file that is not GPX and malformed XML with clear codes', () => {
    assert.equal(parseOrCode(new TextEncoder().encode('<kml></kml>')), 'UNSUPPORTED_FORMAT');
    assert.equal(parseOrCode(new TextEncoder().encode('<gpx><trk></gpx>')), 'XML_MALFORMED');
  });
});
