/**
 * What the decoder makes of FIT semantics: sports, multisport sessions, cadence units, time zones,
 * device-relative times, unterminated recordings, and byte-level cases built by hand (compressed
 * timestamps, big-endian definitions, developer fields, misaligned sizes, redefinitions).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportError } from '../../domain/errors.ts';
import { decodeFit } from './fit.decoder.ts';
import { mapSport } from './fit.mapper.ts';
import { corpusBytes } from './fit-corpus.test-support.ts';
import { fitCrc } from './fit-crc.ts';
import { deviceName } from './fit-names.ts';

describe('FIT sport mapping', () => {
  it('maps sport/sub_sport onto our sports', () => {
    assert.equal(mapSport(1, 0), 'run');
    assert.equal(mapSport(1, 3), 'trail_run');
    assert.equal(mapSport(1, 1), 'treadmill_run');
    assert.equal(mapSport(1, 45), 'treadmill_run');
    assert.equal(mapSport(1, 4), 'track_run');
    assert.equal(mapSport(11, 0), 'walk');
    assert.equal(mapSport(17, 0), 'hike');
    assert.equal(mapSport(2, 58), 'ride');
    assert.equal(mapSport(5, 17), 'swim');
    assert.equal(mapSport(3, 0), 'other');
    assert.equal(mapSport(Number.NaN, Number.NaN), 'other');
  });

  it('names devices', () => {
    assert.equal(deviceName(1, 2697, null), 'Garmin fenix 5');
    assert.equal(deviceName(1, 65000, null), 'garmin product 65000');
    assert.equal(deviceName(32, 31, 'ELEMNT BOLT'), 'Wahoo ELEMNT BOLT');
  });
});

describe('FIT files of the corpus', () => {
  it('multisport: one activity per session, records partitioned, transitions are "other"', () => {
    const { activities } = decodeFit(corpusBytes('fit/garmin-fenix2-multisport-7sessions.fit'));
    assert.deepEqual(
      activities.map((a) => a.sport),
      ['other', 'other', 'run', 'other', 'run', 'other', 'ride'],
    );
    for (let i = 1; i < activities.length; i++) {
      const prev = activities[i - 1];
      const cur = activities[i];
      assert.ok(prev && cur && cur.startMs >= prev.startMs);
      // Each leg's stream starts at its own start.
      assert.ok(Math.abs(cur.streams?.timeS[0] ?? 99) <= 2, `${i}: ${cur.streams?.timeS[0]}`);
    }
  });

  it('running cadence is doubled to steps/min (session and records), cycling cadence stays rpm', () => {
    const run = decodeFit(corpusBytes('fit/garmin-fenix2-run.fit')).activities[0];
    assert.ok(run);
    assert.ok(
      run.totals.avgCadenceSpm !== null && run.totals.avgCadenceSpm >= 162 && run.totals.avgCadenceSpm < 164,
    );
    const runCadence = run.streams?.cadenceSpm?.[1000] ?? 0;
    assert.ok(runCadence > 140 && runCadence < 200, `${runCadence}`);
    const ride = decodeFit(corpusBytes('fit/garmin-edge510-ride.fit')).activities[0];
    assert.equal(ride?.totals.avgCadenceSpm, 84);
  });

  it('reads the UTC offset from activity.local_timestamp, and a readable device', () => {
    const a = decodeFit(corpusBytes('fit/garmin-fenix5-run-short.fit')).activities[0];
    assert.equal(a?.utcOffsetS, -7 * 3600);
    assert.equal(a?.device, 'Garmin fenix 5');
    assert.equal(a?.rawSport, 'running/generic');
  });

  it('FR70 compressed timestamps: all records, distance from compressed_speed_distance, no invented date', () => {
    const result = decodeFit(corpusBytes('fit/garmin-fr70-run-compressed-speed-distance.fit'));
    const a = result.activities[0];
    assert.ok(a?.streams?.distanceM);
    assert.ok(Number.isNaN(a.startMs));
    assert.ok(result.warnings.some((w) => w.code === 'FIT_DEVICE_RELATIVE_TIME'));
    const s = a.streams;
    const n = s.timeS.length;
    assert.equal(n, 755);
    assert.equal(s.timeS[0], 0);
    assert.ok(Math.abs((s.timeS[n - 1] as number) - 3883) < 10);
    assert.ok(Math.abs((s.distanceM?.[n - 1] as number) - 10248.67) < 1);
    assert.equal(a.totals.avgCadenceSpm, 176);
  });

  it('an unterminated recording (no session, no lap totals) becomes one activity from its records', () => {
    const result = decodeFit(corpusBytes('bad/sigma-unterminated.fit'));
    const a = result.activities[0];
    assert.equal(a?.sport, 'ride');
    assert.equal(a?.streams?.timeS.length, 14391);
    assert.ok((a?.totals.distanceM ?? 0) > 100000);
    assert.ok((a?.totals.elapsedS ?? 0) > 10000);
    assert.ok(result.warnings.some((w) => w.code === 'FIT_TRUNCATED'));
  });
});

/** A FIT file (14-byte header, CRCs) around hand-written message bytes. */
function fitFile(body: number[]): Uint8Array {
  const out = new Uint8Array(14 + body.length + 2);
  const view = new DataView(out.buffer);
  out.set([14, 0x20, 0x54, 0x08], 0);
  view.setUint32(4, body.length, true);
  out.set([0x2e, 0x46, 0x49, 0x54], 8);
  view.setUint16(12, fitCrc(out, 0, 12), true);
  out.set(body, 14);
  view.setUint16(14 + body.length, fitCrc(out, 0, 14 + body.length), true);
  return out;
}
const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
const be32 = (v: number) => le32(v).reverse();
const T0 = 1_000_000_000; // a UTC FIT time (2021-09-09), T0 & 0x1f === 0

describe('FIT byte-level cases', () => {
  it('compressed-timestamp headers roll over every 32 s against the last full timestamp', () => {
    const bytes = fitFile([
      // local 0: record {253 uint32, 3 uint8 heart_rate}
      0x40,
      0,
      0,
      20,
      0,
      2,
      253,
      4,
      0x86,
      3,
      1,
      0x02,
      0x00,
      ...le32(T0),
      100,
      // local 1: record {3 uint8} used with compressed headers
      0x41,
      0,
      0,
      20,
      0,
      1,
      3,
      1,
      0x02,
      0x80 | (1 << 5) | 10,
      101,
      0x80 | (1 << 5) | 31,
      102,
      0x80 | (1 << 5) | 2,
      0xff,
    ]);
    const a = decodeFit(bytes).activities[0];
    assert.deepEqual([...(a?.streams?.timeS ?? [])], [0, 10, 31, 34]);
    assert.deepEqual([...(a?.streams?.heartRateBpm ?? [])], [100, 101, 102, Number.NaN]);
    assert.equal(a?.startMs, 631065600000 + T0 * 1000);
  });

  it('big-endian definitions, developer fields skipped by size, misaligned fields invalid, redefinitions', () => {
    const bytes = fitFile([
      // local 0, big-endian, with one 3-byte developer field: record {253 uint32, 5 uint32 distance, 6 speed size 3}
      0x60,
      0,
      1,
      0,
      20,
      3,
      253,
      4,
      0x86,
      5,
      4,
      0x86,
      6,
      3,
      0x84,
      1,
      0,
      3,
      0,
      0x00,
      ...be32(T0),
      ...be32(12345),
      1,
      2,
      3,
      9,
      9,
      9,
      0x00,
      ...be32(T0 + 1),
      ...be32(12445),
      1,
      2,
      3,
      9,
      9,
      9,
      // local 0 redefined little-endian: record {253 uint32, 3 uint8}
      0x40,
      0,
      0,
      20,
      0,
      2,
      253,
      4,
      0x86,
      3,
      1,
      0x02,
      0x00,
      ...le32(T0 + 2),
      150,
    ]);
    const a = decodeFit(bytes).activities[0];
    const s = a?.streams;
    assert.deepEqual([...(s?.timeS ?? [])], [0, 1, 2]);
    assert.deepEqual([...(s?.distanceM ?? [])], [123.45, 124.45, Number.NaN]);
    assert.equal(s?.speedMps, null, 'a uint16 field declared 3 bytes long is invalid');
    assert.deepEqual([...(s?.heartRateBpm ?? [])], [Number.NaN, Number.NaN, 150]);
  });

  it('a data message for an undefined local type stops decoding with FIT_CORRUPT and keeps what came before', () => {
    const bytes = fitFile([
      0x40,
      0,
      0,
      20,
      0,
      1,
      253,
      4,
      0x86,
      0x00,
      ...le32(T0),
      0x00,
      ...le32(T0 + 1),
      0x05,
      1,
      2,
      3,
    ]);
    const result = decodeFit(bytes);
    assert.equal(result.activities[0]?.streams?.timeS.length, 2);
    assert.deepEqual(
      result.warnings.map((w) => w.code),
      ['FIT_CORRUPT'],
    );
  });
});

describe('FIT files never finalised', () => {
  it('a header with data size 0 followed by messages is read to the end with FIT_TRUNCATED', () => {
    const body = [0x40, 0, 0, 20, 0, 1, 253, 4, 0x86, 0x00, ...le32(T0), 0x00, ...le32(T0 + 1)];
    const bytes = fitFile(body);
    new DataView(bytes.buffer).setUint32(4, 0, true);
    const result = decodeFit(bytes.subarray(0, bytes.length - 2));
    assert.equal(result.activities[0]?.streams?.timeS.length, 2);
    assert.deepEqual(
      result.warnings.map((w) => w.code),
      ['FIT_CRC_MISMATCH', 'FIT_TRUNCATED'],
    );
  });
});

describe('FIT files with nothing usable', () => {
  it('corruption before the first message is FIT_CORRUPT; zero padding after the last file is ignored', () => {
    assert.throws(
      () => decodeFit(fitFile([0x03, 1, 2, 3])),
      (e: unknown) => e instanceof ImportError && e.code === 'FIT_CORRUPT',
    );
    const body = [0x40, 0, 0, 20, 0, 1, 253, 4, 0x86, 0x00, ...le32(T0), 0x00, ...le32(T0 + 1)];
    const padded = new Uint8Array([...fitFile(body), 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(decodeFit(padded).warnings, []);
  });
});
